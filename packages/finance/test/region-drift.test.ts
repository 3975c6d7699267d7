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

describe('regionDrift with funds that have no regional split', () => {
  const valuation = valuePortfolio([
    {
      id: 'a',
      account_name: 'A',
      cash_balance: '0',
      positions: [
        position('US', { north_america: 100 }),
        position('VT', { north_america: 60, europe: 25, asia: 15 }),
        position('GLD', { global: 100 }),
      ],
    },
  ]);

  it('splits a global fund by its own region map and sets a map of only "global" aside', () => {
    // Act
    const drift = regionDrift(valuation, { north_america: 50, international: 50 });

    // Assess: US 100 + VT 60 of 200 placed dollars are north america; GLD is not international.
    expect(Object.fromEntries(drift.rows.map((r) => [r.key, r.currentPercent]))).toEqual({
      north_america: 80,
      international: 20,
    });
    expect(drift.excluded).toEqual([{ key: 'global', value: 100, percent: 33.33 }]);
    expect(drift.basis).toBe(200);
  });

  it('gives trades that net to zero whatever is set aside', () => {
    const drift = regionDrift(valuation, { north_america: 33.33, europe: 33.33, international: 33.34 });
    expect(drift.rows.reduce((sum, r) => sum + Math.round(r.tradeValue * 100), 0)).toBe(0);
  });
});
