import { createLogger } from '@alex/core';
import type { Repositories } from '@alex/database';
import { type SeededDatabase, startSeededDatabase } from '@alex/local-data-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalPipeline, startLocalPipeline } from '../lib/local-pipeline.ts';

describe('the whole analysis pipeline on the embedded database with the offline model', () => {
  let db: SeededDatabase;
  let repos: Repositories;
  let pipeline: LocalPipeline;
  const USER = 'user_test_123';

  beforeAll(async () => {
    db = await startSeededDatabase();
    repos = db.repos;
    // The services are built from this environment: this database and the offline model.
    pipeline = await startLocalPipeline({
      client: db.client,
      env: { DATA_API_ENDPOINT: db.url, ALEX_MODEL_PROVIDER: 'offline', LOG_LEVEL: 'error' },
      logger: createLogger({ level: 'error' }),
    });
  });
  afterAll(async () => {
    await pipeline?.close();
    await db?.close();
  });

  const analyse = async (user: string) => {
    const job = await repos.jobs.create(user);
    pipeline.queue.send(job.id);
    await pipeline.queue.drained();
    return repos.jobs.get(user, job.id);
  };

  it('fills the report, the charts and the retirement projection', async () => {
    const job = await analyse(USER);
    expect(job.error_message).toBeNull();
    expect(job.status).toBe('completed');
    const report = await repos.reports.getForJob(USER, job.id);
    expect(report.report_detail).toMatch(/Executive Summary[\s\S]*Recommendations[\s\S]*Conclusion/);
    expect(report.charts.map((c) => c.key)).toEqual(
      expect.arrayContaining(['asset_class', 'regions', 'sectors']),
    );
    expect(report.region_chart?.key).toBe('regions');
    expect(report.sector_chart?.key).toBe('sectors');
    const retirement = await repos.retirement.getForJob(USER, job.id);
    expect(Number(retirement.success_rate)).toBeGreaterThanOrEqual(0);
    expect(retirement.chart?.data.length).toBeGreaterThan(25);
    // The offline model's text passes the figure check everywhere: no fallback, nothing counted.
    expect([
      report.generated_by,
      retirement.generated_by,
      ...report.charts.map((c) => c.generated_by),
    ]).toEqual([report, retirement, ...report.charts].map(() => 'offline'));
    expect(Object.values(job.progress).map((p) => p?.fallbacks)).toEqual(
      Object.values(job.progress).map(() => undefined),
    );
  });

  it('tags a known new symbol, reports an unknown one, and still completes', async () => {
    const user = 'user_pipeline_unknowns';
    await repos.users.getOrCreate({ clerk_user_id: user });
    const account = await repos.accounts.create(user, { account_name: 'Brokerage', cash_balance: '1000' });
    await repos.positions.upsert(user, { account_id: account.id, symbol: 'SPY', quantity: '10' });
    await repos.positions.upsert(user, { account_id: account.id, symbol: 'AAPL', quantity: '5' });
    await repos.positions.upsert(user, { account_id: account.id, symbol: 'QWXYZ', quantity: '7' });
    const job = await analyse(user);
    expect(job.status).toBe('completed');
    expect(job.progress.tagger?.status).toBe('completed');
    expect(job.result_data).toMatchObject({
      tagged: ['AAPL'],
      unresolved: [expect.objectContaining({ symbol: 'QWXYZ' })],
    });
    expect((await repos.instruments.get('AAPL'))?.allocation_asset_class).toBeTruthy();
    expect((await repos.instruments.get('QWXYZ'))?.current_price).toBeNull();
  });
});
