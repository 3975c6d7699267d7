import { FALLBACK_GENERATED_BY, OUTPUT_RETRY_NOTE, RetryingModel } from '@alex/agents';
import { answer } from '@alex/agents/testing';
import { portfolioFacts } from '@alex/analysis';
import { createMetricsEmitter } from '@alex/core';
import { type Chart, NotFoundError, TEST_USER } from '@alex/database';
import { functionCall, modelError, ScriptedModel } from '@openai/agents/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChartEvent, makeCharts } from '../src/charter.ts';
import { OFFLINE_CHART_NOTE } from '../src/offline.ts';
import { chartDeps, newJob, startTestDatabase, type TestDatabase } from './support.ts';

const USER = TEST_USER.clerk_user_id;
const getChartData = () => [functionCall('get_chart_data', {}, { callId: 'call_chart_data' })];
const throttled = () => Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
const texts = {
  charts: [
    { key: 'asset_class', title: 'Mostly stocks', description: 'Equity is the largest asset class.' },
    { key: 'made_up', title: 'Invented chart', description: 'A chart that was never computed.' },
    { key: 'accounts', title: 'Mostly the 401k', description: 'The 401k holds the most.' },
  ],
};

describe('makeCharts with scripted model turns', () => {
  let db: TestDatabase;
  let computed: Chart[];
  const run = async (model: ScriptedModel | RetryingModel) => {
    const jobId = await newJob(db.repos, USER);
    const event = ChartEvent.parse({ job_id: jobId, clerk_user_id: USER });
    const result = await makeCharts(event, chartDeps(db.repos, model));
    const stored = (await db.repos.reports.getForJob(USER, jobId)).charts;
    return { result, stored, byKey: (key: string) => stored.find((c) => c.key === key) };
  };

  beforeAll(async () => {
    db = await startTestDatabase();
    computed = portfolioFacts(await db.repos.portfolio.get(USER)).charts;
  });
  afterAll(async () => db?.close());

  it('hands the model the computed chart data through get_chart_data', async () => {
    const model = new ScriptedModel([getChartData(), answer(texts)]);

    await run(model);

    model.assertComplete();
    const toolResult = JSON.stringify(model.calls[1]?.request.input);
    expect(toolResult).toContain('total_value_usd');
    expect(toolResult).toContain('top_holdings');
  });

  it("applies the model's titles, ignores unknown keys and keeps computed words for skipped keys", async () => {
    const { result, stored, byKey } = await run(new ScriptedModel([getChartData(), answer(texts)]));

    expect(result.charts).not.toContain('made_up');
    expect(byKey('asset_class')).toMatchObject({
      title: 'Mostly stocks',
      description: texts.charts[0]?.description,
    });
    expect(byKey('accounts')?.title).toBe('Mostly the 401k');
    const skipped = computed.find((c) => c.key === 'top_holdings');
    expect(byKey('top_holdings')).toMatchObject({ title: skipped?.title, description: skipped?.description });
    expect(stored.map((c) => c.data)).toEqual(computed.map((c) => c.data));
  });

  it('asks again after a title that is too long, and applies the corrected answer', async () => {
    const tooLong = { charts: [{ key: 'asset_class', title: 'x'.repeat(200), description: 'Too long.' }] };
    const model = new ScriptedModel([answer(tooLong), answer(texts)]);

    const { byKey } = await run(model);

    expect(JSON.stringify(model.calls[1]?.request.input)).toContain(OUTPUT_RETRY_NOTE);
    expect(byKey('asset_class')?.title).toBe('Mostly stocks');
  });

  it("stores the offline writer's labelled texts, marked offline-fallback, when the retry is invalid too", async () => {
    const invalid = { charts: [] };
    const { result, stored } = await run(new ScriptedModel([answer(invalid), answer(invalid)]));

    expect(result.generated_by).toBe(FALLBACK_GENERATED_BY);
    expect(stored.map((c) => c.generated_by)).toEqual(computed.map(() => FALLBACK_GENERATED_BY));
    for (const c of stored) expect(c.description.endsWith(OFFLINE_CHART_NOTE)).toBe(true);
    expect(stored.map((c) => c.data)).toEqual(computed.map((c) => c.data));
  });

  it('rejects a title stating a share the chart data does not hold, and asks again naming it', async () => {
    const invented = {
      charts: [{ key: 'asset_class', title: 'Asset classes: 99.5% equity', description: 'Mostly stocks.' }],
    };
    const model = new ScriptedModel([answer(invented), answer(texts)]);

    const { result, byKey } = await run(model);

    const retry = JSON.stringify(model.calls[1]?.request.input);
    expect(retry).toContain(OUTPUT_RETRY_NOTE);
    expect(retry).toContain('not in the tool results: 99.5%');
    expect(byKey('asset_class')).toMatchObject({ title: 'Mostly stocks', generated_by: 'offline' });
    expect(result.generated_by).toBe('offline');
  });

  it('counts the fallback in the running job and emits FallbackCount for the charter', async () => {
    const job = { id: await newJob(db.repos, USER) };
    await db.repos.jobs.claim(job.id, { staleAfterSeconds: 900 });
    const lines: string[] = [];
    const metrics = createMetricsEmitter({ sink: (line) => void lines.push(line), clock: () => 0 });
    const invalid = { charts: [] };
    const model = new ScriptedModel([answer(invalid), answer(invalid)]);

    try {
      await makeCharts(
        ChartEvent.parse({ job_id: job.id, clerk_user_id: USER }),
        chartDeps(db.repos, model, { metrics }),
      );

      expect((await db.repos.jobs.get(USER, job.id)).progress.charter).toEqual({
        status: 'running',
        fallbacks: 1,
      });
      expect(lines.map((line) => JSON.parse(line))).toEqual([
        expect.objectContaining({ Agent: 'charter', FallbackCount: 1 }),
      ]);
    } finally {
      await db.repos.jobs.fail(job.id, 'closed by the test');
    }
  });

  it('retries a throttled model call and then succeeds', async () => {
    const scripted = new ScriptedModel([modelError(throttled()), getChartData(), answer(texts)]);

    const { byKey } = await run(new RetryingModel(scripted, { sleep: async () => {} }));

    expect(byKey('accounts')?.title).toBe('Mostly the 401k');
    expect(scripted.calls).toHaveLength(3);
  });

  it('fails and stores nothing when the model call fails for another reason', async () => {
    const jobId = await newJob(db.repos, USER);
    const event = ChartEvent.parse({ job_id: jobId, clerk_user_id: USER });
    const denied = Object.assign(new Error('not authorized to invoke this model'), {
      name: 'AccessDeniedException',
    });
    const model = new ScriptedModel([modelError(denied)]);

    await expect(makeCharts(event, chartDeps(db.repos, model))).rejects.toThrow('not authorized');
    await expect(db.repos.reports.getForJob(USER, jobId)).rejects.toBeInstanceOf(NotFoundError);
  });
});
