import { describe, expect, it } from 'vitest';
import { regionDrift } from '../src/drift.ts';
import { valuePortfolio } from '../src/valuation.ts';

const position = (symbol: string, regions: Record<string, number>) => ({
  symbol,
  quantity: '1',
  price: '100',
  allocation_asset_class: { equity: 100 },
  allocation_regions: regions,
  allocation_sectors: { technology: 100 },
});

describe('regionDrift', () => {
  const valuation = valuePortfolio([
    {
      id: 'a',
      account_name: 'A',
      cash_balance: '50',
      positions: [position('US', { north_america: 100 }), position('INTL', { europe: 60, asia: 40 })],
    },
  ]);

  it('counts regions the targets do not name as international when the targets use international', () => {
    const drift = regionDrift(valuation, { north_america: 50, international: 50 });
    expect(drift.rows.map((r) => [r.key, r.currentPercent, r.drift])).toEqual([
      ['international', 50, 0],
      ['north_america', 50, 0],
    ]);
    expect(drift.foldedIntoInternational).toEqual(['europe', 'asia']);
  });

  it('compares named regions literally when the targets do not use international', () => {
    const drift = regionDrift(valuation, { north_america: 60, europe: 40 });
    expect(Object.fromEntries(drift.rows.map((r) => [r.key, r.currentPercent]))).toEqual({
      north_america: 50,
      europe: 30,
      asia: 20,
    });
    expect(drift.foldedIntoInternational).toBeUndefined();
  });
});
