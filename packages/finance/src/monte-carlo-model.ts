import { cholesky } from './cholesky.ts';
import { ASSET_CLASSES } from './keys.ts';
import type { MonteCarloConfig } from './monte-carlo-input.ts';

/** The rebalanced mix's return model: its mean and volatility, and the per-class inputs behind them. */
export interface ReturnModel {
  /** Expected annual return of the mix. */
  mean: number;
  /** Loading of each independent standard normal: the mix's return is `mean + Σ loadings[i]·z[i]`. */
  loadings: Float64Array;
  /** Annual volatility of the mix, `√Σ loadings²` (0 with zero volatility). */
  volatility: number;
  /** Correlations among the config's classes, in their order. */
  correlations: number[][];
  returns: { mean: number; volatility: number }[];
}

/**
 * The mix's return from the per-class assumptions: correlations factored by Cholesky (which also
 * rejects a matrix that is not positive definite), weights and volatilities folded into one loading
 * per independent normal. A sum of jointly normal returns is normal, so the mix is N(mean, volatility²).
 */
export function returnModel(config: MonteCarloConfig): ReturnModel {
  const { classes, weights, assumptions } = config;
  const n = classes.length;
  const index = classes.map((key) => ASSET_CLASSES.indexOf(key));
  const correlations = index.map((row) => index.map((col) => assumptions.correlations[row]?.[col] ?? 0));
  const lower = cholesky(correlations);
  const returns = classes.map((key) => assumptions.returns[key]);
  let mean = 0;
  for (let j = 0; j < n; j += 1) mean += (weights[j] ?? 0) * (returns[j]?.mean ?? 0);
  const loadings = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    let loading = 0;
    for (let j = i; j < n; j += 1) {
      loading += (weights[j] ?? 0) * (returns[j]?.volatility ?? 0) * (lower[j * n + i] ?? 0);
    }
    loadings[i] = config.zeroVolatility ? 0 : loading;
  }
  const volatility = Math.sqrt(loadings.reduce((sum, loading) => sum + loading * loading, 0));
  return { mean, loadings, volatility, correlations, returns };
}
