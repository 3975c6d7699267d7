import { OUTPUT_RETRY_NOTE, RetryingModel } from '@alex/agents';
import { answer } from '@alex/agents/testing';
import { portfolioFacts } from '@alex/analysis';
import { silentLogger } from '@alex/core';
import { type Chart, NotFoundError, TEST_USER } from '@alex/database';
import { functionCall, modelError, ScriptedModel } from '@openai/agents/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChartEvent, makeCharts } from '../src/charter.ts';
import { newJob, startTestDatabase, type TestDatabase } from './support.ts';

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
    const result = await makeCharts(event, { repos: db.repos, model, logger: silentLogger });
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

  it('keeps the computed titles when the answer is still invalid after the retry', async () => {
    const invalid = { charts: [] };
    const { stored } = await run(new ScriptedModel([answer(invalid), answer(invalid)]));

    expect(stored.map((c) => [c.key, c.title, c.description])).toEqual(
      computed.map((c) => [c.key, c.title, c.description]),
    );
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

    await expect(makeCharts(event, { repos: db.repos, model, logger: silentLogger })).rejects.toThrow(
      'not authorized',
    );
    await expect(db.repos.reports.getForJob(USER, jobId)).rejects.toBeInstanceOf(NotFoundError);
  });
});
