import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AccountInput, type AllocationDimension, allocationBy, valuePortfolio } from '../src/index.ts';
import { account, DEMO_PORTFOLIO, position } from './fixtures.ts';

const percentSum = (buckets: { percent: number }[]) => buckets.reduce((total, b) => total + b.percent, 0);

describe('allocationBy', () => {
  it('weights each position by value and counts account cash as cash', () => {
    // Prepare: $600 of a 50/50 fund, $400 of bonds, $1,000 cash
    const accounts = [
      account(
        'a',
        [
          position({
            symbol: 'AOR',
            quantity: '6',
            allocation_asset_class: { equity: 50, fixed_income: 50 },
          }),
          position({ symbol: 'BND', quantity: '4', allocation_asset_class: { fixed_income: 100 } }),
        ],
        '1000.00',
      ),
    ];

    // Act
    const allocation = allocationBy(valuePortfolio(accounts), 'asset_class');

    // Assess
    expect(allocation.buckets).toEqual([
      { key: 'cash', value: 1000, percent: 50 },
      { key: 'fixed_income', value: 700, percent: 35 },
      { key: 'equity', value: 300, percent: 15 },
    ]);
  });

  it('puts the value of an instrument without a map under unclassified instead of guessing', () => {
    // Prepare
    const accounts = [
      account('a', [position({ symbol: 'NEW', allocation_regions: null }), position({ symbol: 'SPY' })]),
    ];

    // Act
    const allocation = allocationBy(valuePortfolio(accounts), 'regions');

    // Assess
    expect(allocation.unclassified).toEqual(['NEW']);
    expect(allocation.buckets).toContainEqual({ key: 'unclassified', value: 100, percent: 50 });
  });

  it('normalises a map that does not sum exactly to 100', () => {
    // Prepare
    const accounts = [
      account('a', [position({ symbol: 'X', allocation_sectors: { technology: 49.99, energy: 49.99 } })]),
    ];

    // Act
    const allocation = allocationBy(valuePortfolio(accounts), 'sectors');

    // Assess
    expect(allocation.buckets.map((b) => b.value)).toEqual([50, 50]);
  });

  it('leaves cash out when asked to measure invested value only', () => {
    // Act
    const allocation = allocationBy(valuePortfolio(DEMO_PORTFOLIO), 'regions', { includeCash: false });

    // Assess
    expect(allocation.buckets.map((b) => b.key)).not.toContain('cash');
    expect(allocation.total).toBe(78427);
  });

  it('makes each allocation of a valuation once and hands out the same frozen one after', () => {
    // Prepare
    const valuation = valuePortfolio(DEMO_PORTFOLIO);

    // Act
    const first = allocationBy(valuation, 'regions', { includeCash: false });
    const again = allocationBy(valuation, 'regions', { includeCash: false });
    const withCash = allocationBy(valuation, 'regions');

    // Assess: the same object, which no caller can change under another
    expect(again).toBe(first);
    expect(withCash).not.toBe(first);
    expect(withCash.buckets.map((b) => b.key)).toContain('cash');
    expect(Object.isFrozen(first) && Object.isFrozen(first.buckets)).toBe(true);
    expect(first.buckets.every((bucket) => Object.isFrozen(bucket))).toBe(true);
    const [bucket] = first.buckets as { value: number }[];
    expect(() => {
      if (bucket) bucket.value = 0;
    }).toThrow(TypeError);
    // A new valuation of the same positions is allocated afresh, to equal figures.
    expect(allocationBy(valuePortfolio(DEMO_PORTFOLIO), 'regions', { includeCash: false })).toEqual(first);
  });

  it('sums to 100 within 0.1 for arbitrary portfolios in every dimension', () => {
    const map = fc.option(fc.dictionary(fc.constantFrom('equity', 'europe', 'energy', 'x_y'), fc.nat(100)), {
      nil: null,
    });
    const cents = (max: number) => fc.integer({ min: 0, max }).map((c) => (c / 100).toFixed(2));
    const portfolio: fc.Arbitrary<AccountInput[]> = fc.array(
      fc.record({
        id: fc.uuid(),
        account_name: fc.string({ minLength: 1 }),
        cash_balance: cents(10_000_000),
        positions: fc.array(
          fc.record({
            symbol: fc.stringMatching(/^[A-Z]{1,5}$/),
            quantity: fc.integer({ min: 1, max: 1_000_000 }).map((q) => (q / 1000).toString()),
            price: fc.option(cents(100_000), { nil: null }),
            allocation_asset_class: map,
            allocation_regions: map,
            allocation_sectors: map,
          }),
          { maxLength: 8 },
        ),
      }),
      { minLength: 1, maxLength: 4 },
    );
    const dimension = fc.constantFrom<AllocationDimension>('asset_class', 'regions', 'sectors');
    fc.assert(
      fc.property(portfolio, dimension, (accounts, dim) => {
        // Prepare
        const valuation = valuePortfolio(accounts);
        fc.pre(valuation.total.value > 0);

        // Act
        const allocation = allocationBy(valuation, dim);

        // Assess
        expect(Math.abs(percentSum(allocation.buckets) - 100)).toBeLessThanOrEqual(0.1);
      }),
      { numRuns: 200 },
    );
  });
});
