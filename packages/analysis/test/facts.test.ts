import type { Portfolio } from '@alex/database';
import { describe, expect, it } from 'vitest';
import { portfolioFacts } from '../src/facts.ts';
import { DEFAULT_ANNUAL_CONTRIBUTION, retirementInputs } from '../src/retirement-inputs.ts';

const T = '2026-01-01T00:00:00.000Z';
const instrument = (symbol: string, price: string | null, assetClass: Record<string, number> | null) => ({
  symbol,
  name: `${symbol} fund`,
  instrument_type: 'etf' as const,
  current_price: price,
  allocation_asset_class: assetClass,
  allocation_regions: assetClass ? { north_america: 100 } : null,
  allocation_sectors: assetClass ? { diversified: 100 } : null,
  is_user_added: false,
  created_at: T,
  updated_at: T,
});

function portfolio(): Portfolio {
  const position = (symbol: string, quantity: string, inst: ReturnType<typeof instrument>) => ({
    id: `p-${symbol}`,
    account_id: 'a1',
    symbol,
    quantity,
    as_of_date: '2026-01-01',
    created_at: T,
    updated_at: T,
    instrument: inst,
  });
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
        account_name: '401k',
        account_purpose: null,
        cash_balance: '1000.00',
        cash_interest: '0.0100',
        created_at: T,
        updated_at: T,
        positions: [
          position('EQ', '10', instrument('EQ', '600.00', { equity: 100 })),
          position('BD', '20', instrument('BD', '100.00', { fixed_income: 100 })),
          position('NEW', '5', instrument('NEW', '200.00', null)),
        ],
      },
    ],
  } as Portfolio;
}

describe('portfolioFacts', () => {
  it('values the portfolio, splits it by asset class with cash as cash, and measures drift against targets', () => {
    const facts = portfolioFacts(portfolio());
    expect(facts.valuation.total.valueText).toBe('10000.00');
    expect(Object.fromEntries(facts.allocations.asset_class.buckets.map((b) => [b.key, b.percent]))).toEqual({
      equity: 60,
      fixed_income: 20,
      cash: 10,
      unclassified: 10,
    });
    expect(facts.drift.asset_class.rows.find((r) => r.key === 'fixed_income')?.drift).toBe(-10);
    expect(facts.valuation.unclassified).toEqual(['NEW']);
    expect(facts.holdings.map((h) => [h.symbol, h.percent])).toEqual([
      ['EQ', 66.67],
      ['BD', 22.22],
      ['NEW', 11.11],
    ]);
    expect(facts.charts.map((c) => c.key)).toContain('asset_class');
  });
});

describe('retirementInputs', () => {
  it('spreads unclassified value over the classified mix and seeds by job id', () => {
    const facts = portfolioFacts(portfolio());
    const inputs = retirementInputs(facts, 'job-1');
    expect(inputs).toMatchObject({
      currentValue: 10_000,
      annualContribution: DEFAULT_ANNUAL_CONTRIBUTION,
      yearsToRetirement: 20,
      targetIncome: 60_000,
      unclassifiedValue: 1000,
    });
    expect(inputs.allocation.equity).toBeCloseTo((6000 / 9000) * 100, 6);
    expect(inputs.allocation.cash).toBeCloseTo((1000 / 9000) * 100, 6);
    expect(retirementInputs(facts, 'job-1').seed).toBe(inputs.seed);
    expect(retirementInputs(facts, 'job-2').seed).not.toBe(inputs.seed);
  });
});
