import { BACKENDS, startTestDatabase, type TestDatabase } from '@alex/local-data-api/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRepositories, type Repositories, resetDatabase, USER_DEFAULTS } from '../../src/index.ts';
import { DECIMAL_COLUMNS, TIMESTAMP_COLUMNS } from '../../src/repositories/columns.ts';

describe.each(BACKENDS)('portfolio reads on %s', (kind) => {
  let db: TestDatabase;
  let repos: Repositories;
  let statements = 0;

  beforeAll(async () => {
    db = await startTestDatabase(kind);
    await resetDatabase(db.client);
    repos = createRepositories(db.client);
    db.client.onStatement(() => {
      statements += 1;
    });
  });
  afterAll(async () => db?.close());

  it('creates a first-time user with defaults and no accounts, in one statement', async () => {
    statements = 0;
    const portfolio = await repos.portfolio.getOrCreate('user_first_visit');
    expect(statements).toBe(1);
    expect(portfolio.accounts).toEqual([]);
    expect(portfolio.user).toMatchObject({
      clerk_user_id: 'user_first_visit',
      years_until_retirement: USER_DEFAULTS.years_until_retirement,
    });
    expect(await repos.users.get('user_first_visit')).toEqual(portfolio.user);
  });

  it('gives every position its instrument when a symbol is held in several accounts', async () => {
    const owner = 'user_same_symbols';
    await repos.users.getOrCreate({ clerk_user_id: owner });
    for (const name of ['Taxable', 'IRA']) {
      const account = await repos.accounts.create(owner, { account_name: name });
      for (const symbol of ['SPY', 'BND']) {
        await repos.positions.upsert(owner, { account_id: account.id, symbol, quantity: '1' });
      }
    }
    const spy = await repos.instruments.get('SPY');

    statements = 0;
    const portfolio = await repos.portfolio.getOrCreate(owner);

    expect(statements).toBe(1);
    expect(
      portfolio.accounts.map((a) => [a.account_name, a.positions.map((p) => p.instrument.symbol)]),
    ).toEqual([
      ['Taxable', ['BND', 'SPY']],
      ['IRA', ['BND', 'SPY']],
    ]);
    for (const account of portfolio.accounts) expect(account.positions[1]?.instrument).toEqual(spy);
    expect(await repos.portfolio.get(owner)).toEqual(portfolio);
  });

  it('reads every value as the per-table reads do: exact decimals, UTC timestamps, JSON, dates', async () => {
    const owner = 'user_document_values';
    await repos.users.getOrCreate({ clerk_user_id: owner });
    const account = await repos.accounts.create(owner, {
      account_name: 'Brokerage',
      cash_balance: '1234.50',
      cash_interest: '0.0425',
    });
    await repos.positions.upsert(owner, { account_id: account.id, symbol: 'VTI', quantity: '12.34567890' });
    await repos.positions.upsert(owner, { account_id: account.id, symbol: 'BND', quantity: '3' });
    await repos.accounts.create(owner, { account_name: 'Empty' });

    const portfolio = await repos.portfolio.get(owner);

    expect(portfolio.user).toEqual(await repos.users.get(owner));
    const accounts = await repos.accounts.list(owner);
    expect(portfolio.accounts.map(({ positions: _, ...rest }) => rest)).toEqual(accounts);
    for (const read of portfolio.accounts) {
      expect(read.positions).toEqual(await repos.positions.listForAccount(owner, read.id));
    }
    const [brokerage] = portfolio.accounts;
    expect(brokerage?.cash_balance).toBe('1234.50');
    expect(brokerage?.positions.map((p) => p.quantity)).toEqual(['3.00000000', '12.34567890']);
    expect(brokerage?.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it('renders specially exactly the DECIMAL and TIMESTAMPTZ columns of the tables it reads', async () => {
    const columns = await db.client.query<{ column_name: string; data_type: string }>(
      `SELECT column_name, data_type FROM information_schema.columns
        WHERE table_schema = current_schema()
          AND table_name IN ('users', 'accounts', 'positions', 'instruments')`,
    );
    const named = (type: string) =>
      [...new Set(columns.filter((c) => c.data_type === type).map((c) => c.column_name))].sort();
    expect([...DECIMAL_COLUMNS].sort()).toEqual(named('numeric'));
    expect([...TIMESTAMP_COLUMNS].sort()).toEqual(named('timestamp with time zone'));
  });
});
