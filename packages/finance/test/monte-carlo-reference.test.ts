import { describe, expect, it } from 'vitest';
import {
  MONTE_CARLO_MODEL_VERSION,
  type MonteCarloInput,
  type ProjectionBand,
  runMonteCarlo,
} from '../src/index.ts';
import { runMonteCarloReference } from '../src/monte-carlo-reference.ts';

const PATHS = 20_000;

/** Plans that exercise different mixes, horizons and how often money runs out. */
const PLANS: Record<string, MonteCarloInput> = {
  'two classes, 25 years to retirement': {
    currentValue: 500_000,
    annualContribution: 10_000,
    yearsToRetirement: 25,
    targetIncome: 60_000,
    allocation: { equity: 70, fixed_income: 30 },
  },
  'six classes, 10 years to retirement': {
    currentValue: 900_000,
    annualContribution: 25_000,
    yearsToRetirement: 10,
    targetIncome: 70_000,
    allocation: {
      equity: 40,
      fixed_income: 20,
      real_estate: 10,
      commodities: 10,
      cash: 10,
      alternatives: 10,
    },
  },
  'all equity, retiring today': {
    currentValue: 1_500_000,
    annualContribution: 0,
    yearsToRetirement: 0,
    targetIncome: 75_000,
    allocation: { equity: 100 },
    retirementYears: 35,
  },
  'cautious mix that mostly lasts': {
    currentValue: 2_000_000,
    annualContribution: 0,
    yearsToRetirement: 5,
    targetIncome: 60_000,
    allocation: { fixed_income: 60, cash: 20, equity: 20 },
  },
};

const Z90 = 1.2815515655446004;

/**
 * Five standard errors of the difference between two runs' estimates of one band value, plus a dollar
 * of rounding. A quantile's standard error is √(q(1−q)/n) / density; the density comes from a lognormal
 * fitted to the reference's p10 and p90 (the bands are lognormal-like before withdrawals bite), or, when
 * p10 is 0, from a deliberately loose 2.5·(p90 − p10)/√n.
 */
function tolerance(band: ProjectionBand, q: 0.1 | 0.5 | 0.9, n: number): number {
  const value = q === 0.1 ? band.p10 : q === 0.5 ? band.p50 : band.p90;
  let error = (2.5 * (band.p90 - band.p10)) / Math.sqrt(n);
  if (band.p10 > 0) {
    const sigma = Math.log(band.p90 / band.p10) / (2 * Z90);
    const z = q === 0.5 ? 0 : Z90;
    error = Math.sqrt((q * (1 - q)) / n) * value * sigma * Math.sqrt(2 * Math.PI) * Math.exp((z * z) / 2);
  }
  return 5 * Math.SQRT2 * error + 1;
}

describe('the Monte Carlo kernel against the reference kernel', () => {
  for (const [name, plan] of Object.entries(PLANS)) {
    it(`agrees within sampling error: ${name}`, () => {
      // Act
      const current = runMonteCarlo({ ...plan, paths: PATHS, seed: 11 });
      const reference = runMonteCarloReference({ ...plan, paths: PATHS, seed: 11 });

      // Assess: success rates within five standard errors of a difference of two proportions
      const p = reference.successRate / 100;
      const rateError = 100 * Math.sqrt((2 * p * (1 - p)) / PATHS);
      expect(Math.abs(current.successRate - reference.successRate)).toBeLessThanOrEqual(5 * rateError + 0.01);
      for (const year of [1, plan.yearsToRetirement, plan.yearsToRetirement + 10]) {
        const mine = current.percentiles[year];
        const theirs = reference.percentiles[year];
        if (mine === undefined || theirs === undefined) throw new Error(`no band for year ${year}`);
        expect(Math.abs(mine.p10 - theirs.p10)).toBeLessThanOrEqual(tolerance(theirs, 0.1, PATHS));
        expect(Math.abs(mine.p50 - theirs.p50)).toBeLessThanOrEqual(tolerance(theirs, 0.5, PATHS));
        expect(Math.abs(mine.p90 - theirs.p90)).toBeLessThanOrEqual(tolerance(theirs, 0.9, PATHS));
      }
      const incomeError = Math.abs(current.sustainableIncome - reference.sustainableIncome);
      expect(incomeError).toBeLessThanOrEqual(0.03 * reference.sustainableIncome);
      expect(current.assumptions.portfolioMean).toBe(reference.assumptions.portfolioMean);
      expect(current.assumptions.portfolioVolatility).toBe(reference.assumptions.portfolioVolatility);
    });
  }

  it('is a different random model from the reference, not a copy of it', () => {
    // Act
    const plan = { ...PLANS['two classes, 25 years to retirement'], paths: 2000 } as MonteCarloInput;
    const current = runMonteCarlo(plan);
    const reference = runMonteCarloReference(plan);

    // Assess
    expect(current.percentiles).not.toEqual(reference.percentiles);
    expect(current.assumptions.model).toMatch(new RegExp(`^${MONTE_CARLO_MODEL_VERSION}:`));
    expect(reference.assumptions.model).toMatch(/^monte-carlo\/1:/);
  });

  it('matches the reference exactly with zero volatility', () => {
    // Act
    const plan = {
      ...PLANS['six classes, 10 years to retirement'],
      paths: 50,
      zeroVolatility: true,
    } as MonteCarloInput;
    const current = runMonteCarlo(plan);
    const reference = runMonteCarloReference(plan);

    // Assess
    expect(current.percentiles).toEqual(reference.percentiles);
    expect(current.successRate).toBe(reference.successRate);
    expect(current.sustainableIncome).toBe(reference.sustainableIncome);
  });
});
