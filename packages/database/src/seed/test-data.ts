import type { AccountCreate, UserCreate } from '../schemas/index.ts';

/** A holding in a demo account; every symbol is one of the default instruments. */
export interface TestPosition {
  readonly symbol: string;
  readonly quantity: string;
}

/** A demo account: every field an account is created with, plus the positions it holds. */
export interface TestAccount extends Required<AccountCreate> {
  readonly positions: readonly TestPosition[];
}

/** The demo user's age when the demo data is loaded: 25 years from retiring at 65. */
const DEMO_AGE = 40;

/**
 * The local demo user, the one the local auth stub signs in as, with a whole retirement plan: 40
 * this year, retiring at 65, saving $15,000 a year raised with inflation, $24,000 a year of Social
 * Security from 67, 0.2% a year in fees.
 */
export const TEST_USER: Required<UserCreate> = {
  clerk_user_id: 'user_test_123',
  display_name: 'Test User',
  years_until_retirement: 25,
  target_retirement_income: '80000.00',
  asset_class_targets: { equity: 70, fixed_income: 30 },
  region_targets: { north_america: 60, international: 40 },
  birth_year: new Date().getUTCFullYear() - DEMO_AGE,
  retirement_age: 65,
  annual_contribution: '15000.00',
  contribution_rises_with_inflation: true,
  other_retirement_income: '24000.00',
  other_income_start_age: 67,
  annual_fee_percent: '0.20',
  risk_score: 6,
};

/** The demo user's three accounts, with cash and a spread of equity, bond and commodity ETFs. */
export const TEST_ACCOUNTS: readonly TestAccount[] = [
  {
    account_name: '401k',
    account_purpose: 'Employer retirement plan',
    cash_balance: '5000.00',
    cash_interest: '0.0450',
    positions: [
      { symbol: 'SPY', quantity: '100' },
      { symbol: 'BND', quantity: '200' },
      { symbol: 'VEA', quantity: '150' },
    ],
  },
  {
    account_name: 'Roth IRA',
    account_purpose: 'Tax-free retirement savings',
    cash_balance: '2500.00',
    cash_interest: '0.0400',
    positions: [
      { symbol: 'QQQ', quantity: '50' },
      { symbol: 'VXUS', quantity: '120' },
      { symbol: 'VNQ', quantity: '40' },
    ],
  },
  {
    account_name: 'Taxable Brokerage',
    account_purpose: 'General investing outside retirement accounts',
    cash_balance: '10000.00',
    cash_interest: '0.0425',
    positions: [
      { symbol: 'VTI', quantity: '80' },
      { symbol: 'GLD', quantity: '25' },
      { symbol: 'AGG', quantity: '60' },
      // A fractional holding, as brokerages allow.
      { symbol: 'TLT', quantity: '12.5' },
    ],
  },
];
