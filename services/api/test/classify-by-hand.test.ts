import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USER, OTHER_USER, startTestApi, type TestApi } from './support.ts';

const BY_HAND = { asset_class: 'equity', region: 'europe', sector: 'diversified' };

describe('classifying a symbol by hand', () => {
  let api: TestApi;
  let accountId: string;
  let otherAccountId: string;
  beforeAll(async () => {
    api = await startTestApi('pglite');
    const [account] = await api.repos.accounts.list(DEMO_USER);
    accountId = account?.id ?? '';
    otherAccountId = (await api.repos.accounts.create(OTHER_USER, { account_name: 'Other' })).id;
  });
  afterAll(() => api.close());

  const classify = (symbol: string, user = DEMO_USER, extra: Record<string, unknown> = {}) =>
    api.call('POST', '/api/instruments/classify', {
      user,
      body: { ...BY_HAND, symbol, current_price: '12.5', name: 'My private fund', ...extra },
    });

  it('prices and classifies the caller’s own placeholder, ending its not-found state', async () => {
    await api.call('POST', '/api/positions', {
      user: DEMO_USER,
      body: { account_id: accountId, symbol: 'ZZZQ', quantity: '4' },
    });
    await api.repos.instruments.markTagFailed(['ZZZQ']);

    const res = await classify('zzzq');

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      symbol: 'ZZZQ',
      name: 'My private fund',
      current_price: '12.5000',
      allocation_asset_class: { equity: 100 },
      allocation_regions: { europe: 100 },
      allocation_sectors: { diversified: 100 },
      tag_failed_at: null,
    });
    expect(await api.repos.instruments.listUnclassified(['ZZZQ'])).toEqual([]);
  });

  it('keeps a symbol classified by hand out of other users’ suggestions', async () => {
    const search = await api.call('GET', '/api/instruments?q=ZZZQ', { user: OTHER_USER });
    expect(search.body.items).toEqual([]);
    const own = await api.call('GET', '/api/instruments?q=ZZZQ', { user: DEMO_USER });
    expect(own.body.items.map((i: { symbol: string }) => i.symbol)).toEqual(['ZZZQ']);
  });

  it('answers 404 for a listed instrument, which only Alex classifies', async () => {
    const res = await classify('SPY');
    expect(res.status).toBe(404);
    expect((await api.repos.instruments.get('SPY'))?.name).not.toBe('My private fund');
  });

  it('answers 404 for another user’s placeholder', async () => {
    await api.call('POST', '/api/positions', {
      user: OTHER_USER,
      body: { account_id: otherAccountId, symbol: 'OTHQ', quantity: '1' },
    });
    expect((await classify('OTHQ')).status).toBe(404);
  });

  it('refuses with 409 when someone else holds the symbol too', async () => {
    await api.call('POST', '/api/positions', {
      user: DEMO_USER,
      body: { account_id: accountId, symbol: 'BOTHQ', quantity: '1' },
    });
    await api.call('POST', '/api/positions', {
      user: OTHER_USER,
      body: { account_id: otherAccountId, symbol: 'BOTHQ', quantity: '1' },
    });
    const res = await classify('BOTHQ');
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/^Other people hold BOTHQ too/);
  });

  it('names each bad field', async () => {
    const res = await classify('ZZZQ', DEMO_USER, { current_price: '0', region: 'mars', sector: undefined });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'current_price',
      'region',
      'sector',
    ]);
  });
});
