import { type AssetClass, isAssetClass, type MonteCarloInput, seedFromInput } from '@alex/finance';
import type { PortfolioFacts } from './facts.ts';

/**
 * What Alex assumes the user saves each year when their plan does not say (the reference build's
 * figure); the assumption is stated in the notes whenever it is used.
 */
export const DEFAULT_ANNUAL_CONTRIBUTION = 10_000;

const USD = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });

/** Monte Carlo inputs for a portfolio and plan, seeded by the inputs themselves so a rerun gives the same figures. */
export interface RetirementInputs extends MonteCarloInput {
  /** The seed, derived from every other input ({@link seedFromInput}). */
  seed: number;
  /** Value with no asset-class data, spread over the classified mix rather than guessed. */
  unclassifiedValue: number;
  /** The user's age today, when the plan gives a birth year. */
  currentAge: number | null;
  notes: string[];
}

/** The plan's contribution, other income and fee as Monte Carlo inputs, with a note for each. */
function planInputs(plan: PortfolioFacts['user']['plan']) {
  const notes: string[] = [];
  const contribution = plan.annual_contribution ?? DEFAULT_ANNUAL_CONTRIBUTION;
  if (plan.annual_contribution === null) {
    notes.push(
      `Your plan gives no yearly saving, so ${USD.format(DEFAULT_ANNUAL_CONTRIBUTION)} a year is assumed until retirement; enter yours in Settings.`,
    );
  } else {
    notes.push(
      plan.contribution_rises_with_inflation
        ? `Saving ${USD.format(contribution)} a year (today's dollars), raised with inflation each year, until retirement.`
        : `Saving ${USD.format(contribution)} a year, the same number of dollars each year, until retirement.`,
    );
  }
  // Without a start age (or an age to place it), other income starts at retirement: the engine's default.
  let startYear: { otherIncomeStartYear?: number } = {};
  if (plan.other_retirement_income > 0) {
    const { other_income_start_age: startAge, current_age: age } = plan;
    if (startAge !== null && age !== null) startYear = { otherIncomeStartYear: Math.max(0, startAge - age) };
    const when =
      startAge === null
        ? 'from retirement'
        : age === null
          ? `from retirement (your age is not in your plan, so age ${startAge} cannot be placed)`
          : `from age ${startAge}`;
    notes.push(
      `Other income (pension, Social Security) of ${USD.format(plan.other_retirement_income)} a year in today's dollars ${when}, rising with inflation, pays part of the target income.`,
    );
  }
  if (plan.annual_fee_percent > 0) notes.push(`Fees of ${plan.annual_fee_percent}% of the balance a year.`);
  return {
    annualContribution: contribution,
    contributionRisesWithInflation: plan.contribution_rises_with_inflation,
    otherIncome: plan.other_retirement_income,
    ...startYear,
    annualFee: plan.annual_fee_percent / 100,
    notes,
  };
}

/**
 * Builds the Monte Carlo inputs from the portfolio's facts and the user's plan: today's value, the
 * asset-class mix (cash included; value the tagger could not classify is spread pro rata over the
 * classified mix, or treated as equity when nothing is classified), the horizon, income goal, yearly
 * saving, other income and fees. The seed comes from these inputs, so an unchanged portfolio and plan
 * give identical figures in every analysis.
 */
export function retirementInputs(facts: PortfolioFacts, options: { paths?: number } = {}): RetirementInputs {
  const buckets = facts.allocations.asset_class.buckets;
  const classified = buckets.filter((b) => isAssetClass(b.key));
  const unclassifiedValue = buckets.filter((b) => !isAssetClass(b.key)).reduce((s, b) => s + b.value, 0);
  const classifiedValue = classified.reduce((s, b) => s + b.value, 0);
  const yearsToRetirement = facts.user.years_until_retirement;
  const { notes, ...plan } = planInputs(facts.user.plan);
  let allocation: Partial<Record<AssetClass, number>>;
  if (classifiedValue > 0) {
    allocation = Object.fromEntries(classified.map((b) => [b.key, (b.value / classifiedValue) * 100]));
    if (unclassifiedValue > 0) notes.push('Unclassified holdings were spread over the classified mix.');
  } else {
    allocation = { equity: 100 };
    notes.push('No holding could be classified; the projection treats the portfolio as equity.');
  }
  const input: MonteCarloInput = {
    currentValue: facts.valuation.total.value,
    yearsToRetirement,
    targetIncome: facts.user.target_retirement_income,
    allocation,
    ...plan,
    ...(options.paths ? { paths: options.paths } : {}),
  };
  return {
    ...input,
    seed: seedFromInput(input),
    unclassifiedValue,
    currentAge: facts.user.plan.current_age,
    notes,
  };
}
