import type { RetirementInputs } from '@alex/analysis';
import { type MonteCarloInput, type MonteCarloResult, runMonteCarlo } from '@alex/finance';

/** Most what-if runs one agent run may ask for; each is a full simulation. */
export const MAX_WHAT_IFS = 3;

/** The changes a what-if may make to the user's own inputs (money in today's dollars). */
export interface WhatIf {
  annual_contribution?: number | undefined;
  target_income?: number | undefined;
  years_until_retirement?: number | undefined;
}

/**
 * One simulation as the model reads it: inputs, outcome and the headline assumptions (compact). Every
 * money field names its unit: `_today` is today's dollars, `_nominal` the dollars of the year it happens.
 */
export interface ScenarioSummary {
  scenario: 'baseline' | 'what-if';
  /** The inputs a what-if changed, with their baseline values. */
  changed: Record<string, { from: number; to: number }>;
  inputs: {
    current_value_today: number;
    annual_contribution_today: number;
    contribution_rises_with_inflation: boolean;
    years_until_retirement: number;
    target_income_today: number;
    other_income_today: number;
    annual_fee_percent: number;
    retirement_years: number;
    allocation_percent: Record<string, number>;
  };
  /** Chance the target income lasts every retirement year, percent (rounded down to 0.01). */
  success_rate: number;
  at_retirement_nominal: { year: number; p10: number; p50: number; p90: number };
  at_retirement_today: { year: number; p10: number; p50: number; p90: number };
  /** Largest income (today's dollars, other income included) that 9 of 10 simulated markets sustain. */
  sustainable_income_today: number;
  /** sustainable_income_today − target_income_today (negative = shortfall). */
  income_gap_today: number;
  paths: number;
  seed: number;
  expected_return: number;
  volatility: number;
  inflation: number;
  /** How the inputs were derived (assumed contribution, unclassified holdings …). */
  notes: string[];
}

const pct = (fraction: number): number => Math.round(fraction * 10_000) / 100;

/** Monte Carlo inputs with a what-if's changes applied (absent fields keep the user's values). */
export function applyWhatIf(inputs: MonteCarloInput, whatIf: WhatIf): MonteCarloInput {
  return {
    ...inputs,
    ...(whatIf.annual_contribution === undefined ? {} : { annualContribution: whatIf.annual_contribution }),
    ...(whatIf.target_income === undefined ? {} : { targetIncome: whatIf.target_income }),
    ...(whatIf.years_until_retirement === undefined
      ? {}
      : { yearsToRetirement: whatIf.years_until_retirement }),
  };
}

/** The fields of a what-if that differ from the baseline. */
export function changesOf(base: MonteCarloInput, whatIf: WhatIf): ScenarioSummary['changed'] {
  const pairs: [string, number | undefined, number][] = [
    ['annual_contribution', whatIf.annual_contribution, base.annualContribution],
    ['target_income', whatIf.target_income, base.targetIncome],
    ['years_until_retirement', whatIf.years_until_retirement, base.yearsToRetirement],
  ];
  return Object.fromEntries(
    pairs.flatMap(([key, to, from]) => (to === undefined || to === from ? [] : [[key, { from, to }]])),
  );
}

/** Summarises one run for the model and the offline writer. */
export function summarise(
  input: MonteCarloInput,
  result: MonteCarloResult,
  changed: ScenarioSummary['changed'] = {},
  notes: readonly string[] = [],
): ScenarioSummary {
  const { assumptions, atRetirement } = result;
  const { plan } = assumptions;
  return {
    scenario: Object.keys(changed).length === 0 ? 'baseline' : 'what-if',
    changed,
    inputs: {
      current_value_today: plan.currentValue,
      annual_contribution_today: plan.annualContribution,
      contribution_rises_with_inflation: plan.contributionRisesWithInflation,
      years_until_retirement: assumptions.yearsToRetirement,
      target_income_today: plan.targetIncome,
      other_income_today: plan.otherIncome,
      annual_fee_percent: pct(plan.annualFee),
      retirement_years: assumptions.retirementYears,
      allocation_percent: Object.fromEntries(
        assumptions.assetClasses.map((a) => [a.assetClass, pct(a.weight)]),
      ),
    },
    success_rate: result.successRate,
    at_retirement_nominal: {
      year: atRetirement.year,
      p10: atRetirement.p10,
      p50: atRetirement.p50,
      p90: atRetirement.p90,
    },
    at_retirement_today: {
      year: atRetirement.year,
      p10: atRetirement.p10Today,
      p50: atRetirement.p50Today,
      p90: atRetirement.p90Today,
    },
    sustainable_income_today: result.sustainableIncome,
    income_gap_today: result.sustainableIncome - input.targetIncome,
    paths: assumptions.paths,
    seed: assumptions.seed,
    expected_return: pct(assumptions.portfolioMean),
    volatility: pct(assumptions.portfolioVolatility),
    inflation: pct(assumptions.inflation),
    notes: [...notes],
  };
}

/** Runs a what-if on the user's inputs: same seed and path count, so differences come from the change. */
export function runWhatIf(inputs: RetirementInputs, whatIf: WhatIf): ScenarioSummary {
  const changed = applyWhatIf(inputs, whatIf);
  return summarise(changed, runMonteCarlo(changed), changesOf(inputs, whatIf), inputs.notes);
}
