import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  quantileOfSorted,
  quantileScratch,
  quantilesBySelection,
  quantilesOf,
  selectInPlace,
} from '../src/index.ts';

const PROBABILITIES = [0.1, 0.5, 0.9];

/** Rows with many ties, zeros and spread-out magnitudes, like the Monte Carlo's late retirement years. */
const rowArb = fc.array(
  fc.oneof(
    fc.constant(0),
    fc.constantFrom(1, 2, 1_000_000, Number.MIN_VALUE, 1e-300, 2 ** -16, 2 ** -15),
    fc.double({ min: 0, max: 1e9, noNaN: true }),
    fc.integer({ min: 0, max: 50 }),
  ),
  { minLength: 1, maxLength: 3000 },
);

const probabilitiesArb = fc
  .uniqueArray(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 8 })
  .map((values) => values.sort((a, b) => a - b));

function expected(row: readonly number[], probabilities: readonly number[]): number[] {
  const sorted = Float64Array.from(row).sort();
  return probabilities.map((q) => quantileOfSorted(sorted, q));
}

describe('selectInPlace', () => {
  it('puts the k-th smallest at k with nothing larger before it and nothing smaller after it', () => {
    fc.assert(
      fc.property(rowArb, fc.nat(), (row, pick) => {
        // Prepare
        const values = Float64Array.from(row);
        const k = pick % values.length;

        // Act
        selectInPlace(values, 0, values.length - 1, k);

        // Assess
        const pivot = values[k] ?? Number.NaN;
        expect(pivot).toBe(Float64Array.from(row).sort()[k]);
        expect(values.subarray(0, k).every((value) => value <= pivot)).toBe(true);
        expect(values.subarray(k + 1).every((value) => value >= pivot)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('quantilesOf', () => {
  it('equals the type-7 quantiles of the sorted row, for any ascending probabilities', () => {
    fc.assert(
      fc.property(rowArb, probabilitiesArb, (row, probabilities) => {
        // Prepare
        const values = Float64Array.from(row);
        const out = new Float64Array(probabilities.length);

        // Act
        quantilesOf(values, 0, values.length, probabilities, out, quantileScratch(values.length));

        // Assess
        expect(Array.from(out)).toEqual(expected(row, probabilities));
      }),
      { numRuns: 300 },
    );
  });

  it('leaves the row as it was, so the next year can still read it', () => {
    // Prepare
    const row = Array.from({ length: 5000 }, (_, i) => ((i * 7919) % 5003) * 13.5);
    const values = Float64Array.from(row);

    // Act
    quantilesOf(values, 0, values.length, PROBABILITIES, new Float64Array(3), quantileScratch(values.length));

    // Assess
    expect(Array.from(values)).toEqual(row);
  });

  it('reads one row of a larger array and reuses its scratch across rows', () => {
    // Prepare
    const rows = [
      Array.from({ length: 999 }, (_, i) => i * 3),
      Array.from({ length: 999 }, (_, i) => 5000 - i),
    ];
    const values = Float64Array.from(rows.flat());
    const scratch = quantileScratch(999);
    const out = new Float64Array(3);

    // Act
    const results = rows.map((_, index) => {
      quantilesOf(values, index * 999, 999, PROBABILITIES, out, scratch);
      return Array.from(out);
    });

    // Assess
    expect(results).toEqual(rows.map((row) => expected(row, PROBABILITIES)));
  });

  it('falls back to plain selection for negative values and still gets them right', () => {
    // Prepare
    const row = [5, -3, 0, 12, -7.5, 2, 2, 9];
    const out = new Float64Array(3);

    // Act
    quantilesOf(Float64Array.from(row), 0, row.length, PROBABILITIES, out, quantileScratch(row.length));

    // Assess
    expect(Array.from(out)).toEqual(expected(row, PROBABILITIES));
  });
});

describe('quantilesBySelection', () => {
  it('equals the type-7 quantiles of the sorted row, negatives included', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 2000 }),
        probabilitiesArb,
        (row, probabilities) => {
          // Prepare
          const out = new Float64Array(probabilities.length);

          // Act
          quantilesBySelection(Float64Array.from(row), 0, row.length, probabilities, out);

          // Assess
          expect(Array.from(out)).toEqual(expected(row, probabilities));
        },
      ),
      { numRuns: 200 },
    );
  });
});
