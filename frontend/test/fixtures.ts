import {
  type Instrument,
  Instrument as InstrumentSchema,
  type Job,
  Job as JobSchema,
  type PortfolioAccount,
  type PortfolioView,
  PortfolioView as PortfolioViewSchema,
  type Report,
  Report as ReportSchema,
  type Retirement,
  Retirement as RetirementSchema,
  type User,
  User as UserSchema,
} from '@alex/contract';

/*
 * Answers of the API for the SPA's tests, complete and typed by the contract; each builder parses
 * its result with the contract's schema, so a fixture cannot drift from what the API sends.
 */

const AT = '2026-11-25T10:00:00Z';

/** `GET /api/user` for a user with the defaults. */
export function userFixture(overrides: Partial<User> = {}): User {
  return UserSchema.parse({
    clerk_user_id: 'user_test_123',
    display_name: null,
    years_until_retirement: 20,
    target_retirement_income: '60000.00',
    asset_class_targets: { equity: 70, fixed_income: 30 },
    region_targets: { north_america: 50, international: 50 },
    ...noPlan,
    created_at: AT,
    updated_at: AT,
    ...overrides,
  });
}

/** One instrument of a search. */
export function instrumentFixture(overrides: Partial<Instrument> = {}): Instrument {
  return InstrumentSchema.parse({
    symbol: 'SPY',
    name: 'SPDR S&P 500 ETF',
    instrument_type: 'etf',
    current_price: '452.1234',
    price_as_of: '2026-01-02',
    allocation_regions: { north_america: 100 },
    allocation_sectors: { technology: 100 },
    allocation_asset_class: { equity: 100 },
    is_user_added: false,
    created_at: AT,
    updated_at: AT,
    ...overrides,
  });
}

/** An account of `GET /api/portfolio`, without positions unless given. */
export function accountFixture(overrides: Partial<PortfolioAccount> = {}): PortfolioAccount {
  return {
    id: 'a1',
    clerk_user_id: 'user_test_123',
    account_name: 'IRA',
    account_purpose: null,
    cash_balance: '10.00',
    cash_interest: '0.0000',
    created_at: AT,
    updated_at: AT,
    cash_value: '10.00',
    invested_value: '0.00',
    total_value: '10.00',
    positions: [],
    ...overrides,
  };
}

const emptyAllocation = (dimension: 'asset_class' | 'regions' | 'sectors') => ({
  dimension,
  total: 0,
  buckets: [],
  unclassified: [],
});
const emptyDrift = (dimension: 'asset_class' | 'regions') => ({
  dimension,
  basis: 0,
  rows: [],
  unclassifiedPercent: 0,
  excluded: [],
  maxAbsoluteDrift: 0,
});

/** `GET /api/portfolio` with `accounts` and `totals` (no allocations, drift or charts unless given). */
export function portfolioFixture(overrides: Partial<PortfolioView> = {}): PortfolioView {
  return PortfolioViewSchema.parse({
    user: userFixture(),
    accounts: [],
    totals: { cash: '0.00', invested: '0.00', total: '0.00' },
    allocations: {
      asset_class: emptyAllocation('asset_class'),
      regions: emptyAllocation('regions'),
      sectors: emptyAllocation('sectors'),
    },
    drift: { asset_class: emptyDrift('asset_class'), region: emptyDrift('regions') },
    charts: [],
    unpriced: [],
    unclassified: [],
    ...overrides,
  });
}

/** A job, running by default. */
export function jobFixture(overrides: Partial<Job> = {}): Job {
  return JobSchema.parse({
    id: 'job-1',
    status: 'running',
    progress: {},
    error_message: null,
    result: null,
    created_at: AT,
    started_at: '2026-11-25T10:00:01Z',
    completed_at: null,
    updated_at: AT,
    ...overrides,
  });
}

/** A job's report, without charts unless given. */
export function reportFixture(overrides: Partial<Report> = {}): Report {
  return ReportSchema.parse({
    job_id: 'job-1',
    report_date: '2026-11-25',
    summary: null,
    markdown: null,
    charts: [],
    generated_by: 'offline',
    processing_time_ms: 1200,
    created_at: AT,
    updated_at: AT,
    ...overrides,
  });
}

/** A job's retirement projection, without a chart unless given. */
export function retirementFixture(overrides: Partial<Retirement> = {}): Retirement {
  return RetirementSchema.parse({
    job_id: 'job-1',
    estimated_income: null,
    success_rate: null,
    figures: null,
    summary: null,
    detail: null,
    chart: null,
    assumptions: null,
    generated_by: 'offline',
    created_at: AT,
    updated_at: AT,
    ...overrides,
  });
}

/** A user's retirement-plan fields with nothing entered, as a new user has them. */
export const noPlan = {
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
