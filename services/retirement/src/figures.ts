import type { RetirementInputs } from '@alex/analysis';
import type { RetirementInput } from '@alex/database';
import { MONTE_CARLO_MODEL_VERSION, type MonteCarloResult } from '@alex/finance';
import { RETIREMENT_THRESHOLDS } from './prompts.ts';

/** The figures stored with a projection (the contract's `RetirementFigures`). */
export type RetirementFigures = RetirementInput['figures'];
type RetirementVerdict = RetirementFigures['verdict'];

/**
 * On track, borderline or at risk, by the success rate as stored (rounded down to 0.01), so the
 * verdict and every displayed rate agree: 89.99% is borderline and never shows as 90%.
 */
export function verdict(successRate: number): RetirementVerdict {
  if (successRate >= RETIREMENT_THRESHOLDS.on_track_percent) return 'on track';
  if (successRate >= RETIREMENT_THRESHOLDS.borderline_percent) return 'borderline';
  return 'at risk';
}

/** The headline figures of a run with their units named, as stored with the projection. */
export function retirementFigures(inputs: RetirementInputs, result: MonteCarloResult): RetirementFigures {
  const { assumptions, atRetirement } = result;
  const { plan } = assumptions;
  return {
    success_rate_percent: result.successRate,
    verdict: verdict(result.successRate),
    target_income_today: plan.targetIncome,
    sustainable_income_today: result.sustainableIncome,
    other_income_today: plan.otherIncome,
    annual_contribution_today: plan.annualContribution,
    contribution_rises_with_inflation: plan.contributionRisesWithInflation,
    annual_fee_percent: Math.round(plan.annualFee * 10_000) / 100,
    inflation_percent: Math.round(assumptions.inflation * 10_000) / 100,
    retirement_year: assumptions.yearsToRetirement,
    retirement_age: inputs.currentAge === null ? null : inputs.currentAge + assumptions.yearsToRetirement,
    at_retirement_nominal: { p10: atRetirement.p10, p50: atRetirement.p50, p90: atRetirement.p90 },
    at_retirement_today: {
      p10: atRetirement.p10Today,
      p50: atRetirement.p50Today,
      p90: atRetirement.p90Today,
    },
    paths: assumptions.paths,
    seed: assumptions.seed,
    model_version: MONTE_CARLO_MODEL_VERSION,
  };
}
