import { TEST_ETF } from '@alex/database/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USER, OTHER_USER, snapshot, startTestApi, type TestApi } from './support.ts';

describe('per-user limits on shared data and analyses', () => {
  let api: TestApi;
  let accountId: string;
  beforeAll(async () => {
    api = await startTestApi('pglite', { limits: { analysesPerDay: 1, placeholdersPerDay: 2 } });
    const [account] = await api.repos.accounts.list(DEMO_USER);
    accountId = account?.id ?? '';
  });
  afterAll(() => api.close());

  const addPosition = (symbol: string, user = DEMO_USER) =>
    api.call('POST', '/api/positions', { user, body: { account_id: accountId, symbol, quantity: '1' } });

  it('refuses a new placeholder past the daily limit with 429 and Retry-After, writing nothing', async () => {
    expect((await addPosition('NEWA')).status).toBe(201);
    expect((await addPosition('NEWB')).status).toBe(201);
    const before = await snapshot(api.db);
    const res = await addPosition('NEWC');
    expect(res.status).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(23 * 3600);
    expect(res.body.error.message).toMatch(/at most 2 new symbols a day/);
    expect(await snapshot(api.db)).toBe(before);
  });

  it('still accepts symbols that already exist once the placeholder limit is reached', async () => {
    expect((await addPosition('SPY')).status).toBe(201);
    expect((await addPosition('NEWA')).status).toBe(201);
  });

  it('shows an unclassified placeholder only to its holder, and to everyone once classified', async () => {
    const search = async (user: string) =>
      (await api.call('GET', '/api/instruments?q=NEW', { user })).body.items.map(
        (i: { symbol: string }) => i.symbol,
      );
    expect(await search(DEMO_USER)).toEqual(['NEWA', 'NEWB']);
    expect(await search(OTHER_USER)).toEqual([]);
    const listed = await api.call('GET', '/api/instruments?limit=100', { user: OTHER_USER });
    expect(listed.body.items.map((i: { symbol: string }) => i.symbol)).not.toContain('NEWA');

    await api.repos.instruments.upsert({ ...TEST_ETF, symbol: 'NEWA', name: 'New A Fund' });
    expect(await search(OTHER_USER)).toEqual(['NEWA']);
  });

  it('refuses a second analysis on the same day with 429, Retry-After and a message for the user', async () => {
    const first = await api.call('POST', '/api/analyze', { user: DEMO_USER, body: {} });
    expect(first.status).toBe(202);
    await api.repos.jobs.fail(first.body.job_id, 'finished for the test');
    const second = await api.call('POST', '/api/analyze', { user: DEMO_USER, body: {} });
    expect(second.status).toBe(429);
    expect(Number(second.headers['retry-after'])).toBeGreaterThan(0);
    expect(second.body.error).toMatchObject({ code: 'too_many_requests' });
    expect(second.body.error.message).toMatch(/1 analyses for today/);
    expect(api.queue.sent).toEqual([first.body.job_id]);
  });

  it('counts analyses per user: another user may still start one', async () => {
    await api.repos.positions.upsert(OTHER_USER, {
      account_id: (await api.repos.accounts.create(OTHER_USER, { account_name: 'Other' })).id,
      symbol: 'SPY',
      quantity: '1',
    });
    expect((await api.call('POST', '/api/analyze', { user: OTHER_USER, body: {} })).status).toBe(202);
  });
});
