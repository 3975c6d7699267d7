import { FALLBACK_GENERATED_BY, OFFLINE_LABEL, OUTPUT_RETRY_NOTE, RetryingModel } from '@alex/agents';
import { answer, throttling, toolOutputs } from '@alex/agents/testing';
import { portfolioFacts, retirementInputs } from '@alex/analysis';
import type { Repositories } from '@alex/database';
import { runMonteCarlo } from '@alex/finance';
import { functionCall, modelError, ScriptedModel } from '@openai/agents/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRetirement } from '../src/retirement.ts';
import { depsWith, newJob, startSeededDatabase, USER, validAnalysis } from './support.ts';

const money = (n: number) => `$${Math.round(n).toLocaleString('en-US')}`;

describe('projectRetirement with scripted model turns', () => {
  let db: Awaited<ReturnType<typeof startSeededDatabase>>;
  let repos: Repositories;

  beforeAll(async () => {
    db = await startSeededDatabase();
    repos = db.repos;
  });
  afterAll(async () => db?.close());

  it("stores the baseline computed by code, and the model's text when every figure in it is one of the baseline's", async () => {
    const jobId = await newJob(repos);
    // The same projection the service runs (seeded by the job), so the answer can quote its figures.
    const expected = runMonteCarlo(retirementInputs(portfolioFacts(await repos.portfolio.get(USER))));
    const quoted = `A ${expected.successRate.toFixed(1)}% success rate and ${money(expected.sustainableIncome)} a year.`;
    const model = new ScriptedModel([
      [functionCall('run_monte_carlo', {}, { callId: 'call_1' })],
      answer(validAnalysis(quoted)),
    ]);

    const result = await projectRetirement({ job_id: jobId, clerk_user_id: USER }, depsWith(repos, model));

    const [baseline] = toolOutputs(model, 1) as { scenario: string; success_rate: number }[];
    expect(baseline).toMatchObject({ scenario: 'baseline', success_rate: expected.successRate });
    expect(result).toEqual({
      success_rate: expected.successRate,
      estimated_income: expected.sustainableIncome,
      generated_by: 'offline',
    });
    const stored = await repos.retirement.getForJob(USER, jobId);
    expect(stored).toMatchObject({ summary: quoted, generated_by: 'offline' });
    model.assertComplete();
  });

  it('rejects text claiming "100% success, $999,999" beside different computed figures, asks again naming them, then stores the labelled fallback', async () => {
    const jobId = await newJob(repos);
    const invented = answer(validAnalysis('A 100% success rate and $999,999 a year: the plan is perfect.'));
    const model = new ScriptedModel([
      [functionCall('run_monte_carlo', {}, { callId: 'call_1' })],
      invented,
      invented,
    ]);

    const result = await projectRetirement({ job_id: jobId, clerk_user_id: USER }, depsWith(repos, model));

    const retryPrompt = JSON.stringify(model.calls[2]?.request.input);
    expect(retryPrompt).toContain(OUTPUT_RETRY_NOTE);
    expect(retryPrompt).toContain('not in the tool results: 100%, $999,999');
    const stored = await repos.retirement.getForJob(USER, jobId);
    expect(stored.generated_by).toBe(FALLBACK_GENERATED_BY);
    expect(stored.summary?.startsWith(OFFLINE_LABEL)).toBe(true);
    expect(stored.summary).not.toContain('999,999');
    expect(result.success_rate).not.toBe(100);
    expect(result.generated_by).toBe(FALLBACK_GENERATED_BY);
    model.assertComplete();
  });

  it('runs the what-if the model asks for on the changed input only, and records it with the assumptions', async () => {
    const jobId = await newJob(repos);
    const model = new ScriptedModel([
      [functionCall('run_monte_carlo', { years_until_retirement: 28 }, { callId: 'call_1' })],
      answer(validAnalysis()),
    ]);

    const result = await projectRetirement({ job_id: jobId, clerk_user_id: USER }, depsWith(repos, model));

    const [whatIf] = toolOutputs(model, 1) as { changed: object; success_rate: number }[];
    expect(whatIf?.changed).toEqual({ years_until_retirement: { from: 25, to: 28 } });
    expect(whatIf?.success_rate).toBeGreaterThan(result.success_rate);
    const stored = await repos.retirement.getForJob(USER, jobId);
    expect(stored.assumptions?.what_ifs).toEqual([
      { changed: whatIf?.changed, success_rate: whatIf?.success_rate },
    ]);
  });

  it('asks again, naming the invalid field, when the first answer fails the schema', async () => {
    const jobId = await newJob(repos);
    const model = new ScriptedModel([answer({ summary: 'Too short.' }), answer(validAnalysis())]);

    await projectRetirement({ job_id: jobId, clerk_user_id: USER }, depsWith(repos, model));

    const retryPrompt = JSON.stringify(model.calls[1]?.request.input);
    expect(retryPrompt).toContain(OUTPUT_RETRY_NOTE);
    expect(retryPrompt).toContain('at \\"detail\\"');
    expect((await repos.retirement.getForJob(USER, jobId)).summary).toBe(validAnalysis().summary);
  });

  it("stores the offline writer's labelled analysis, with the computed numbers, when the retry is invalid too", async () => {
    const jobId = await newJob(repos);
    const model = new ScriptedModel([answer({ summary: 'x' }), answer({ summary: 'x' })]);

    const result = await projectRetirement({ job_id: jobId, clerk_user_id: USER }, depsWith(repos, model));

    const stored = await repos.retirement.getForJob(USER, jobId);
    expect(stored.summary?.startsWith(OFFLINE_LABEL)).toBe(true);
    expect(stored.success_rate).toBe(result.success_rate.toFixed(2));
    expect(stored.generated_by).toBe(FALLBACK_GENERATED_BY);
    expect(stored.assumptions).not.toHaveProperty('text_generated_by');
    expect(stored.detail).toContain('## What-ifs');
  });

  it('answers a repeated what-if from the earlier run instead of simulating it again', async () => {
    const jobId = await newJob(repos);
    const ask = (callId: string) => [
      functionCall('run_monte_carlo', { annual_contribution: 12_000 }, { callId }),
    ];
    const model = new ScriptedModel([ask('call_1'), ask('call_2'), answer(validAnalysis())]);

    await projectRetirement({ job_id: jobId, clerk_user_id: USER }, depsWith(repos, model));

    const [first, second] = toolOutputs(model, 2);
    expect(second).toEqual(first);
    expect((await repos.retirement.getForJob(USER, jobId)).assumptions?.what_ifs).toHaveLength(1);
  });

  it('fails, naming the cause, when the model cannot be reached', async () => {
    const jobId = await newJob(repos);
    const denied = Object.assign(new Error('You do not have access to the model'), {
      name: 'AccessDeniedException',
    });
    const model = new ScriptedModel([modelError(denied)]);

    await expect(
      projectRetirement({ job_id: jobId, clerk_user_id: USER }, depsWith(repos, model)),
    ).rejects.toThrow('You do not have access to the model');
    await expect(repos.retirement.getForJob(USER, jobId)).rejects.toThrow();
  });

  it('waits out a throttled model call and then stores the projection', async () => {
    const jobId = await newJob(repos);
    const sleeps: number[] = [];
    const scripted = new ScriptedModel([modelError(throttling()), answer(validAnalysis())]);
    const model = new RetryingModel(scripted, { sleep: async (ms) => void sleeps.push(ms), random: () => 0 });

    await projectRetirement({ job_id: jobId, clerk_user_id: USER }, depsWith(repos, model));

    expect(sleeps).toEqual([500]);
    expect(scripted.calls).toHaveLength(2);
    expect((await repos.retirement.getForJob(USER, jobId)).detail).toContain('not financial advice');
  });
});
