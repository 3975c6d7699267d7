import { type CapitalMarketAssumptions, DEFAULT_ASSUMPTIONS } from './assumptions.ts';
import { InvalidInputError } from './errors.ts';
import { ASSET_CLASSES, type AssetClass, isAssetClass } from './keys.ts';

/** Paths simulated unless asked otherwise. */
export const DEFAULT_PATHS = 10_000;
/** Years of withdrawals after retirement (the reference's 30). */
export const DEFAULT_RETIREMENT_YEARS = 30;
/** Seed used when none is given. */
export const DEFAULT_SEED = 1;
/** How far an allocation may sum from 100 (as the database allows). */
export const ALLOCATION_SUM_TOLERANCE = 0.05;
const MAX_PATHS = 1_000_000;
const MAX_YEARS = 100;
/** Largest amount of money any input may state: a trillion dollars keeps every sum finite and exact enough. */
export const MAX_DOLLARS = 1_000_000_000_000;
/** Largest yearly fee drag accepted, as a fraction (5% a year). */
export const MAX_ANNUAL_FEE = 0.05;

/** What the retirement Monte Carlo needs; money in dollars, the allocation in percent. */
export interface MonteCarloInput {
  currentValue: number;
  /**
   * Added at the end of each year until retirement, in today's dollars: flat in nominal dollars (as in
   * the reference) unless {@link contributionRisesWithInflation}.
   */
  annualContribution: number;
  /** Raise the contribution with inflation each year (it stays the same in today's dollars). */
  contributionRisesWithInflation?: boolean;
  yearsToRetirement: number;
  /** Desired annual income in today's dollars; withdrawals grow with inflation from today. */
  targetIncome: number;
  /** Other retirement income (pension, Social Security) in today's dollars a year, growing with inflation. */
  otherIncome?: number;
  /** Years from now when the other income starts (default: at retirement); paid only in retirement. */
  otherIncomeStartYear?: number;
  /** Yearly fees and expenses as a fraction of the balance (0.005 = 0.5%), taken from every year's growth. */
  annualFee?: number;
  /** Asset-class percentages summing to 100 (±0.05). */
  allocation: Readonly<Partial<Record<AssetClass, number>>>;
  retirementYears?: number;
  paths?: number;
  seed?: number;
  /** Every year returns exactly its mean: a deterministic check against the closed form. */
  zeroVolatility?: boolean;
  assumptions?: CapitalMarketAssumptions;
}

/** A validated input with every default filled in and the weights as fractions. */
export interface MonteCarloConfig {
  currentValue: number;
  annualContribution: number;
  contributionRisesWithInflation: boolean;
  yearsToRetirement: number;
  targetIncome: number;
  otherIncome: number;
  otherIncomeStartYear: number;
  annualFee: number;
  retirementYears: number;
  paths: number;
  seed: number;
  zeroVolatility: boolean;
  assumptions: CapitalMarketAssumptions;
  /** Asset classes with a positive weight, in {@link ASSET_CLASSES} order. */
  classes: AssetClass[];
  /** Weights of `classes`, summing to 1. */
  weights: number[];
}

function nonNegative(field: string, value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new InvalidInputError(field, 'must be a number ≥ 0');
  }
  return value;
}

function dollars(field: string, value: number): number {
  if (typeof value !== 'number' || Number.isNaN(value))
    throw new InvalidInputError(field, 'must be a number');
  if (value < 0) throw new InvalidInputError(field, 'must not be negative');
  if (!(value <= MAX_DOLLARS)) {
    throw new InvalidInputError(field, `must be at most $${MAX_DOLLARS.toLocaleString('en-US')}`);
  }
  return value;
}

function fractionUpTo(field: string, value: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > max) {
    throw new InvalidInputError(field, `must be a fraction from 0 to ${max} (${max * 100}%)`);
  }
  return value;
}

function integerIn(field: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new InvalidInputError(field, `must be a whole number from ${min} to ${max}`);
  }
  return value;
}

/** Checks an allocation of asset-class percentages and returns the classes used and their weights. */
export function allocationWeights(allocation: Readonly<Partial<Record<string, number>>>): {
  classes: AssetClass[];
  weights: number[];
} {
  let sum = 0;
  for (const [key, percent] of Object.entries(allocation)) {
    if (!isAssetClass(key)) {
      throw new InvalidInputError(
        'allocation',
        `unknown asset class '${key}' (use ${ASSET_CLASSES.join(', ')})`,
      );
    }
    sum += nonNegative(`allocation.${key}`, percent ?? 0);
  }
  if (Math.abs(sum - 100) > ALLOCATION_SUM_TOLERANCE) {
    throw new InvalidInputError('allocation', `must sum to 100, got ${Number(sum.toFixed(4))}`);
  }
  const classes = ASSET_CLASSES.filter((key) => (allocation[key] ?? 0) > 0);
  return { classes, weights: classes.map((key) => (allocation[key] ?? 0) / sum) };
}

/** Validates a {@link MonteCarloInput}, naming the bad field in an {@link InvalidInputError}. */
export function toMonteCarloConfig(input: MonteCarloInput): MonteCarloConfig {
  const yearsToRetirement = integerIn('yearsToRetirement', input.yearsToRetirement, 0, MAX_YEARS);
  return {
    currentValue: dollars('currentValue', input.currentValue),
    annualContribution: dollars('annualContribution', input.annualContribution),
    contributionRisesWithInflation: input.contributionRisesWithInflation ?? false,
    yearsToRetirement,
    targetIncome: dollars('targetIncome', input.targetIncome),
    otherIncome: dollars('otherIncome', input.otherIncome ?? 0),
    otherIncomeStartYear: integerIn(
      'otherIncomeStartYear',
      input.otherIncomeStartYear ?? yearsToRetirement,
      0,
      2 * MAX_YEARS,
    ),
    annualFee: fractionUpTo('annualFee', input.annualFee ?? 0, MAX_ANNUAL_FEE),
    retirementYears: integerIn(
      'retirementYears',
      input.retirementYears ?? DEFAULT_RETIREMENT_YEARS,
      1,
      MAX_YEARS,
    ),
    paths: integerIn('paths', input.paths ?? DEFAULT_PATHS, 1, MAX_PATHS),
    seed: integerIn('seed', input.seed ?? DEFAULT_SEED, 0, 0xffffffff),
    zeroVolatility: input.zeroVolatility ?? false,
    assumptions: input.assumptions ?? DEFAULT_ASSUMPTIONS,
    ...allocationWeights(input.allocation),
  };
}
