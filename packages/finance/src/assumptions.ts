import { ASSET_CLASSES, type AssetClass } from './keys.ts';

/** Expected annual return and its volatility for one asset class (fractions: 0.07 = 7%). */
export interface ReturnAssumption {
  mean: number;
  volatility: number;
}

/** The capital-market assumptions a simulation runs on. */
export interface CapitalMarketAssumptions {
  returns: Readonly<Record<AssetClass, ReturnAssumption>>;
  /** Correlations between annual returns, rows and columns in {@link ASSET_CLASSES} order. */
  correlations: readonly (readonly number[])[];
  /** Annual inflation applied to withdrawals (deterministic). */
  inflation: number;
}

/**
 * The one table of assumptions, nominal annual returns drawn from a normal distribution, with the
 * portfolio rebalanced to its target mix every year.
 *
 * | asset class  | mean | volatility | source                                                        |
 * | ------------ | ---- | ---------- | ------------------------------------------------------------- |
 * | equity       | 7%   | 18%        | the reference, unchanged                                      |
 * | fixed_income | 4%   | 5%         | the reference's "bonds", unchanged                            |
 * | real_estate  | 6%   | 12%        | the reference, unchanged (listed REITs have shown closer to 18–20%) |
 * | commodities  | 4%   | 18%        | new: collateral yield plus a small premium; equity-like swings |
 * | cash         | 2%   | 1%         | the reference's 2%; it gave no volatility, 1% stands for rate changes |
 * | alternatives | 5%   | 10%        | new: a diversified hedge-fund-like sleeve, between bonds and equity |
 * | inflation    | 3%   | 0          | the reference, applied to withdrawals each year               |
 *
 * Where this differs from the reference: the reference drew every asset class independently; here
 * annual returns are correlated (below), which widens the bands of equity-heavy mixes that hold real
 * estate, commodities or alternatives. The correlations are round numbers from long-run intuition
 * about US data (stocks and bonds near zero, listed real estate and alternatives moving with stocks,
 * commodities loosely linked, cash on its own), not an estimate from one data set.
 *
 * |              | equity | fixed_income | real_estate | commodities | cash | alternatives |
 * | ------------ | ------ | ------------ | ----------- | ----------- | ---- | ------------ |
 * | equity       | 1      | 0.1          | 0.6         | 0.3         | 0    | 0.6          |
 * | fixed_income | 0.1    | 1            | 0.2         | 0           | 0.2  | 0.2          |
 * | real_estate  | 0.6    | 0.2          | 1           | 0.2         | 0    | 0.4          |
 * | commodities  | 0.3    | 0            | 0.2         | 1           | 0    | 0.3          |
 * | cash         | 0      | 0.2          | 0           | 0           | 1    | 0            |
 * | alternatives | 0.6    | 0.2          | 0.4         | 0.3         | 0    | 1            |
 *
 * Returns are nominal and withdrawals grow with inflation, so the real return of equity is about 4%.
 * Means are arithmetic: with 18% volatility, the median compound growth of equity is nearer
 * 7% − 18%²/2 ≈ 5.4% a year. A year's portfolio loss is capped at 100%.
 */
export const DEFAULT_ASSUMPTIONS: CapitalMarketAssumptions = {
  returns: {
    equity: { mean: 0.07, volatility: 0.18 },
    fixed_income: { mean: 0.04, volatility: 0.05 },
    real_estate: { mean: 0.06, volatility: 0.12 },
    commodities: { mean: 0.04, volatility: 0.18 },
    cash: { mean: 0.02, volatility: 0.01 },
    alternatives: { mean: 0.05, volatility: 0.1 },
  },
  correlations: [
    [1, 0.1, 0.6, 0.3, 0, 0.6],
    [0.1, 1, 0.2, 0, 0.2, 0.2],
    [0.6, 0.2, 1, 0.2, 0, 0.4],
    [0.3, 0, 0.2, 1, 0, 0.3],
    [0, 0.2, 0, 0, 1, 0],
    [0.6, 0.2, 0.4, 0.3, 0, 1],
  ],
  inflation: 0.03,
};

/** The correlation between two asset classes in a set of assumptions. */
export function correlationOf(assumptions: CapitalMarketAssumptions, a: AssetClass, b: AssetClass): number {
  return assumptions.correlations[ASSET_CLASSES.indexOf(a)]?.[ASSET_CLASSES.indexOf(b)] ?? 0;
}
