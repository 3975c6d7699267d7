import type { MonteCarloConfig } from './monte-carlo-input.ts';
import type { ReturnModel } from './monte-carlo-model.ts';

/**
 * Paths per chunk. Fixed, so chunk boundaries and each chunk's random stream depend only on the
 * input: any number of workers gives the same result as one thread.
 */
export const CHUNK_PATHS = 4096;

/** Everything the kernel needs, as plain numbers (it crosses to worker threads by structured clone). */
export interface KernelParams {
  paths: number;
  yearsToRetirement: number;
  /** yearsToRetirement + retirementYears. */
  years: number;
  currentValue: number;
  /** The first year's contribution (nominal dollars); year y adds annualContribution·contributionGrowth^(y−1). */
  annualContribution: number;
  /** 1 + inflation when the contribution rises with inflation, else 1. */
  contributionGrowth: number;
  targetIncome: number;
  /** Other retirement income in today's dollars a year, paid in retirement years from otherIncomeStartYear. */
  otherIncome: number;
  /** Years from now when the other income starts. */
  otherIncomeStartYear: number;
  /** What is left of each year's growth after fees: 1 − the annual fee. */
  afterFees: number;
  inflation: number;
  /** The mix's annual return is N(mean, volatility²), drawn once per path-year. */
  mean: number;
  volatility: number;
  seed: number;
  /** {@link CHUNK_PATHS}, passed in because worker threads see only the kernel's own source. */
  chunkPaths: number;
}

/** The kernel's inputs for a validated config and its return model. */
export function kernelParams(config: MonteCarloConfig, model: ReturnModel): KernelParams {
  return {
    paths: config.paths,
    yearsToRetirement: config.yearsToRetirement,
    years: config.yearsToRetirement + config.retirementYears,
    currentValue: config.currentValue,
    annualContribution: config.contributionRisesWithInflation
      ? config.annualContribution * (1 + config.assumptions.inflation)
      : config.annualContribution,
    contributionGrowth: config.contributionRisesWithInflation ? 1 + config.assumptions.inflation : 1,
    targetIncome: config.targetIncome,
    otherIncome: config.otherIncome,
    otherIncomeStartYear: config.otherIncomeStartYear,
    afterFees: 1 - config.annualFee,
    inflation: config.assumptions.inflation,
    mean: model.mean,
    volatility: config.zeroVolatility ? 0 : model.volatility,
    seed: config.seed,
    chunkPaths: CHUNK_PATHS,
  };
}

/** How many chunks `paths` paths split into. */
export function chunkCount(paths: number): number {
  return Math.ceil(paths / CHUNK_PATHS);
}
