import { describe, expect, it } from 'vitest';
import { assetClassDrift, regionDrift, valuePortfolio } from '../src/index.ts';
import { account, position } from './fixtures.ts';

describe('drift', () => {
  it('measures asset-class drift in points and dollars over the whole portfolio', () => {
    // Prepare: $800 equity, $200 cash against a 70/30 equity/fixed-income target
    const valuation = valuePortfolio([account('a', [position({ symbol: 'SPY', quantity: '8' })], '200.00')]);

    // Act
    const drift = assetClassDrift(valuation, { equity: 70, fixed_income: 30 });

    // Assess
    expect(drift.rows).toEqual([
      { key: 'fixed_income', currentPercent: 0, targetPercent: 30, drift: -30, tradeValue: 300 },
      { key: 'cash', currentPercent: 20, targetPercent: 0, drift: 20, tradeValue: -200 },
      { key: 'equity', currentPercent: 80, targetPercent: 70, drift: 10, tradeValue: -100 },
    ]);
    expect(drift.maxAbsoluteDrift).toBe(30);
  });

  it('measures region drift over invested value, ignoring cash', () => {
    // Prepare
    const valuation = valuePortfolio([
      account(
        'a',
        [
          position({ symbol: 'SPY' }),
          position({ symbol: 'VEA', allocation_regions: { international: 100 } }),
        ],
        '5000.00',
      ),
    ]);

    // Act
    const drift = regionDrift(valuation, { north_america: 50, international: 50 });

    // Assess
    expect(drift.basis).toBe(200);
    expect(drift.maxAbsoluteDrift).toBe(0);
  });

  it('leaves unclassified value out of the basis and states it, so the trades net to zero', () => {
    // Prepare
    const valuation = valuePortfolio([
      account('a', [position({ symbol: 'SPY' }), position({ symbol: 'NEW', allocation_asset_class: null })]),
    ]);

    // Act
    const drift = assetClassDrift(valuation, { equity: 100 });

    // Assess
    expect(drift.unclassifiedPercent).toBe(50);
    expect(drift.excluded).toEqual([{ key: 'unclassified', value: 100, percent: 50 }]);
    expect(drift.basis).toBe(100);
    expect(drift.rows).toEqual([
      { key: 'equity', currentPercent: 100, targetPercent: 100, drift: 0, tradeValue: 0 },
    ]);
  });
});
