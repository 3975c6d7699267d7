import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ASSET_CLASSES,
  type AssetClass,
  DEFAULT_ASSUMPTIONS,
  InvalidInputError,
  type MonteCarloInput,
  roundPercentages,
  runMonteCarlo,
} from '../src/index.ts';

const BASE: MonteCarloInput = {
  currentValue: 500_000,
  annualContribution: 10_000,
  yearsToRetirement: 25,
  targetIncome: 60_000,
  allocation: { equity: 70, fixed_income: 30 },
  paths: 500,
  seed: 1,
};

/** Any mix of asset classes as percentages summing to 100. */
const allocationArb = fc
  .uniqueArray(fc.constantFrom(...ASSET_CLASSES), { minLength: 1, maxLength: ASSET_CLASSES.length })
  .chain((classes) =>
    fc
      .array(fc.integer({ min: 1, max: 100 }), { minLength: classes.length, maxLength: classes.length })
      .map((raw) => {
        const percents = roundPercentages(raw, 2);
        return Object.fromEntries(classes.map((key, index) => [key, percents[index] ?? 0])) as Record<
          AssetClass,
          number
        >;
      }),
  );

/** The mix's expected return under the default assumptions. */
function meanReturn(allocation: Partial<Record<AssetClass, number>>): number {
  return Object.entries(allocation).reduce(
    (sum, [key, percent]) =>
      sum + ((percent ?? 0) / 100) * DEFAULT_ASSUMPTIONS.returns[key as AssetClass].mean,
    0,
  );
}

describe('runMonteCarlo', () => {
  it('equals closed-form compound growth of the value plus an annuity of contributions with zero volatility', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5_000_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 45 }),
        allocationArb,
        (currentValue, annualContribution, yearsToRetirement, allocation) => {
          // Prepare
          const r = meanReturn(allocation);
          const growth = (1 + r) ** yearsToRetirement;
          const expected = currentValue * growth + (annualContribution * (growth - 1)) / r;

          // Act
          const result = runMonteCarlo({
            ...BASE,
            currentValue,
            annualContribution,
            yearsToRetirement,
            allocation,
            paths: 3,
            zeroVolatility: true,
          });

          // Assess: bands are whole dollars, so allow half a dollar on top of a tight relative error
          const band = result.atRetirement;
          expect(Math.abs(band.p50 - expected)).toBeLessThanOrEqual(0.5 + 1e-9 * expected);
          expect(band.p10).toBe(band.p50);
          expect(band.p90).toBe(band.p50);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('finds the closed-form level income as the sustainable income with zero volatility', () => {
    // Prepare
    const r = meanReturn(BASE.allocation);
    const i = DEFAULT_ASSUMPTIONS.inflation;
    const n = BASE.yearsToRetirement;
    const growth = (1 + r) ** n;
    const atRetirement = BASE.currentValue * growth + (BASE.annualContribution * (growth - 1)) / r;
    let presentValueOfOneDollar = 0;
    for (let k = 0; k < 30; k += 1) presentValueOfOneDollar += (1 + i) ** (n + k) / (1 + r) ** k;
    const expected = atRetirement / presentValueOfOneDollar;

    // Act
    const result = runMonteCarlo({ ...BASE, zeroVolatility: true });

    // Assess
    expect(Math.abs(result.sustainableIncome - expected)).toBeLessThanOrEqual(1);
  });

  it('never raises the success rate when the income goes up', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 150_000 }),
        fc.integer({ min: 1, max: 50_000 }),
        fc.integer({ min: 0, max: 40 }),
        allocationArb,
        fc.nat(),
        (income, raise, yearsToRetirement, allocation, seed) => {
          // Prepare
          const input = { ...BASE, yearsToRetirement, allocation, seed, paths: 200 };

          // Act
          const lower = runMonteCarlo({ ...input, targetIncome: income });
          const higher = runMonteCarlo({ ...input, targetIncome: income + raise });

          // Assess
          expect(higher.successRate).toBeLessThanOrEqual(lower.successRate);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('gives the same result for the same seed', () => {
    // Act
    const first = runMonteCarlo(BASE);
    const second = runMonteCarlo(BASE);

    // Assess
    expect(second).toEqual(first);
  });

  it('gives different percentiles for a different seed', () => {
    // Act
    const first = runMonteCarlo(BASE);
    const second = runMonteCarlo({ ...BASE, seed: 2 });

    // Assess
    expect(second.percentiles).not.toEqual(first.percentiles);
  });

  it('reports a band for every year from today to the end of retirement, in order', () => {
    // Act
    const result = runMonteCarlo(BASE);

    // Assess
    expect(result.percentiles.map((band) => band.year)).toEqual(
      Array.from({ length: 56 }, (_, year) => year),
    );
    expect(result.percentiles[25]?.phase).toBe('accumulation');
    expect(result.percentiles[26]?.phase).toBe('retirement');
    for (const band of result.percentiles) {
      expect(band.p10).toBeLessThanOrEqual(band.p50);
      expect(band.p50).toBeLessThanOrEqual(band.p90);
    }
  });

  it('sustains its sustainable income in at least 90% of the same paths', () => {
    // Prepare
    const { sustainableIncome } = runMonteCarlo(BASE);

    // Act
    const check = runMonteCarlo({ ...BASE, targetIncome: sustainableIncome });

    // Assess
    expect(check.successRate).toBeGreaterThanOrEqual(90);
  });

  it('defaults to 10,000 paths and 30 years of retirement, and reports the assumptions used', () => {
    // Act
    const { paths: _ignored, ...input } = BASE;
    const result = runMonteCarlo(input);

    // Assess
    expect(result.assumptions).toMatchObject({
      paths: 10_000,
      retirementYears: 30,
      seed: 1,
      inflation: 0.03,
      assetClasses: [
        { assetClass: 'equity', weight: 0.7, mean: 0.07, volatility: 0.18 },
        { assetClass: 'fixed_income', weight: 0.3, mean: 0.04, volatility: 0.05 },
      ],
      correlations: [
        [1, 0.1],
        [0.1, 1],
      ],
    });
    expect(result.assumptions.portfolioMean).toBeCloseTo(0.061, 12);
  });

  it('rejects an allocation that does not sum to 100', () => {
    // Act
    const run = () => runMonteCarlo({ ...BASE, allocation: { equity: 70, fixed_income: 20 } });

    // Assess
    expect(run).toThrow(InvalidInputError);
  });

  it('rejects an unknown asset class', () => {
    // Act
    const run = () => runMonteCarlo({ ...BASE, allocation: { equity: 70, crypto: 30 } as never });

    // Assess
    expect(run).toThrow(/unknown asset class 'crypto'/);
  });

  it('rejects a fractional number of years', () => {
    // Act
    const run = () => runMonteCarlo({ ...BASE, yearsToRetirement: 2.5 });

    // Assess
    expect(run).toThrow(/yearsToRetirement/);
  });

  it("draws the mix's yearly return with the portfolio's mean and volatility, within sampling error", () => {
    // Prepare: one year of growth of a million dollars, so year 1's band is 1,000,000 × (1 + return)
    const paths = 200_000;
    const input = { ...BASE, currentValue: 1_000_000, annualContribution: 0, yearsToRetirement: 1, paths };

    // Act
    const result = runMonteCarlo(input);

    // Assess: normal quantiles mean + z·volatility; a quantile's standard error is √(q(1−q)/n)/φ(z)·σ
    const { portfolioMean: mean, portfolioVolatility: volatility } = result.assumptions;
    const band = result.percentiles[1];
    const z = 1.2815515655446004;
    const density = (x: number) => Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI);
    const error = (q: number, x: number) =>
      (Math.sqrt((q * (1 - q)) / paths) / density(x)) * volatility * 1_000_000;
    expect(volatility).toBeCloseTo(
      Math.sqrt(0.7 ** 2 * 0.18 ** 2 + 0.3 ** 2 * 0.05 ** 2 + 2 * 0.7 * 0.3 * 0.1 * 0.18 * 0.05),
      12,
    );
    expect(Math.abs((band?.p50 ?? 0) - 1_000_000 * (1 + mean))).toBeLessThan(5 * error(0.5, 0) + 1);
    expect(Math.abs((band?.p10 ?? 0) - 1_000_000 * (1 + mean - z * volatility))).toBeLessThan(
      5 * error(0.1, z) + 1,
    );
    expect(Math.abs((band?.p90 ?? 0) - 1_000_000 * (1 + mean + z * volatility))).toBeLessThan(
      5 * error(0.9, z) + 1,
    );
  });
});
