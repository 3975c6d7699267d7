import { cholesky } from './cholesky.ts';
import { ASSET_CLASSES, type AssetClass } from './keys.ts';
import { type MonteCarloConfig, type MonteCarloInput, toMonteCarloConfig } from './monte-carlo-input.ts';
import { quantileOfSorted } from './quantile.ts';
import { createNormal, createUniform } from './random.ts';
import { roundTo } from './rounding.ts';

/** Share of paths that must last for an income to count as sustainable. */
export const SUSTAINABLE_SUCCESS_RATE = 0.9;

/** Percentile bands of portfolio value (nominal dollars, rounded to whole dollars) for one year. */
export interface ProjectionBand {
  /** Years from now; 0 is today, `yearsToRetirement` the retirement date. */
  year: number;
  phase: 'accumulation' | 'retirement';
  p10: number;
  p50: number;
  p90: number;
}

/** The assumptions a run used, so a result explains itself. */
export interface AssumptionsUsed {
  assetClasses: { assetClass: AssetClass; weight: number; mean: number; volatility: number }[];
  /** Correlations among `assetClasses`, in the same order. */
  correlations: number[][];
  inflation: number;
  /** Expected annual return of the rebalanced mix. */
  portfolioMean: number;
  /** Annual volatility of the rebalanced mix (0 with zero volatility). */
  portfolioVolatility: number;
  paths: number;
  seed: number;
  yearsToRetirement: number;
  retirementYears: number;
  zeroVolatility: boolean;
  /** The success rate an income needs to count as sustainable, in percent. */
  sustainableSuccessRate: number;
  model: string;
}

/** What the retirement Monte Carlo found. */
export interface MonteCarloResult {
  /** Percent of paths whose money lasted every retirement year (0–100, to 0.01). */
  successRate: number;
  /** Bands for every year from 0 to yearsToRetirement + retirementYears: the projection chart. */
  percentiles: ProjectionBand[];
  /** The band at the retirement date. */
  atRetirement: ProjectionBand;
  /**
   * The largest whole-dollar income (today's dollars) that at least 90% of the same paths sustain.
   * Exact, not a bisection: on a fixed path the balance is linear in the income, so each path's
   * largest sustainable income is a minimum over its retirement years.
   */
  sustainableIncome: number;
  assumptions: AssumptionsUsed;
}

const MODEL =
  'Normal annual nominal returns per asset class, correlated through a Cholesky factor, rebalanced ' +
  'yearly; contributions at the end of each year until retirement; withdrawals of the target income, ' +
  'grown by inflation from today, at the start of each retirement year; a path succeeds if every ' +
  'withdrawal is paid in full. Bands are type-7 percentiles of nominal value.';

/** Per-path portfolio return = mean + Σ loading_i · z_i, with z independent standard normals. */
function returnModel(config: MonteCarloConfig) {
  const { classes, weights, assumptions } = config;
  const n = classes.length;
  const index = classes.map((key) => ASSET_CLASSES.indexOf(key));
  const correlations = index.map((row) => index.map((col) => assumptions.correlations[row]?.[col] ?? 0));
  const lower = cholesky(correlations);
  const returns = classes.map((key) => assumptions.returns[key]);
  let mean = 0;
  for (let j = 0; j < n; j += 1) mean += (weights[j] ?? 0) * (returns[j]?.mean ?? 0);
  // The mix's return is linear in z, so fold weights, volatilities and L into one loading per z.
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

/** Runs the retirement Monte Carlo; the same input and seed always give the same result. */
export function runMonteCarlo(input: MonteCarloInput): MonteCarloResult {
  const config = toMonteCarloConfig(input);
  const { paths, yearsToRetirement, retirementYears, targetIncome, annualContribution } = config;
  const model = returnModel(config);
  const normal = createNormal(createUniform(config.seed));
  const factors = config.zeroVolatility ? 0 : model.loadings.length;
  const years = yearsToRetirement + retirementYears;

  // values[year * paths + path]: one contiguous row per year, sorted in place for the bands.
  const values = new Float64Array((years + 1) * paths);
  values.fill(config.currentValue, 0, paths);
  const failed = new Uint8Array(paths);
  // On a fixed path, the balance in retirement is a − income·b; track a, b and the income cap.
  const a = new Float64Array(paths);
  const b = new Float64Array(paths);
  const incomeCap = new Float64Array(paths).fill(Number.POSITIVE_INFINITY);

  for (let year = 1; year <= years; year += 1) {
    const previous = (year - 1) * paths;
    const current = year * paths;
    const retired = year > yearsToRetirement;
    const inflator = (1 + config.assumptions.inflation) ** (year - 1);
    const withdrawal = targetIncome * inflator;
    if (year === yearsToRetirement + 1) a.set(values.subarray(previous, current));
    for (let path = 0; path < paths; path += 1) {
      let portfolioReturn = model.mean;
      for (let i = 0; i < factors; i += 1) portfolioReturn += (model.loadings[i] ?? 0) * normal();
      const growth = portfolioReturn > -1 ? 1 + portfolioReturn : 0;
      const value = values[previous + path] ?? 0;
      if (!retired) {
        values[current + path] = value * growth + annualContribution;
        continue;
      }
      const aPath = a[path] ?? 0;
      const bPath = (b[path] ?? 0) + inflator;
      const cap = aPath / bPath;
      if (cap < (incomeCap[path] ?? 0)) incomeCap[path] = cap;
      a[path] = aPath * growth;
      b[path] = bPath * growth;
      if (value < withdrawal) {
        failed[path] = 1;
        values[current + path] = 0;
      } else {
        values[current + path] = (value - withdrawal) * growth;
      }
    }
  }

  const percentiles: ProjectionBand[] = [];
  for (let year = 0; year <= years; year += 1) {
    const row = values.subarray(year * paths, (year + 1) * paths).sort();
    percentiles.push({
      year,
      phase: year <= yearsToRetirement ? 'accumulation' : 'retirement',
      p10: Math.round(quantileOfSorted(row, 0.1)),
      p50: Math.round(quantileOfSorted(row, 0.5)),
      p90: Math.round(quantileOfSorted(row, 0.9)),
    });
  }

  let failures = 0;
  for (let path = 0; path < paths; path += 1) failures += failed[path] ?? 0;
  incomeCap.sort();
  const capIndex = paths - Math.ceil(SUSTAINABLE_SUCCESS_RATE * paths);
  const sustainableIncome = Math.max(0, Math.floor(incomeCap[capIndex] ?? 0));

  return {
    successRate: roundTo(((paths - failures) / paths) * 100, 2),
    percentiles,
    atRetirement: percentiles[yearsToRetirement] ?? (percentiles[0] as ProjectionBand),
    sustainableIncome,
    assumptions: {
      assetClasses: config.classes.map((assetClass, index) => ({
        assetClass,
        weight: config.weights[index] ?? 0,
        mean: model.returns[index]?.mean ?? 0,
        volatility: config.zeroVolatility ? 0 : (model.returns[index]?.volatility ?? 0),
      })),
      correlations: model.correlations,
      inflation: config.assumptions.inflation,
      portfolioMean: model.mean,
      portfolioVolatility: model.volatility,
      paths,
      seed: config.seed,
      yearsToRetirement,
      retirementYears,
      zeroVolatility: config.zeroVolatility,
      sustainableSuccessRate: SUSTAINABLE_SUCCESS_RATE * 100,
      model: MODEL,
    },
  };
}
