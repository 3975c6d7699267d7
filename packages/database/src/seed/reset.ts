import type { Executor } from '../client/data-api-client.ts';
import { sql } from '../client/params.ts';
import { dropAll, type MigrationReport, runMigrations } from '../migrations/runner.ts';
import { instrumentsRepository } from '../repositories/instruments.ts';
import { validate } from '../repositories/validate.ts';
import { AccountCreate, PositionCreate, UserCreate } from '../schemas/index.ts';
import { DEFAULT_INSTRUMENTS, DEFAULT_PRICES_AS_OF } from './instruments.ts';
import { TEST_ACCOUNTS, TEST_USER } from './test-data.ts';

/** What `reset-db` should do. */
export interface ResetOptions {
  /** Drop every table first (children before parents), then migrate from scratch. */
  dropAll?: boolean;
  /** Also load the demo user `user_test_123` with three accounts and positions. */
  withTestData?: boolean;
}

/** What a reset did. */
export interface ResetReport {
  dropped: boolean;
  migrations: MigrationReport;
  instruments: number;
  testData: { user: string; accounts: number; positions: number } | null;
}

/**
 * Brings a database to a known state: migrated, default instruments loaded (upserted, so user-added
 * instruments survive), and optionally the demo portfolio replaced. Running it twice gives the same
 * counts.
 */
export async function resetDatabase(db: Executor, options: ResetOptions = {}): Promise<ResetReport> {
  if (options.dropAll) await dropAll(db);
  const migrations = await runMigrations(db);
  const instruments = await instrumentsRepository(db).upsertMany(
    DEFAULT_INSTRUMENTS.map((instrument) => ({ price_as_of: DEFAULT_PRICES_AS_OF, ...instrument })),
  );
  const testData = options.withTestData ? await loadTestData(db) : null;
  return { dropped: Boolean(options.dropAll), migrations, instruments, testData };
}

/** Replaces the demo user's portfolio with the test data, in one transaction. */
export async function loadTestData(db: Executor): Promise<NonNullable<ResetReport['testData']>> {
  const user = validate(UserCreate, TEST_USER, 'user');
  const accounts = TEST_ACCOUNTS.map((a, i) => validate(AccountCreate, a, `accounts[${i}]`));
  return db.transaction(async (tx) => {
    await tx.execute(
      `INSERT INTO users (clerk_user_id, display_name, years_until_retirement, target_retirement_income,
                          asset_class_targets, region_targets, birth_year, retirement_age, annual_contribution,
                          contribution_rises_with_inflation, other_retirement_income, other_income_start_age,
                          annual_fee_percent, risk_score)
       VALUES (:id, :name, :years, :income, :asset_targets, :region_targets, :birth_year, :retirement_age,
               :contribution, :rises, :other_income, :other_age, :fee, :risk)
       ON CONFLICT (clerk_user_id) DO UPDATE SET
         display_name = EXCLUDED.display_name, years_until_retirement = EXCLUDED.years_until_retirement,
         target_retirement_income = EXCLUDED.target_retirement_income,
         asset_class_targets = EXCLUDED.asset_class_targets, region_targets = EXCLUDED.region_targets,
         birth_year = EXCLUDED.birth_year, retirement_age = EXCLUDED.retirement_age,
         annual_contribution = EXCLUDED.annual_contribution,
         contribution_rises_with_inflation = EXCLUDED.contribution_rises_with_inflation,
         other_retirement_income = EXCLUDED.other_retirement_income,
         other_income_start_age = EXCLUDED.other_income_start_age,
         annual_fee_percent = EXCLUDED.annual_fee_percent, risk_score = EXCLUDED.risk_score`,
      {
        id: user.clerk_user_id,
        name: user.display_name ?? null,
        years: user.years_until_retirement ?? null,
        income: sql.decimal(user.target_retirement_income ?? null),
        asset_targets: sql.json(user.asset_class_targets),
        region_targets: sql.json(user.region_targets),
        birth_year: user.birth_year ?? null,
        retirement_age: user.retirement_age ?? null,
        contribution: sql.decimal(user.annual_contribution ?? null),
        rises: user.contribution_rises_with_inflation ?? false,
        other_income: sql.decimal(user.other_retirement_income ?? '0'),
        other_age: user.other_income_start_age ?? null,
        fee: sql.decimal(user.annual_fee_percent ?? '0'),
        risk: user.risk_score ?? null,
      },
    );
    await tx.execute('DELETE FROM accounts WHERE clerk_user_id = :id', { id: user.clerk_user_id });
    const positions = [];
    for (const [i, account] of accounts.entries()) {
      const [row] = await tx.query<{ id: string }>(
        `INSERT INTO accounts (clerk_user_id, account_name, account_purpose, cash_balance, cash_interest)
         VALUES (:user, :name, :purpose, :cash, :interest) RETURNING id`,
        {
          user: user.clerk_user_id,
          name: account.account_name,
          purpose: account.account_purpose ?? null,
          cash: sql.decimal(account.cash_balance ?? '0'),
          interest: sql.decimal(account.cash_interest ?? '0'),
        },
      );
      for (const [j, p] of (TEST_ACCOUNTS[i]?.positions ?? []).entries()) {
        const position = validate(
          PositionCreate,
          { ...p, account_id: row?.id },
          `accounts[${i}].positions[${j}]`,
        );
        positions.push({
          account: sql.uuid(position.account_id),
          symbol: position.symbol,
          quantity: sql.decimal(position.quantity),
        });
      }
    }
    await tx.batch(
      'INSERT INTO positions (account_id, symbol, quantity) VALUES (:account, :symbol, :quantity)',
      positions,
    );
    return { user: user.clerk_user_id, accounts: accounts.length, positions: positions.length };
  });
}
