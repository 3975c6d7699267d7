/*
 * The Monte Carlo's inner loops: a year of every path, each path's normal drawn inline (the ziggurat of
 * monte-carlo-normals.ts). The Node worker entry ships these functions' source text to `worker_threads`,
 * so they call only each other (all in this file: an import would be rewritten by the loader into a
 * name the worker does not have) and use no closures or nested functions.
 */

import type { ZigguratTables } from './monte-carlo-normals.ts';
import type { KernelParams } from './monte-carlo-params.ts';
import type { Simulation } from './monte-carlo-simulation.ts';
import type { countBuckets, gatherMarked, QuantileScratch } from './quantile-buckets.ts';

/** The row functions of quantile-buckets.ts that {@link yearPass} calls, passed in: this file may not import them. */
export interface RowFunctions {
  gather: typeof gatherMarked;
  count: typeof countBuckets;
}

/**
 * Year `year` chunk by chunk, each while its rows are in cache: gathers last year's row as `scratch`'s
 * marks plan it (when `gather`), advances the chunk, counts this year's row into `scratch`.
 */
export function yearPass(
  sim: Simulation,
  year: number,
  scratch: QuantileScratch,
  gather: boolean,
  row: RowFunctions,
): void {
  const yearly = retirementYear(sim.params, year);
  const [even, odd] = sim.rows;
  const previous = year % 2 === 0 ? odd : even;
  const current = year % 2 === 0 ? even : odd;
  for (let chunk = 0; chunk < sim.states.length; chunk += 1) {
    const from = chunk * sim.params.chunkPaths;
    const count = Math.min(sim.params.chunkPaths, sim.paths - from);
    if (gather) row.gather(previous, from, count, scratch.marks, scratch.buffer, scratch.groups);
    advanceChunk(sim, year, chunk, yearly);
    row.count(current, from, count, scratch);
  }
}

/**
 * Advances the paths of chunk `chunk` by year `year` (1, 2, …, in order; `yearly`: its
 * {@link retirementYear}): one normal per path-year, the rebalanced mix's return less fees, drawn from
 * the chunk's stream in path order. Chunks may go in any order.
 */
export function advanceChunk(sim: Simulation, year: number, chunk: number, yearly: RetirementYear): void {
  const p = sim.params;
  const [even, odd] = sim.rows;
  const previous = year % 2 === 0 ? odd : even;
  const current = year % 2 === 0 ? even : odd;
  const from = chunk * p.chunkPaths;
  const count = Math.min(p.chunkPaths, sim.paths - from);
  const state = sim.states[chunk];
  if (state === undefined) return;
  if (year === p.yearsToRetirement + 1) {
    const { retirement } = sim;
    for (let i = from; i < from + count; i += 1) {
      retirement[4 * i] = previous[i] ?? 0;
      retirement[4 * i + 1] = 0;
      retirement[4 * i + 2] = 0;
      retirement[4 * i + 3] = Number.POSITIVE_INFINITY;
    }
  }
  if (year > p.yearsToRetirement) {
    const missed = retireDraws(sim, state, yearly, previous, current, from, count);
    retireMisses(sim, state, yearly, previous, current, missed);
  } else {
    const contribution = p.annualContribution * p.contributionGrowth ** (year - 1);
    const missed = accumulateDraws(sim, state, contribution, previous, current, from, count);
    accumulateMisses(sim, state, contribution, previous, current, missed);
  }
}

// How the loops below are written, each for a measured reason:
// - Each year's loop draws its normals inline (as monte-carlo-normals.ts drawNormals does) instead of
//   reading them from an array filled first, and leaves the ≈ 1.5% of draws outside the ziggurat's
//   rectangles to a second function (…Misses) that finishes them in order on the same stream: V8
//   compiled the main loop worse with the rare path in the same function.
// - Loops run in blocks of 256 and save the random state after each block, never only after the loop:
//   code that runs only after a hot loop has no type feedback when V8 compiles the loop in the middle
//   of its first call, and V8 then deoptimized there at the end of nearly every call.
// - No branch depends on the data where the outcome is random (which paths fail): V8 compiles
//   Math.max on doubles to compares and jumps, so max(x, 0) is written (x + |x|)·½, exactly the same
//   number for any finite x (−0 included).

/**
 * Grows paths `from … from + count − 1` for a year before retirement and adds the year's contribution,
 * for the draws inside the ziggurat's rectangles; notes the others in `sim.tables.misses`, their draw
 * kept in `current` until {@link accumulateMisses}. Returns how many missed.
 */
export function accumulateDraws(
  sim: Simulation,
  state: Uint32Array,
  contribution: number,
  previous: Float64Array,
  current: Float64Array,
  from: number,
  count: number,
): number {
  const { params: p, tables } = sim;
  const { inner, scale, misses } = tables;
  const { mean, volatility } = p;
  const halfAfterFees = 0.5 * p.afterFees;
  let a = state[0] ?? 0;
  let b = state[1] ?? 0;
  let c = state[2] ?? 0;
  let d = state[3] ?? 0;
  let missed = 0;
  for (let start = from; start < from + count; start += 256) {
    const end = Math.min(start + 256, from + count);
    for (let i = start; i < end; i += 1) {
      const t = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (((c << 21) | (c >>> 11)) + t) | 0;
      const layer = t & 255;
      const v = ((t >>> 7) | 1) - 16777216;
      if (Math.abs(v) < (inner[layer] ?? 0)) {
        const gross = 1 + mean + volatility * (v * (scale[layer] ?? 0));
        const growth = (gross + Math.abs(gross)) * halfAfterFees;
        current[i] = (previous[i] ?? 0) * growth + contribution;
      } else {
        current[i] = t;
        misses[missed] = i;
        missed += 1;
      }
    }
    state[0] = a;
    state[1] = b;
    state[2] = c;
    state[3] = d;
  }
  return missed;
}

/** Finishes the misses of {@link accumulateDraws}, in order, on the same stream. */
export function accumulateMisses(
  sim: Simulation,
  state: Uint32Array,
  contribution: number,
  previous: Float64Array,
  current: Float64Array,
  missed: number,
): void {
  const { params: p, tables } = sim;
  const { mean, volatility } = p;
  const halfAfterFees = 0.5 * p.afterFees;
  for (let m = 0; m < missed; m += 1) {
    const i = tables.misses[m] ?? 0;
    const t = current[i] ?? 0;
    const z = zigguratEdge(state, tables, t & 255, ((t >>> 7) | 1) - 16777216);
    const gross = 1 + mean + volatility * z;
    const growth = (gross + Math.abs(gross)) * halfAfterFees;
    current[i] = (previous[i] ?? 0) * growth + contribution;
  }
}

/** A year's retirement numbers, the same for every path: see {@link retirePath}. */
export interface RetirementYear {
  inflator: number;
  otherInflator: number;
  withdrawal: number;
}

/**
 * The withdrawal of year `year` is taken at the start of the year (time year − 1), less other income
 * once it has started (a surplus is reinvested).
 */
export function retirementYear(p: KernelParams, year: number): RetirementYear {
  const inflator = (1 + p.inflation) ** (year - 1);
  const otherInflator = year - 1 >= p.otherIncomeStartYear ? inflator : 0;
  return { inflator, otherInflator, withdrawal: p.targetIncome * inflator - p.otherIncome * otherInflator };
}

/** A retirement year for paths `from … from + count − 1`, drawn as {@link accumulateDraws} draws. */
export function retireDraws(
  sim: Simulation,
  state: Uint32Array,
  year: RetirementYear,
  previous: Float64Array,
  current: Float64Array,
  from: number,
  count: number,
): number {
  const { params: p, tables, retirement } = sim;
  const { inner, scale, misses } = tables;
  const { mean, volatility, otherIncome } = p;
  const { inflator, otherInflator, withdrawal } = year;
  const halfAfterFees = 0.5 * p.afterFees;
  let a = state[0] ?? 0;
  let b = state[1] ?? 0;
  let c = state[2] ?? 0;
  let d = state[3] ?? 0;
  let missed = 0;
  for (let start = from; start < from + count; start += 256) {
    const end = Math.min(start + 256, from + count);
    for (let i = start; i < end; i += 1) {
      const t = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (((c << 21) | (c >>> 11)) + t) | 0;
      const layer = t & 255;
      const v = ((t >>> 7) | 1) - 16777216;
      if (Math.abs(v) < (inner[layer] ?? 0)) {
        const gross = 1 + mean + volatility * (v * (scale[layer] ?? 0));
        const growth = (gross + Math.abs(gross)) * halfAfterFees;
        retirePath(
          retirement,
          previous,
          current,
          i,
          growth,
          inflator,
          otherInflator,
          withdrawal,
          otherIncome,
        );
      } else {
        current[i] = t;
        misses[missed] = i;
        missed += 1;
      }
    }
    state[0] = a;
    state[1] = b;
    state[2] = c;
    state[3] = d;
  }
  return missed;
}

/** Finishes the misses of {@link retireDraws}, in order, on the same stream. */
export function retireMisses(
  sim: Simulation,
  state: Uint32Array,
  year: RetirementYear,
  previous: Float64Array,
  current: Float64Array,
  missed: number,
): void {
  const { params: p, tables, retirement } = sim;
  const { mean, volatility, otherIncome } = p;
  const halfAfterFees = 0.5 * p.afterFees;
  for (let m = 0; m < missed; m += 1) {
    const i = tables.misses[m] ?? 0;
    const t = current[i] ?? 0;
    const gross = 1 + mean + volatility * zigguratEdge(state, tables, t & 255, ((t >>> 7) | 1) - 16777216);
    const growth = (gross + Math.abs(gross)) * halfAfterFees;
    retirePath(
      retirement,
      previous,
      current,
      i,
      growth,
      year.inflator,
      year.otherInflator,
      year.withdrawal,
      otherIncome,
    );
  }
}

/**
 * One retired path's year: its cap, its a, b, c (the balance after a withdrawal is
 * a + otherIncome·c − income·b) and its balance, grown by `growth` after the withdrawal.
 */
export function retirePath(
  retirement: Float64Array,
  previous: Float64Array,
  current: Float64Array,
  i: number,
  growth: number,
  inflator: number,
  otherInflator: number,
  withdrawal: number,
  otherIncome: number,
): void {
  const a = retirement[4 * i] ?? 0;
  const b = (retirement[4 * i + 1] ?? 0) + inflator;
  const c = (retirement[4 * i + 2] ?? 0) + otherInflator;
  retirement[4 * i + 3] = Math.min(retirement[4 * i + 3] ?? 0, (a + otherIncome * c) / b);
  retirement[4 * i] = a * growth;
  retirement[4 * i + 1] = b * growth;
  retirement[4 * i + 2] = c * growth;
  // max(balance − withdrawal, 0)·growth: a failed path's balance stays at 0, nothing is left to grow.
  const left = (previous[i] ?? 0) - withdrawal;
  current[i] = (left + Math.abs(left)) * 0.5 * growth;
}

/** Advances an sfc32 `state` (as seeded by {@link seedStream}) and returns its next 32-bit word. */
export function nextWord(state: Uint32Array): number {
  const a = state[0] ?? 0;
  const b = state[1] ?? 0;
  const c = state[2] ?? 0;
  const d = state[3] ?? 0;
  const t = (((a + b) | 0) + d) | 0;
  state[3] = (d + 1) | 0;
  state[0] = b ^ (b >>> 9);
  state[1] = (c + (c << 3)) | 0;
  state[2] = (((c << 21) | (c >>> 11)) + t) | 0;
  return t >>> 0;
}

/**
 * A draw outside its layer's rectangle: the tail beyond R for the base layer, else the wedge test
 * (a uniform height in the layer against exp(−value²/2)), retrying with fresh draws from `state`.
 */
export function zigguratEdge(
  state: Uint32Array,
  tables: ZigguratTables,
  firstLayer: number,
  firstV: number,
): number {
  const { inner, scale, density } = tables;
  const edge = 3.6541528853610088;
  const unit = 1 / 4294967296;
  let layer = firstLayer;
  let v = firstV;
  for (;;) {
    if (Math.abs(v) < (inner[layer] ?? 0)) return v * (scale[layer] ?? 0);
    if (layer === 0) {
      // Marsaglia's tail method, repeated until it accepts (restarting the ziggurat would thin the tail).
      let tail = 0;
      let y = 0;
      do {
        tail = Math.log((nextWord(state) + 0.5) * unit) / edge;
        y = Math.log((nextWord(state) + 0.5) * unit);
      } while (-2 * y < tail * tail);
      return v < 0 ? tail - edge : edge - tail;
    }
    const value = v * (scale[layer] ?? 0);
    const low = density[layer] ?? 0;
    const high = density[layer + 1] ?? 0;
    if (low + (nextWord(state) + 0.5) * unit * (high - low) < Math.exp(-0.5 * value * value)) return value;
    // The wedge rejected it: start over with a fresh layer and position.
    const word = nextWord(state);
    layer = word & 255;
    v = ((word >>> 7) | 1) - 16777216;
  }
}
