import { BACKENDS, startTestDatabase, type TestDatabase } from '@alex/local-data-api/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AnalysisSnapshot,
  createRepositories,
  type Repositories,
  resetDatabase,
  ValidationError,
} from '../../src/index.ts';
import { RETIREMENT } from './fixtures.ts';

const ALICE = 'user_tools_alice';
const BOB = 'user_tools_bob';

const SNAPSHOT: AnalysisSnapshot = {
  total_value: 1000,
  invested_value: 900,
  cash_value: 100,
  asset_class: [{ key: 'equity', percent: 90 }],
  regions: [{ key: 'north_america', percent: 100 }],
  failing_checks: ['Cash drag'],
};

describe.each(BACKENDS)('portfolio tools repositories on %s', (kind) => {
  let db: TestDatabase;
  let repos: Repositories;

  beforeAll(async () => {
    db = await startTestDatabase(kind);
    await resetDatabase(db.client);
    repos = createRepositories(db.client);
    await repos.users.getOrCreate({ clerk_user_id: ALICE });
    await repos.users.getOrCreate({ clerk_user_id: BOB });
  });
  afterAll(async () => db?.close());

  it('gives no risk settings until the user changes one, then merges each change into the rest', async () => {
    expect(await repos.riskRules.get(ALICE)).toEqual({});

    await repos.riskRules.update(ALICE, { cash_drag: { enabled: true, threshold: 5 } });
    const merged = await repos.riskRules.update(ALICE, {
      too_few_holdings: { enabled: false, threshold: 4 },
    });

    expect(merged).toEqual({
      cash_drag: { enabled: true, threshold: 5 },
      too_few_holdings: { enabled: false, threshold: 4 },
    });
    expect(await repos.riskRules.get(BOB)).toEqual({});
  });

  it('refuses a threshold outside its rule bounds and stores nothing', async () => {
    await expect(
      repos.riskRules.update(BOB, { holding_concentration: { enabled: true, threshold: 101 } }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(await repos.riskRules.get(BOB)).toEqual({});
  });

  it('lists completed analyses newest first with their snapshot and retirement figures, only the owner’s', async () => {
    // Prepare: two completed jobs for Alice (one without a snapshot), one pending.
    const older = await repos.jobs.create(ALICE);
    await db.client.query(
      "UPDATE analysis_jobs SET status = 'completed', completed_at = now(), created_at = now() - interval '1 day' WHERE id = :id::uuid",
      { id: older.id },
    );
    const newer = await repos.jobs.create(ALICE);
    await db.client.query(
      "UPDATE analysis_jobs SET status = 'completed', completed_at = now() WHERE id = :id::uuid",
      {
        id: newer.id,
      },
    );
    await repos.snapshots.save(ALICE, newer.id, SNAPSHOT);
    await repos.retirement.save(ALICE, newer.id, RETIREMENT);
    await repos.jobs.create(BOB);

    // Act
    const history = await repos.snapshots.history(ALICE);

    // Assess
    expect(history.map((h) => h.job_id)).toEqual([newer.id, older.id]);
    expect(history[0]).toMatchObject({
      snapshot: SNAPSHOT,
      success_rate: '87.50',
      estimated_income: '61234.57',
    });
    expect(history[1]).toMatchObject({ snapshot: null, success_rate: null, estimated_income: null });
    expect(await repos.snapshots.history(BOB)).toEqual([]);
  });

  it('maps a saved "global" region target into "international" when migrating', async () => {
    await db.client.query(
      `UPDATE users SET region_targets = '{"north_america": 60, "global": 15, "international": 25}'::jsonb
        WHERE clerk_user_id = :user`,
      { user: BOB },
    );
    const migration = (await import('node:fs')).readFileSync(
      new URL('../../migrations/005_portfolio_tools.sql', import.meta.url),
      'utf8',
    );
    const update = migration.slice(migration.indexOf('UPDATE users'));
    await db.client.query(update);
    expect((await repos.users.getOrCreate({ clerk_user_id: BOB })).region_targets).toEqual({
      north_america: 60,
      international: 40,
    });
  });
});
