/**
 * Test kit for code that uses `@alex/database`: the demo user, a fresh job per test, and an
 * in-memory portfolio built from a few holdings. Tests only; a live database comes from
 * `@alex/local-data-api/testing`.
 */
import type { Portfolio, Repositories } from './repositories/index.ts';
import type { InstrumentCreate } from './schemas/index.ts';
import { TEST_USER } from './seed/test-data.ts';

/** The seeded demo user's id (`resetDatabase(client, { withTestData: true })`). */
export const DEMO_USER = TEST_USER.clerk_user_id;

/**
 * A new pending job for `user`. A user may have one active job at a time, so any job still pending
 * or running (the previous test's) is failed first.
 */
export async function newJob(repos: Repositories, user: string = DEMO_USER): Promise<string> {
  for (const job of await repos.jobs.list(user)) {
    if (job.status === 'pending' || job.status === 'running')
      await repos.jobs.fail(job.id, 'closed by the next test');
  }
  return (await repos.jobs.create(user)).id;
}

const T = '2026-01-01T00:00:00.000Z';

/** One holding of {@link testPortfolio}: symbol, value in today's dollars, asset class, region (null = unclassified). */
export type TestHolding = [
  symbol: string,
  valueDollars: number,
  assetClass: string | null,
  region: string | null,
];

/** A user's plan fields with nothing entered: what a new user has (no fee, no other income). */
export const NO_PLAN = {
  birth_year: null,
  current_age: null,
  retirement_age: null,
  annual_contribution: null,
  contribution_rises_with_inflation: false,
  other_retirement_income: '0.00',
  other_income_start_age: null,
  annual_fee_percent: '0.00',
  risk_score: null,
} as const;

/**
 * A one-account portfolio of user `u1` (20 years to retirement, $60,000 a year target income in
 * today's dollars, 70/30 equity/fixed-income and 50/50 region targets). Each holding is one unit
 * priced at its value; `cashDollars` is the account's cash balance as a decimal string.
 */
export function testPortfolio(cashDollars: string, holdings: readonly TestHolding[]): Portfolio {
  return {
    user: {
      clerk_user_id: 'u1',
      display_name: 'Ada',
      years_until_retirement: 20,
      target_retirement_income: '60000.00',
      asset_class_targets: { equity: 70, fixed_income: 30 },
      region_targets: { north_america: 50, international: 50 },
      ...NO_PLAN,
      created_at: T,
      updated_at: T,
    },
    accounts: [
      {
        id: 'a1',
        clerk_user_id: 'u1',
        account_name: 'Brokerage',
        account_purpose: null,
        cash_balance: cashDollars,
        cash_interest: '0.0100',
        created_at: T,
        updated_at: T,
        positions: holdings.map(([symbol, value, assetClass, region]) => ({
          id: `p-${symbol}`,
          account_id: 'a1',
          symbol,
          quantity: '1',
          as_of_date: '2026-01-01',
          created_at: T,
          updated_at: T,
          instrument: {
            symbol,
            name: `${symbol} fund`,
            instrument_type: 'etf' as const,
            current_price: value.toFixed(2),
            allocation_asset_class: assetClass ? { [assetClass]: 100 } : null,
            allocation_regions: region ? { [region]: 100 } : null,
            allocation_sectors: assetClass ? { diversified: 100 } : null,
            is_user_added: false,
            created_at: T,
            updated_at: T,
          },
        })),
      },
    ],
  } as Portfolio;
}

/** A small, valid instrument for tests. */
export const TEST_ETF: InstrumentCreate = {
  symbol: 'TST',
  name: 'Test Total Market',
  instrument_type: 'etf',
  current_price: '100.1234',
  allocation_regions: { north_america: 100 },
  allocation_sectors: { technology: 60, healthcare: 40 },
  allocation_asset_class: { equity: 100 },
};
