import { createModel } from '@alex/agents';
import { portfolioFacts } from '@alex/analysis';
import { NotFoundError, TEST_USER } from '@alex/database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChartEvent, ChartingError, makeCharts } from '../src/charter.ts';
import { charterOfflineScript, OFFLINE_CHART_NOTE } from '../src/offline.ts';
import { chartDeps, newJob, startTestDatabase, type TestDatabase } from './support.ts';

const USER = TEST_USER.clerk_user_id;

describe('makeCharts on the embedded database with the offline model', () => {
  let db: TestDatabase;
  const model = createModel({ provider: 'offline' }, charterOfflineScript);
  const chart = async (user = USER) => {
    const jobId = await newJob(db.repos, user);
    const event = ChartEvent.parse({ job_id: jobId, clerk_user_id: user });
    return { jobId, result: await makeCharts(event, chartDeps(db.repos, model)) };
  };

  beforeAll(async () => {
    db = await startTestDatabase();
  });
  afterAll(async () => db?.close());

  it('stores every computed chart with its data unchanged and returns their keys', async () => {
    const { jobId, result } = await chart();

    const computed = portfolioFacts(await db.repos.portfolio.get(USER)).charts;
    expect(computed).toHaveLength(5); // asset class, regions, sectors, accounts, top holdings
    expect(result.charts).toEqual(computed.map((c) => c.key));
    const stored = (await db.repos.reports.getForJob(USER, jobId)).charts;
    expect(stored.map(({ key, type, data }) => ({ key, type, data }))).toEqual(
      computed.map(({ key, type, data }) => ({ key, type, data })),
    );
  });

  it('keeps each chart’s fixed title, describes its figures and labels the text as offline', async () => {
    const { jobId } = await chart();

    const stored = (await db.repos.reports.getForJob(USER, jobId)).charts;
    const assetClass = stored.find((c) => c.key === 'asset_class');
    const largest = [...(assetClass?.data ?? [])].sort((a, b) => b.value - a.value)[0];
    expect(assetClass?.title).toBe('Asset allocation');
    expect(assetClass?.description).toContain(`${largest?.name} ${Number(largest?.value.toFixed(1))}%`);
    for (const c of stored) expect(c.description.endsWith(OFFLINE_CHART_NOTE)).toBe(true);
  });

  it("passes the offline model's texts through the figure check, marked with the model that wrote them", async () => {
    const { jobId, result } = await chart();

    expect(result.generated_by).toBe('offline');
    const stored = (await db.repos.reports.getForJob(USER, jobId)).charts;
    expect(stored.map((c) => c.generated_by)).toEqual(stored.map(() => 'offline'));
  });

  it('stores allocation charts whose percentages sum to 100', async () => {
    const { jobId } = await chart();

    const stored = (await db.repos.reports.getForJob(USER, jobId)).charts;
    for (const c of stored.filter((c) => c.key !== 'accounts')) {
      expect(Math.abs(c.data.reduce((sum, p) => sum + p.value, 0) - 100)).toBeLessThanOrEqual(0.1);
    }
  });

  it('fails for a user whose portfolio has nothing to chart', async () => {
    await db.repos.users.getOrCreate({ clerk_user_id: 'user_empty_1' });

    await expect(chart('user_empty_1')).rejects.toBeInstanceOf(ChartingError);
  });

  it('fails for a user that does not exist', async () => {
    const event = ChartEvent.parse({
      job_id: '0b7c9a52-1d3e-4f6a-8b9c-0d1e2f3a4b5c',
      clerk_user_id: 'user_nobody',
    });

    await expect(makeCharts(event, chartDeps(db.repos, model))).rejects.toBeInstanceOf(NotFoundError);
  });
});
