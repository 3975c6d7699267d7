import type { Portfolio } from '@alex/database';

const T = '2026-01-01T00:00:00.000Z';

/** A one-account portfolio: each holding is [symbol, value in dollars, asset class, region] (null = unclassified). */
export function portfolio(
  cash: string,
  holdings: [string, number, string | null, string | null][],
): Portfolio {
  return {
    user: {
      clerk_user_id: 'u1',
      display_name: 'Ada',
      years_until_retirement: 20,
      target_retirement_income: '60000.00',
      asset_class_targets: { equity: 70, fixed_income: 30 },
      region_targets: { north_america: 50, international: 50 },
      created_at: T,
      updated_at: T,
    },
    accounts: [
      {
        id: 'a1',
        clerk_user_id: 'u1',
        account_name: 'Brokerage',
        account_purpose: null,
        cash_balance: cash,
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
