import { BACKENDS, startTestDatabase, type TestDatabase } from '@alex/local-data-api/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRepositories, LimitExceededError, type Repositories, resetDatabase } from '../../src/index.ts';
import { TEST_ETF } from './fixtures.ts';

describe.each(BACKENDS)('imports on %s', (kind) => {
  let db: TestDatabase;
  let repos: Repositories;

  beforeAll(async () => {
    db = await startTestDatabase(kind);
    await resetDatabase(db.client);
    repos = createRepositories(db.client);
    await repos.instruments.upsert(TEST_ETF);
  });
  afterAll(async () => db?.close());

  const holdings = async (user: string) => {
    if ((await repos.accounts.list(user)).length === 0) return [];
    const portfolio = await repos.portfolio.get(user);
    return portfolio.accounts.map((a) => ({
      name: a.account_name,
      cash: a.cash_balance,
      positions: a.positions.map((p) => `${p.symbol}=${p.quantity}`),
    }));
  };

  it('creates accounts, sets positions and adds unknown symbols as placeholders, in one go', async () => {
    const outcome = await repos.imports.apply('user_import_a', [
      {
        account_name: 'Roth IRA',
        cash_balance: '12.50',
        positions: [{ symbol: TEST_ETF.symbol, quantity: '3' }],
      },
      { account_name: 'Taxable', cash_balance: null, positions: [{ symbol: 'NEWCO', quantity: '1.5' }] },
    ]);

    expect(outcome).toEqual({
      accounts_created: 2,
      accounts_updated: 0,
      positions_written: 2,
      positions_removed: 0,
      new_symbols: ['NEWCO'],
    });
    expect(await holdings('user_import_a')).toEqual([
      { name: 'Roth IRA', cash: '12.50', positions: [`${TEST_ETF.symbol}=3.00000000`] },
      { name: 'Taxable', cash: '0.00', positions: ['NEWCO=1.50000000'] },
    ]);
    expect(await repos.instruments.get('NEWCO')).toMatchObject({
      is_user_added: true,
      allocation_asset_class: null,
    });
  });

  it('updates an account of the same name in any case, and with replace removes unlisted positions', async () => {
    await repos.imports.apply('user_import_b', [
      {
        account_name: 'IRA',
        cash_balance: '5',
        positions: [
          { symbol: TEST_ETF.symbol, quantity: '1' },
          { symbol: 'OLDCO', quantity: '2' },
        ],
      },
    ]);

    const outcome = await repos.imports.apply(
      'user_import_b',
      [{ account_name: 'ira', cash_balance: null, positions: [{ symbol: TEST_ETF.symbol, quantity: '4' }] }],
      { replace: true },
    );

    expect(outcome).toMatchObject({ accounts_created: 0, accounts_updated: 1, positions_removed: 1 });
    expect(await holdings('user_import_b')).toEqual([
      { name: 'IRA', cash: '5.00', positions: [`${TEST_ETF.symbol}=4.00000000`] },
    ]);
  });

  it('writes nothing when the new symbols would pass the daily placeholder limit', async () => {
    const attempt = repos.imports.apply(
      'user_import_c',
      [
        {
          account_name: 'Brokerage',
          cash_balance: '1',
          positions: [
            { symbol: 'ZZA', quantity: '1' },
            { symbol: 'ZZB', quantity: '1' },
            { symbol: 'ZZC', quantity: '1' },
          ],
        },
      ],
      { placeholdersPerDay: 2 },
    );

    await expect(attempt).rejects.toThrow(LimitExceededError);
    await expect(attempt).rejects.toThrow(/adds 3 symbols Alex does not know yet; you can add 2 more today/);
    expect(await holdings('user_import_c')).toEqual([]);
    expect(await repos.imports.unknownSymbols(['ZZA', 'ZZB', 'ZZC'])).toEqual(['ZZA', 'ZZB', 'ZZC']);
  });

  it('rolls everything back when a later account fails', async () => {
    const attempt = repos.imports.apply('user_import_d', [
      { account_name: 'First', cash_balance: null, positions: [{ symbol: 'ROLLBK', quantity: '1' }] },
      { account_name: 'Second', cash_balance: '99999999999', positions: [] },
    ]);

    await expect(attempt).rejects.toThrow();
    expect(await holdings('user_import_d')).toEqual([]);
    expect(await repos.imports.unknownSymbols(['ROLLBK'])).toEqual(['ROLLBK']);
  });
});
