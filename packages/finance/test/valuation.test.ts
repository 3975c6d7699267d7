import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { valuePortfolio } from '../src/index.ts';
import { account, DEMO_PORTFOLIO, position } from './fixtures.ts';

/** Exact reference: quantity (8 places) × price (4 places), rounded half up to cents. */
function expectedCents(quantityUnits: bigint, priceUnits: bigint): bigint {
  return (quantityUnits * priceUnits + 5_000_000_000n) / 10_000_000_000n;
}

function toText(units: bigint, scale: number): string {
  const digits = units.toString().padStart(scale + 1, '0');
  return `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

describe('valuePortfolio', () => {
  it('sums cash without floating-point drift', () => {
    // Prepare
    const accounts = [account('a', [], '0.10'), account('b', [], '0.20')];

    // Act
    const valuation = valuePortfolio(accounts);

    // Assess
    expect(valuation.total).toEqual({ value: 0.3, valueText: '0.30' });
  });

  it('values positions as quantity times price plus cash, per account and in total', () => {
    // Act
    const valuation = valuePortfolio(DEMO_PORTFOLIO);

    // Assess: 45025 + 14420 + 5000 | 7249.50 + 2592.50 + 2500.50 | 4637.50 + 4502.50 + 1000
    expect(valuation.accounts.map((a) => a.total.valueText)).toEqual(['64445.00', '12342.50', '10140.00']);
    expect(valuation.total.valueText).toBe('86927.50');
    expect(valuation.cash.valueText).toBe('8500.50');
    expect(valuation.invested.valueText).toBe('78427.00');
  });

  it('reports an unpriced position and values it at zero rather than guessing', () => {
    // Prepare
    const accounts = [account('a', [position({ symbol: 'TSLA', price: null }), position({ symbol: 'SPY' })])];

    // Act
    const valuation = valuePortfolio(accounts);

    // Assess
    expect(valuation.unpriced).toEqual(['TSLA']);
    expect(valuation.positions.find((p) => p.symbol === 'TSLA')?.value).toBe(0);
    expect(valuation.total.value).toBe(100);
  });

  it('reports a position missing any allocation as unclassified', () => {
    // Prepare
    const accounts = [
      account('a', [
        position({ symbol: 'NEW', allocation_sectors: null }),
        position({ symbol: 'ODD', allocation_regions: {} }),
      ]),
    ];

    // Act
    const valuation = valuePortfolio(accounts);

    // Assess
    expect(valuation.unclassified).toEqual(['NEW', 'ODD']);
  });

  it('matches exact decimal arithmetic for any quantities, prices and cash', () => {
    const holding = fc.record({
      quantity: fc.bigInt({ min: 1n, max: 10n ** 14n }),
      price: fc.bigInt({ min: 0n, max: 10n ** 9n }),
    });
    const book = fc.array(
      fc.record({
        cash: fc.bigInt({ min: 0n, max: 10n ** 12n }),
        holdings: fc.array(holding, { maxLength: 6 }),
      }),
      { minLength: 1, maxLength: 4 },
    );
    fc.assert(
      fc.property(book, (accounts) => {
        // Prepare
        const input = accounts.map((a, index) =>
          account(
            `a${index}`,
            a.holdings.map((h, j) =>
              position({ symbol: `S${j}`, quantity: toText(h.quantity, 8), price: toText(h.price, 4) }),
            ),
            toText(a.cash, 2),
          ),
        );
        let expected = 0n;
        for (const a of accounts) {
          expected += a.cash;
          for (const h of a.holdings) expected += expectedCents(h.quantity, h.price);
        }

        // Act
        const valuation = valuePortfolio(input);

        // Assess
        expect(valuation.total.valueText).toBe(toText(expected, 2));
      }),
      { numRuns: 200 },
    );
  });
});
