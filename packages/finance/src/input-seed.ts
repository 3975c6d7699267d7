import { fnv1a } from './hash.ts';
import { ASSET_CLASSES } from './keys.ts';
import type { MonteCarloInput } from './monte-carlo-input.ts';

/** Twelve significant digits: the same plan gives the same text whatever order its sums were taken in. */
const canonical = (value: number | undefined): number | null =>
  value === undefined ? null : Number(value.toPrecision(12));

/**
 * A 32-bit seed derived from everything a run simulates (value, plan, mix, horizon, paths), so the
 * same inputs give the same figures on every run and in any job, and a changed input draws afresh.
 */
export function seedFromInput(input: Omit<MonteCarloInput, 'seed'>): number {
  const text = JSON.stringify([
    'alex-retirement-seed/1',
    canonical(input.currentValue),
    canonical(input.annualContribution),
    input.contributionRisesWithInflation ?? false,
    input.yearsToRetirement,
    canonical(input.targetIncome),
    canonical(input.otherIncome),
    input.otherIncomeStartYear ?? null,
    canonical(input.annualFee),
    input.retirementYears ?? null,
    input.paths ?? null,
    ASSET_CLASSES.map((key) => canonical(input.allocation[key])),
  ]);
  return fnv1a(text);
}
