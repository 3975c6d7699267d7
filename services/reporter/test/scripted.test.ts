import { FALLBACK_GENERATED_BY, OFFLINE_LABEL, OUTPUT_RETRY_NOTE, RetryingModel } from '@alex/agents';
import { answer, throttling } from '@alex/agents/testing';
import { createMetricsEmitter } from '@alex/core';
import type { Repositories } from '@alex/database';
import { functionCall, modelError, ScriptedModel } from '@openai/agents/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeReport } from '../src/reporter.ts';
import { depsWith, newJob, startSeededDatabase, USER, validReport } from './support.ts';

describe('writeReport with scripted model turns', () => {
  let db: Awaited<ReturnType<typeof startSeededDatabase>>;
  let repos: Repositories;

  beforeAll(async () => {
    db = await startSeededDatabase();
    repos = db.repos;
  });
  afterAll(async () => db?.close());

  it("hands the model the computed analysis through the tool and stores the model's report", async () => {
    const jobId = await newJob(repos);
    const model = new ScriptedModel([
      [functionCall('get_portfolio_analysis', {}, { callId: 'call_1' })],
      answer(validReport('$193,797.95')),
    ]);

    await writeReport(
      { job_id: jobId, clerk_user_id: USER },
      { ...depsWith(repos, model), generatedBy: 'claude-test' },
    );

    const toolOutput = JSON.stringify(model.calls[1]?.request.input);
    expect(toolOutput).toContain('\\"total_value\\":193797.95');
    expect(toolOutput).toContain('\\"target_percent\\":30');
    const stored = await repos.reports.getForJob(USER, jobId);
    expect(stored.report_summary).toBe(validReport('$193,797.95').executive_summary);
    expect(stored.generated_by).toBe('claude-test');
    model.assertComplete();
  });

  it('adds the disclaimer when the model leaves it out', async () => {
    const jobId = await newJob(repos);
    const model = new ScriptedModel([answer(validReport())]);

    const result = await writeReport({ job_id: jobId, clerk_user_id: USER }, depsWith(repos, model));

    const stored = await repos.reports.getForJob(USER, jobId);
    expect(stored.report_detail?.trimEnd().endsWith('_AI-generated analysis, not financial advice._')).toBe(
      true,
    );
    expect(result.report_chars).toBe(stored.report_detail?.length);
    expect(result.insights_available).toBe(false);
  });

  it('asks again, naming the missing sections, when the first report fails the schema', async () => {
    const jobId = await newJob(repos);
    const incomplete = {
      executive_summary: 'A short summary of the portfolio.',
      report_markdown: `## Executive Summary\n\n${'x'.repeat(300)}`,
    };
    const model = new ScriptedModel([answer(incomplete), answer(validReport())]);

    await writeReport({ job_id: jobId, clerk_user_id: USER }, depsWith(repos, model));

    const retryPrompt = JSON.stringify(model.calls[1]?.request.input);
    expect(retryPrompt).toContain(OUTPUT_RETRY_NOTE);
    expect(retryPrompt).toContain('missing headings: Portfolio Composition');
    const stored = await repos.reports.getForJob(USER, jobId);
    expect(stored.report_detail).toContain('## Recommendations');
  });

  it("stores the offline writer's labelled report when the retry is invalid too", async () => {
    const jobId = await newJob(repos);
    const model = new ScriptedModel([answer({ executive_summary: 'x' }), answer({ executive_summary: 'x' })]);

    const result = await writeReport({ job_id: jobId, clerk_user_id: USER }, depsWith(repos, model));

    const stored = await repos.reports.getForJob(USER, jobId);
    expect(stored.generated_by).toBe(FALLBACK_GENERATED_BY);
    expect(stored.report_detail?.startsWith(OFFLINE_LABEL)).toBe(true);
    expect(stored.report_detail).toContain('## Recommendations');
    expect(result.insights_available).toBe(true);
    model.assertComplete();
  });

  it('rejects a report stating a total the code did not compute, asks again naming it, and stores the grounded one', async () => {
    const jobId = await newJob(repos);
    const model = new ScriptedModel([answer(validReport('$250,000.00')), answer(validReport('$193,797.95'))]);

    const result = await writeReport({ job_id: jobId, clerk_user_id: USER }, depsWith(repos, model));

    const retryPrompt = JSON.stringify(model.calls[1]?.request.input);
    expect(retryPrompt).toContain(OUTPUT_RETRY_NOTE);
    expect(retryPrompt).toContain('not in the tool results: $250,000.00');
    expect(result.generated_by).toBe('offline');
    expect((await repos.reports.getForJob(USER, jobId)).report_summary).toContain('$193,797.95');
  });

  it('stores the labelled fallback when both answers state figures the code did not compute, counting it in the job and the metric', async () => {
    const jobId = await newJob(repos);
    await repos.jobs.claim(jobId, { staleAfterSeconds: 900 });
    const lines: string[] = [];
    const metrics = createMetricsEmitter({ sink: (line) => void lines.push(line), clock: () => 0 });
    const model = new ScriptedModel([answer(validReport('$1.2M')), answer(validReport('88.8 %'))]);

    const result = await writeReport(
      { job_id: jobId, clerk_user_id: USER },
      { ...depsWith(repos, model), metrics },
    );

    const stored = await repos.reports.getForJob(USER, jobId);
    expect(stored.generated_by).toBe(FALLBACK_GENERATED_BY);
    expect(stored.report_detail?.startsWith(OFFLINE_LABEL)).toBe(true);
    expect(result.generated_by).toBe(FALLBACK_GENERATED_BY);
    expect((await repos.jobs.get(USER, jobId)).progress.reporter?.fallbacks).toBe(1);
    expect(lines.map((line) => JSON.parse(line))).toEqual([
      expect.objectContaining({ Agent: 'reporter', FallbackCount: 1 }),
    ]);
  });

  it('fails, naming the cause, when the model cannot be reached', async () => {
    const jobId = await newJob(repos);
    const denied = Object.assign(new Error('You do not have access to the model'), {
      name: 'AccessDeniedException',
    });
    const model = new ScriptedModel([modelError(denied)]);

    await expect(writeReport({ job_id: jobId, clerk_user_id: USER }, depsWith(repos, model))).rejects.toThrow(
      'You do not have access to the model',
    );
    await expect(repos.reports.getForJob(USER, jobId)).rejects.toThrow();
  });

  it('waits out a throttled model call and then stores the report', async () => {
    const jobId = await newJob(repos);
    const sleeps: number[] = [];
    const scripted = new ScriptedModel([modelError(throttling()), answer(validReport())]);
    const model = new RetryingModel(scripted, { sleep: async (ms) => void sleeps.push(ms), random: () => 0 });

    await writeReport({ job_id: jobId, clerk_user_id: USER }, depsWith(repos, model));

    expect(sleeps).toEqual([500]);
    expect(scripted.calls).toHaveLength(2);
    expect((await repos.reports.getForJob(USER, jobId)).report_detail).toContain('## Conclusion');
  });
});
