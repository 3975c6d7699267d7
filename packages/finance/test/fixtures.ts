import type { AccountInput, PositionInput } from '../src/index.ts';

/** A priced, fully classified position; override any field. */
export function position(overrides: Partial<PositionInput> & { symbol: string }): PositionInput {
  return {
    quantity: '1',
    price: '100.00',
    allocation_asset_class: { equity: 100 },
    allocation_regions: { north_america: 100 },
    allocation_sectors: { technology: 100 },
    ...overrides,
  };
}

/** An account holding the given positions. */
export function account(
  id: string,
  positions: readonly PositionInput[],
  cash_balance = '0.00',
  account_name = `Account ${id}`,
): AccountInput {
  return { id, account_name, cash_balance, positions };
}

/** The demo user's portfolio: three accounts of ETFs and cash. */
export const DEMO_PORTFOLIO: AccountInput[] = [
  account(
    'a1',
    [
      position({
        symbol: 'SPY',
        quantity: '100',
        price: '450.2500',
        allocation_sectors: {
          technology: 30,
          healthcare: 13,
          financials: 13,
          consumer_discretionary: 10,
          other: 34,
        },
      }),
      position({
        symbol: 'BND',
        quantity: '200',
        price: '72.1000',
        allocation_asset_class: { fixed_income: 100 },
        allocation_sectors: { treasury: 45, corporate: 25, mortgage: 20, government_related: 10 },
      }),
    ],
    '5000.00',
    '401(k)',
  ),
  account(
    'a2',
    [
      position({
        symbol: 'VEA',
        quantity: '150',
        price: '48.3300',
        allocation_regions: { europe: 55, asia: 35, oceania: 10 },
        allocation_sectors: { financials: 20, industrials: 18, technology: 12, diversified: 50 },
      }),
      position({
        symbol: 'VNQ',
        quantity: '30.5',
        price: '85.0000',
        allocation_asset_class: { real_estate: 100 },
        allocation_sectors: { real_estate: 100 },
      }),
    ],
    '2500.50',
    'Roth IRA',
  ),
  account(
    'a3',
    [
      position({
        symbol: 'GLD',
        quantity: '25',
        price: '185.5000',
        allocation_asset_class: { commodities: 100 },
        allocation_regions: { global: 100 },
        allocation_sectors: { commodities: 100 },
      }),
      position({ symbol: 'SPY', quantity: '10', price: '450.2500' }),
    ],
    '1000.00',
    'Taxable',
  ),
];
