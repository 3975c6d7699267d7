import { describe, expect, it } from 'vitest';
import {
  assembleResult,
  DEFAULT_ASSUMPTIONS,
  InvalidInputError,
  type MonteCarloInput,
  prepareRun,
  runMonteCarlo,
  seedFromInput,
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
/** The 70/30 mix's expected return under the default assumptions. */
const R = 0.7 * 0.07 + 0.3 * 0.04;
const I = DEFAULT_ASSUMPTIONS.inflation;

/** The value at retirement with zero volatility: compound growth plus each contribution's growth. */
function closedFormAtRetirement(growth: number, contribution: (year: number) => number): number {
  let value = BASE.currentValue * growth ** BASE.yearsToRetirement;
  for (let year = 1; year <= BASE.yearsToRetirement; year += 1) {
    value += contribution(year) * growth ** (BASE.yearsToRetirement - year);
  }
  return value;
}

describe('runMonteCarlo with the plan inputs', () => {
  it('takes the annual fee from every year of growth', () => {
    // Prepare
    const growth = (1 + R) * (1 - 0.01);
    const expected = closedFormAtRetirement(growth, () => BASE.annualContribution);

    // Act
    const result = runMonteCarlo({ ...BASE, annualFee: 0.01, zeroVolatility: true, paths: 3 });

    // Assess
    expect(Math.abs(result.atRetirement.p50 - expected)).toBeLessThanOrEqual(0.5 + 1e-9 * expected);
  });

  it('raises the contribution with inflation when asked, keeping it level in today dollars', () => {
    // Prepare
    const expected = closedFormAtRetirement(1 + R, (year) => BASE.annualContribution * (1 + I) ** year);

    // Act
    const result = runMonteCarlo({
      ...BASE,
      contributionRisesWithInflation: true,
      zeroVolatility: true,
      paths: 3,
    });

    // Assess
    expect(Math.abs(result.atRetirement.p50 - expected)).toBeLessThanOrEqual(0.5 + 1e-9 * expected);
  });

  it('adds other income that starts at retirement to the sustainable income, dollar for dollar', () => {
    // Prepare
    const without = runMonteCarlo({ ...BASE, zeroVolatility: true, paths: 3 });

    // Act
    const withPension = runMonteCarlo({ ...BASE, otherIncome: 20_000, zeroVolatility: true, paths: 3 });

    // Assess
    expect(
      Math.abs(withPension.sustainableIncome - (without.sustainableIncome + 20_000)),
    ).toBeLessThanOrEqual(1);
  });

  it('counts other income only from the year it starts', () => {
    // Prepare
    const atRetirement = runMonteCarlo({ ...BASE, otherIncome: 20_000, zeroVolatility: true, paths: 3 });

    // Act
    const tenYearsLater = runMonteCarlo({
      ...BASE,
      otherIncome: 20_000,
      otherIncomeStartYear: BASE.yearsToRetirement + 10,
      zeroVolatility: true,
      paths: 3,
    });

    // Assess
    expect(tenYearsLater.sustainableIncome).toBeLessThan(atRetirement.sustainableIncome);
  });

  it("reports every band in today's dollars as the nominal band deflated by inflation", () => {
    // Act
    const result = runMonteCarlo(BASE);

    // Assess
    for (const band of result.percentiles) {
      const deflator = (1 + I) ** band.year;
      expect(Math.abs(band.p50Today - band.p50 / deflator)).toBeLessThanOrEqual(1);
      expect(Math.abs(band.p10Today - band.p10 / deflator)).toBeLessThanOrEqual(1);
    }
  });

  it('rounds the success rate down, so 26,999 successes of 30,000 paths show as 89.99%, not 90%', () => {
    // Prepare
    const run = prepareRun({ ...BASE, paths: 30_000, yearsToRetirement: 0, retirementYears: 1 });
    const bands = new Float64Array(6);

    // Act
    const result = assembleResult(run, bands, 3_001, 0);

    // Assess
    expect(result.successRate).toBe(89.99);
  });

  it.each([
    ['currentValue', { currentValue: 1e307 }, /currentValue: must be at most \$1,000,000,000,000/],
    ['currentValue', { currentValue: Number.NaN }, /currentValue: must be a number/],
    ['annualContribution', { annualContribution: -1 }, /annualContribution: must not be negative/],
    ['targetIncome', { targetIncome: Number.POSITIVE_INFINITY }, /targetIncome: must be at most/],
    ['otherIncome', { otherIncome: 2e12 }, /otherIncome: must be at most/],
    ['annualFee', { annualFee: 0.2 }, /annualFee: must be a fraction from 0 to 0.05/],
  ])('rejects an out-of-range %s, naming the field and the bound', (_field, change, message) => {
    // Act
    const run = () => runMonteCarlo({ ...BASE, ...change });

    // Assess
    expect(run).toThrow(InvalidInputError);
    expect(run).toThrow(message);
  });
});

describe('seedFromInput', () => {
  it('gives the same seed for the same inputs and a different one when an input changes', () => {
    // Prepare
    const { seed: _seed, ...input } = BASE;

    // Act
    const first = seedFromInput(input);
    const again = seedFromInput({ ...input, allocation: { fixed_income: 30, equity: 70 } });
    const changed = seedFromInput({ ...input, annualContribution: 10_001 });

    // Assess
    expect(again).toBe(first);
    expect(changed).not.toBe(first);
  });
});
