import { type AssetClass, isAssetClass, type MonteCarloInput, seedFromText } from '@alex/finance';
import type { PortfolioFacts } from './facts.ts';

/**
 * What the user saves each year until retirement. The schema has no field for it yet, so Alex uses
 * the reference build's assumption, and says so in the assumptions it stores.
 */
export const DEFAULT_ANNUAL_CONTRIBUTION = 10_000;

/** Monte Carlo inputs for a portfolio, seeded by the job so a job's projection is reproducible. */
export interface RetirementInputs extends MonteCarloInput {
  /** Value with no asset-class data, spread over the classified mix rather than guessed. */
  unclassifiedValue: number;
  notes: string[];
}

/**
 * Builds the Monte Carlo inputs from the portfolio's facts: today's value, the asset-class mix
 * (cash included; value the tagger could not classify is spread pro rata over the classified mix,
 * or treated as equity when nothing is classified), the user's horizon and income goal.
 */
export function retirementInputs(
  facts: PortfolioFacts,
  jobId: string,
  options: { paths?: number } = {},
): RetirementInputs {
  const buckets = facts.allocations.asset_class.buckets;
  const classified = buckets.filter((b) => isAssetClass(b.key));
  const unclassifiedValue = buckets.filter((b) => !isAssetClass(b.key)).reduce((s, b) => s + b.value, 0);
  const classifiedValue = classified.reduce((s, b) => s + b.value, 0);
  const notes: string[] = [
    `Annual contribution of $${DEFAULT_ANNUAL_CONTRIBUTION.toLocaleString('en-US')} assumed until retirement.`,
  ];
  let allocation: Partial<Record<AssetClass, number>>;
  if (classifiedValue > 0) {
    allocation = Object.fromEntries(classified.map((b) => [b.key, (b.value / classifiedValue) * 100]));
    if (unclassifiedValue > 0) notes.push('Unclassified holdings were spread over the classified mix.');
  } else {
    allocation = { equity: 100 };
    notes.push('No holding could be classified; the projection treats the portfolio as equity.');
  }
  return {
    currentValue: facts.valuation.total.value,
    annualContribution: DEFAULT_ANNUAL_CONTRIBUTION,
    yearsToRetirement: facts.user.years_until_retirement,
    targetIncome: facts.user.target_retirement_income,
    allocation,
    seed: seedFromText(jobId),
    ...(options.paths ? { paths: options.paths } : {}),
    unclassifiedValue,
    notes,
  };
}
