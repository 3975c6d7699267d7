import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundPercentages } from '../src/index.ts';

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

describe('roundPercentages', () => {
  it('gives the leftover unit to the largest remainder', () => {
    // Act
    const percents = roundPercentages([1, 1, 1], 1);

    // Assess
    expect(percents).toEqual([33.4, 33.3, 33.3]);
  });

  it('returns zeros when the total is zero', () => {
    // Act
    const percents = roundPercentages([0, 0]);

    // Assess
    expect(percents).toEqual([0, 0]);
  });

  it('always sums to 100 within 0.1 for any non-negative values with a positive total', () => {
    const values = fc
      .array(fc.double({ min: 0, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 40 })
      .filter((list) => sum(list) > 0);
    fc.assert(
      fc.property(values, fc.integer({ min: 0, max: 3 }), (list, decimals) => {
        // Act
        const percents = roundPercentages(list, decimals);

        // Assess
        expect(Math.abs(sum(percents) - 100)).toBeLessThanOrEqual(0.1);
      }),
      { numRuns: 300 },
    );
  });
});
