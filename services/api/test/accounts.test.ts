import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, DEMO_USER, startTestApi, type TestApi } from './support.ts';

describe.each(BACKENDS)('user, accounts, positions and instruments (%s)', (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(kind);
  });
  afterAll(() => api.close());

  it('GET /api/user creates a new user with the defaults on first call', async () => {
    const res = await api.call('GET', '/api/user', { user: 'user_brand_new' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      clerk_user_id: 'user_brand_new',
      years_until_retirement: 20,
      asset_class_targets: { equity: 70, fixed_income: 30 },
    });
  });

  it('PUT /api/user saves valid goals and targets', async () => {
    const res = await api.call('PUT', '/api/user', {
      user: 'user_goals',
      body: { years_until_retirement: 30, asset_class_targets: { equity: 60, fixed_income: 40 } },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      years_until_retirement: 30,
      asset_class_targets: { equity: 60, fixed_income: 40 },
    });
  });

  it('PUT /api/user names each bad field: years out of 0–100 and targets not summing to 100', async () => {
    const res = await api.call('PUT', '/api/user', {
      user: DEMO_USER,
      body: { years_until_retirement: 101, region_targets: { north_america: 70, international: 20 } },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_error');
    expect(res.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'region_targets',
      'years_until_retirement',
    ]);
  });

  it('accounts can be created, read, updated and deleted', async () => {
    const created = await api.call('POST', '/api/accounts', {
      user: 'user_crud',
      body: { account_name: 'HSA', cash_balance: '1200.50' },
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect((await api.call('GET', `/api/accounts/${id}`, { user: 'user_crud' })).body.cash_balance).toBe(
      '1200.50',
    );
    const updated = await api.call('PUT', `/api/accounts/${id}`, {
      user: 'user_crud',
      body: { cash_balance: 0 },
    });
    expect(updated.body.cash_balance).toBe('0.00');
    expect((await api.call('DELETE', `/api/accounts/${id}`, { user: 'user_crud' })).body).toEqual({
      id,
      deleted: true,
    });
    expect((await api.call('GET', `/api/accounts/${id}`, { user: 'user_crud' })).status).toBe(404);
  });

  it('negative cash and unknown fields are rejected, naming each field', async () => {
    const res = await api.call('POST', '/api/accounts', {
      user: DEMO_USER,
      body: { account_name: 'x', cash_balance: '-1', is_admin: true },
    });
    expect(res.status).toBe(400);
    const fields = res.body.error.details.map((d: { field: string }) => d.field);
    expect(fields).toContain('cash_balance');
  });

  it('a bad id and a bad body are reported together, each field named', async () => {
    const res = await api.call('PUT', '/api/accounts/nope', { user: DEMO_USER, body: { cash_balance: -5 } });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { field: string }) => d.field)).toEqual(['id', 'cash_balance']);
  });

  it('a position upper-cases its symbol and an unknown symbol becomes a user-added instrument', async () => {
    const [account] = await api.repos.accounts.list(DEMO_USER);
    const res = await api.call('POST', '/api/positions', {
      user: DEMO_USER,
      body: { account_id: account?.id, symbol: '  zzzq ', quantity: '3.5' },
    });
    expect(res.status).toBe(201);
    expect(res.body.symbol).toBe('ZZZQ');
    const instrument = await api.repos.instruments.get('ZZZQ');
    expect(instrument).toMatchObject({ is_user_added: true, allocation_asset_class: null });
  });

  it('adding a symbol already held adds to it by default, and replaces it with mode "replace"', async () => {
    const account = await api.repos.accounts.create(DEMO_USER, { account_name: 'Add or replace' });
    const post = (body: Record<string, unknown>) =>
      api.call('POST', '/api/positions', {
        user: DEMO_USER,
        body: { account_id: account.id, symbol: 'VTI', ...body },
      });
    await post({ quantity: '10' });
    expect((await post({ quantity: '3' })).body.quantity).toBe('13.00000000');
    expect((await post({ quantity: '3', mode: 'replace' })).body.quantity).toBe('3.00000000');
    expect((await post({ quantity: '2', mode: 'add' })).body.quantity).toBe('5.00000000');
    const bad = await post({ quantity: '1', mode: 'merge' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { field: string }) => d.field)).toEqual(['mode']);
  });

  it('a zero quantity is rejected and nothing is written', async () => {
    const [account] = await api.repos.accounts.list(DEMO_USER);
    const before = await api.repos.positions.listForAccount(DEMO_USER, account?.id ?? '');
    const res = await api.call('POST', '/api/positions', {
      user: DEMO_USER,
      body: { account_id: account?.id, symbol: 'SPY', quantity: 0 },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ field: 'quantity', message: 'must be greater than 0' }]);
    expect(await api.repos.positions.listForAccount(DEMO_USER, account?.id ?? '')).toEqual(before);
  });

  it('an account’s positions carry the instrument and an exact value', async () => {
    const account = (await api.repos.accounts.list(DEMO_USER)).find(
      (a) => a.account_name === 'Taxable Brokerage',
    );
    const res = await api.call('GET', `/api/accounts/${account?.id}/positions`, { user: DEMO_USER });
    expect(res.status).toBe(200);
    const tlt = res.body.find((p: { symbol: string }) => p.symbol === 'TLT');
    const price = Number(tlt.instrument.current_price);
    expect(tlt.instrument).toMatchObject({ symbol: 'TLT', instrument_type: 'etf' });
    expect(tlt.value).toBe((Math.round(12.5 * price * 100) / 100).toFixed(2));
  });

  it('a position can be updated and deleted', async () => {
    const [account] = await api.repos.accounts.list(DEMO_USER);
    const [position] = await api.repos.positions.listForAccount(DEMO_USER, account?.id ?? '');
    const updated = await api.call('PUT', `/api/positions/${position?.id}`, {
      user: DEMO_USER,
      body: { quantity: 7 },
    });
    expect(updated.body.quantity).toMatch(/^7(\.0+)?$/);
    expect((await api.call('DELETE', `/api/positions/${position?.id}`, { user: DEMO_USER })).status).toBe(
      200,
    );
    expect(
      (await api.call('PUT', `/api/positions/${position?.id}`, { user: DEMO_USER, body: { quantity: 1 } }))
        .status,
    ).toBe(404);
  });

  it('instrument search autocompletes by symbol prefix and respects the limit', async () => {
    const res = await api.call('GET', '/api/instruments?q=vt&limit=2', { user: DEMO_USER });
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(2);
    expect(res.body.items[0].symbol.startsWith('VT')).toBe(true);
    expect(res.body.next_cursor).toBeNull();
  });

  it('instruments without a query come a page at a time, and the cursor walks every page once', async () => {
    const first = await api.call('GET', '/api/instruments', { user: DEMO_USER });
    expect(first.body.items).toHaveLength(20);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=7&cursor=${cursor}` : '?limit=7';
      const page = await api.call('GET', `/api/instruments${query}`, { user: DEMO_USER });
      expect(page.body.items.length).toBeLessThanOrEqual(7);
      seen.push(...page.body.items.map((i: { symbol: string }) => i.symbol));
      cursor = page.body.next_cursor;
    } while (cursor);
    expect(seen.length).toBeGreaterThanOrEqual(22);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual(seen);
  });

  it('an out-of-range limit is a 400 naming the parameter', async () => {
    const res = await api.call('GET', '/api/instruments?limit=101', { user: DEMO_USER });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].field).toBe('limit');
  });

  it('the portfolio has accounts, positions with values, and totals that add up', async () => {
    const res = await api.call('GET', '/api/portfolio', { user: DEMO_USER });
    expect(res.status).toBe(200);
    const { accounts, totals } = res.body;
    const sum = accounts.reduce(
      (cents: number, a: { total_value: string }) => cents + Math.round(Number(a.total_value) * 100),
      0,
    );
    expect(Math.round(Number(totals.total) * 100)).toBe(sum);
    expect(accounts[0].positions[0]).toHaveProperty('value');
    expect(res.body.allocations.asset_class.buckets.length).toBeGreaterThan(0);
  });

  it('a new user’s portfolio is empty rather than missing', async () => {
    const res = await api.call('GET', '/api/portfolio', { user: 'user_empty_portfolio' });
    expect(res.status).toBe(200);
    expect(res.body.accounts).toEqual([]);
    expect(res.body.totals.total).toBe('0.00');
  });
});
