import { BACKENDS, startTestDatabase, type TestDatabase } from '@alex/local-data-api/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRepositories, type Repositories, resetDatabase, USER_DEFAULTS } from '../../src/index.ts';

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
});
