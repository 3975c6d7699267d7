import {
  assembleResult,
  BAND_PROBABILITIES,
  type MonteCarloResult,
  sustainableCapIndex,
} from './monte-carlo.ts';
import { type MonteCarloInput, toMonteCarloConfig } from './monte-carlo-input.ts';
import { returnModel } from './monte-carlo-model.ts';
import { quantileOfSorted } from './quantile.ts';
import { createNormal, createUniform } from './random.ts';

/**
 * The first kernel, kept as the reference the tests and `pnpm bench` compare the current one with
 * (statistically and in speed): one normal per asset class per path-year through the Cholesky
 * loadings, Box–Muller normals and a full sort of every year's row. Not for production use.
 */
const MODEL =
  'monte-carlo/1: Normal annual nominal returns per asset class, correlated through a Cholesky factor, rebalanced ' +
  'yearly; contributions at the end of each year until retirement; withdrawals of the target income, ' +
  'grown by inflation from today, at the start of each retirement year; a path succeeds if every ' +
  'withdrawal is paid in full. Bands are type-7 percentiles of nominal value.';

/** Runs the reference Monte Carlo (model monte-carlo/1); slow: for tests and the bench only. */
export function runMonteCarloReference(input: MonteCarloInput): MonteCarloResult {
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

  const bands = new Float64Array((years + 1) * BAND_PROBABILITIES.length);
  for (let year = 0; year <= years; year += 1) {
    const row = values.subarray(year * paths, (year + 1) * paths).sort();
    BAND_PROBABILITIES.forEach((p, band) => {
      bands[year * BAND_PROBABILITIES.length + band] = quantileOfSorted(row, p);
    });
  }

  let failures = 0;
  for (let path = 0; path < paths; path += 1) failures += failed[path] ?? 0;
  incomeCap.sort();
  const sustainableIncome = Math.max(0, Math.floor(incomeCap[sustainableCapIndex(paths)] ?? 0));
  return assembleResult({ config, model }, bands, failures, sustainableIncome, MODEL);
}
