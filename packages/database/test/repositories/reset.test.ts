import { BACKENDS, startTestDatabase, type TestDatabase } from '@alex/local-data-api/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_INSTRUMENTS, resetDatabase, TEST_ACCOUNTS, verifyDatabase } from '../../src/index.ts';

describe.each(BACKENDS)('reset-db on %s', (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await startTestDatabase(kind);
  });
  afterAll(async () => db?.close());

  const positionCount = TEST_ACCOUNTS.reduce((n, a) => n + a.positions.length, 0);

  it('migrates and loads the default instruments and the test portfolio', async () => {
    const report = await resetDatabase(db.client, { withTestData: true });
    expect(report.instruments).toBe(DEFAULT_INSTRUMENTS.length);
    expect(report.testData).toEqual({ user: 'user_test_123', accounts: 3, positions: positionCount });
    const verify = await verifyDatabase(db.client);
    expect(verify.ok).toBe(true);
    expect(verify.counts).toMatchObject({
      users: 1,
      instruments: DEFAULT_INSTRUMENTS.length,
      accounts: 3,
      positions: positionCount,
    });
  });

  it('gives the same counts when run again', async () => {
    const before = await verifyDatabase(db.client);
    await resetDatabase(db.client, { withTestData: true });
    expect((await verifyDatabase(db.client)).counts).toEqual(before.counts);
  });

  it('keeps user-added instruments and other users across a reset without --drop-all', async () => {
    await db.client.execute("INSERT INTO users (clerk_user_id) VALUES ('user_other')");
    await db.client.execute(
      "INSERT INTO instruments (symbol, name, is_user_added) VALUES ('ZZZ', 'ZZZ', true)",
    );
    await resetDatabase(db.client, { withTestData: true });
    const verify = await verifyDatabase(db.client);
    expect(verify.counts.users).toBe(2);
    expect(verify.unclassified).toEqual(['ZZZ']);
  });

  it('drops everything with --drop-all and comes back to the seeded state', async () => {
    const report = await resetDatabase(db.client, { dropAll: true });
    expect(report.dropped).toBe(true);
    expect((await verifyDatabase(db.client)).counts).toMatchObject({
      users: 0,
      accounts: 0,
      instruments: DEFAULT_INSTRUMENTS.length,
    });
  });

  it('reports an instrument whose stored allocations do not sum to 100', async () => {
    await db.client.execute(
      `UPDATE instruments SET allocation_regions = '{"north_america": 90}' WHERE symbol = 'SPY'`,
    );
    const verify = await verifyDatabase(db.client);
    expect(verify.ok).toBe(false);
    expect(verify.invalidAllocations).toEqual([
      { symbol: 'SPY', problem: expect.stringContaining('allocation_regions must sum to 100') },
    ]);
  });
});
