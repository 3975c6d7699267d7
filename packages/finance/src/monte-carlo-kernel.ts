import type { MonteCarloConfig } from './monte-carlo-input.ts';
import type { ReturnModel } from './monte-carlo-model.ts';
import { fillNormals, seedStream, type ZigguratTables, zigguratTables } from './random.ts';

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
  annualContribution: number;
  targetIncome: number;
  inflation: number;
  /** The mix's annual return is N(mean, volatility²), drawn once per path-year. */
  mean: number;
  volatility: number;
  seed: number;
  /** {@link CHUNK_PATHS}, passed in because worker threads see only the kernel's own source. */
  chunkPaths: number;
}

/** Per-path retirement state: a, b (the balance is a − income·b) and the income cap, today's dollars. */
export interface PathState {
  a: Float64Array;
  b: Float64Array;
  caps: Float64Array;
}

/** The kernel's inputs for a validated config and its return model. */
export function kernelParams(config: MonteCarloConfig, model: ReturnModel): KernelParams {
  return {
    paths: config.paths,
    yearsToRetirement: config.yearsToRetirement,
    years: config.yearsToRetirement + config.retirementYears,
    currentValue: config.currentValue,
    annualContribution: config.annualContribution,
    targetIncome: config.targetIncome,
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

/**
 * Advances `count` paths by one year on their chunk's random stream `state`: reads last year's values
 * (`previous[previousAt + i]`, nominal dollars), writes this year's (`current[currentAt + i]`), and in
 * retirement tracks each path's a, b (the balance before a withdrawal is a − income·b) and its income
 * cap (today's dollars: the minimum of a/b so far) at `pathAt + i`. One normal per path-year: the
 * rebalanced mix's return. Self-contained apart from the random.ts kernel functions, for the worker entry.
 */
export function advanceYear(
  p: KernelParams,
  year: number,
  state: Uint32Array,
  tables: ZigguratTables,
  z: Float64Array,
  count: number,
  previous: Float64Array,
  previousAt: number,
  current: Float64Array,
  currentAt: number,
  paths: PathState,
  pathAt: number,
): void {
  const { mean, volatility } = p;
  if (volatility > 0) fillNormals(state, tables, z, count);
  // Branch-free on purpose (Math.max, Math.min): which paths fail is random, so branches would mispredict.
  if (year <= p.yearsToRetirement) {
    const contribution = p.annualContribution;
    for (let i = 0; i < count; i += 1) {
      const growth = Math.max(1 + mean + volatility * (z[i] ?? 0), 0);
      current[currentAt + i] = (previous[previousAt + i] ?? 0) * growth + contribution;
    }
    return;
  }
  const { a, b, caps } = paths;
  if (year === p.yearsToRetirement + 1) {
    for (let i = 0; i < count; i += 1) {
      a[pathAt + i] = previous[previousAt + i] ?? 0;
      b[pathAt + i] = 0;
      caps[pathAt + i] = Number.POSITIVE_INFINITY;
    }
  }
  const inflator = (1 + p.inflation) ** (year - 1);
  const withdrawal = p.targetIncome * inflator;
  for (let i = 0; i < count; i += 1) {
    const growth = Math.max(1 + mean + volatility * (z[i] ?? 0), 0);
    const aPath = a[pathAt + i] ?? 0;
    const bPath = (b[pathAt + i] ?? 0) + inflator;
    caps[pathAt + i] = Math.min(caps[pathAt + i] ?? 0, aPath / bPath);
    a[pathAt + i] = aPath * growth;
    b[pathAt + i] = bPath * growth;
    // A failed path's balance stays at 0: nothing is left to grow.
    current[currentAt + i] = Math.max((previous[previousAt + i] ?? 0) - withdrawal, 0) * growth;
  }
}

/**
 * How many of `count` paths fail: the balance before each withdrawal is a − income·b, so a path pays
 * every withdrawal in full exactly when the target income is within its cap.
 */
export function countFailures(p: KernelParams, caps: Float64Array, from: number, count: number): number {
  let failures = 0;
  for (let i = from; i < from + count; i += 1) if ((caps[i] ?? 0) < p.targetIncome) failures += 1;
  return failures;
}

/**
 * Simulates chunk `chunk` (paths `chunk·chunkPaths …`) year after year on its own random stream, writing
 * its columns of `values` (`values[year·paths + path]`, nominal dollars) and of `caps`; returns how many
 * of its paths failed. The worker threads' kernel; {@link runMonteCarlo} interleaves the same steps.
 */
export function simulateChunk(
  p: KernelParams,
  chunk: number,
  values: Float64Array,
  caps: Float64Array,
): number {
  const start = chunk * p.chunkPaths;
  const count = Math.min(p.chunkPaths, p.paths - start);
  const tables = zigguratTables();
  const state = new Uint32Array(4);
  seedStream(p.seed, chunk, state);
  const z = new Float64Array(count);
  const paths = {
    a: new Float64Array(count),
    b: new Float64Array(count),
    caps: caps.subarray(start, start + count),
  };
  values.fill(p.currentValue, start, start + count);
  for (let year = 1; year <= p.years; year += 1) {
    const previous = (year - 1) * p.paths + start;
    advanceYear(p, year, state, tables, z, count, values, previous, values, previous + p.paths, paths, 0);
  }
  return countFailures(p, paths.caps, 0, count);
}
