/*
 * The Monte Carlo's inner loop and its normal generator. The Node worker entry ships these functions'
 * source text to `worker_threads`, so they call only each other (all in this file: an import would be
 * rewritten by the loader into a name the worker does not have) and use no closures or nested functions.
 */
import type { KernelParams, PathState } from './monte-carlo-params.ts';

// Fast normals: a 256-layer ziggurat (Marsaglia & Tsang's, in Doornik's ZIGNOR layout) on random.ts's
// sfc32, filled in bulk.

/**
 * The ziggurat's tables and the scratch {@link fillNormals} keeps its misses in. One 32-bit draw gives
 * the layer (low 8 bits) and an odd signed position `v` in (−2^24, 2^24) (top 24 bits); the value is
 * `v·scale[layer]`.
 */
export interface ZigguratTables {
  /** Per layer: the draw lies inside the layer's rectangle when |v| < inner[layer]. */
  inner: Int32Array;
  /** Per layer: its edge x[layer] / 2^24. */
  scale: Float64Array;
  /** Layer edges, 257 values falling from the base layer's pseudo-width to 0; x[1] is the tail's start R. */
  x: Float64Array;
  /** exp(−x²/2) at each edge, for the wedge test. */
  density: Float64Array;
  /** Scratch: the index and the draw of each miss, in pairs; room for `capacity` normals per fill. */
  misses: Int32Array;
}

/** Builds the 256-layer ziggurat tables (R = 3.6541528853610088), with room for fills of `capacity`. */
export function zigguratTables(capacity: number): ZigguratTables {
  const layers = 256;
  const edge = 3.6541528853610088;
  const area = 4.92867323399e-3;
  const x = new Float64Array(layers + 1);
  const density = new Float64Array(layers + 1);
  const inner = new Int32Array(layers);
  const scale = new Float64Array(layers);
  x[0] = area / Math.exp(-0.5 * edge * edge);
  x[1] = edge;
  for (let i = 2; i < layers; i += 1) {
    const previous = x[i - 1] ?? 1;
    x[i] = Math.sqrt(-2 * Math.log(area / previous + Math.exp(-0.5 * previous * previous)));
  }
  for (let i = 0; i <= layers; i += 1) density[i] = Math.exp(-0.5 * (x[i] ?? 0) * (x[i] ?? 0));
  for (let i = 0; i < layers; i += 1) {
    // |u| < x[i+1]/x[i] for u = v/2^24 exactly when the odd integer |v| is below this ceiling.
    inner[i] = Math.ceil(((x[i + 1] ?? 0) / (x[i] ?? 1)) * 16777216);
    scale[i] = (x[i] ?? 0) / 16777216;
  }
  return { inner, scale, x, density, misses: new Int32Array(2 * capacity) };
}

/**
 * Seeds an sfc32 state (4 words) for stream `stream` of `seed`: stream 0 is exactly
 * `createUniform(seed)` (random.ts); other streams mix the stream number into the seed (murmur3 fmix32),
 * so each chunk of paths has its own reproducible generator.
 */
export function seedStream(seed: number, stream: number, state: Uint32Array): void {
  let h = stream >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  let s = (seed ^ h ^ (h >>> 16)) >>> 0;
  for (let word = 0; word < 4; word += 1) {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    state[word] = (z ^ (z >>> 16)) >>> 0;
  }
  for (let warmUp = 0; warmUp < 12; warmUp += 1) nextWord(state);
}

/**
 * Fills `out[0..count)` with standard normals from the sfc32 `state` (advanced in place); `count` must
 * fit the tables' capacity. ≈ 98.5% of draws land inside their layer's rectangle: {@link drawNormals}
 * writes those and notes the rest, which {@link finishMisses} then completes in order.
 */
export function fillNormals(
  state: Uint32Array,
  tables: ZigguratTables,
  out: Float64Array,
  count: number,
): void {
  if (2 * count > tables.misses.length) {
    throw new RangeError(`fillNormals: ${count} normals exceed the ziggurat tables' capacity`);
  }
  // Two functions on purpose: V8 compiled the main loop ≈ 1.6× slower with the rare path in the same one.
  finishMisses(state, tables, out, drawNormals(state, tables, out, count));
}

/**
 * The ziggurat's fast path for `out[0..count)`: each draw's rectangle value, and, without a branch,
 * the index and draw of each miss in `tables.misses`; returns how many missed.
 */
export function drawNormals(
  state: Uint32Array,
  tables: ZigguratTables,
  out: Float64Array,
  count: number,
): number {
  const { inner, scale, misses } = tables;
  let a = state[0] ?? 0;
  let b = state[1] ?? 0;
  let c = state[2] ?? 0;
  let d = state[3] ?? 0;
  let missed = 0;
  for (let i = 0; i < count; i += 1) {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (((c << 21) | (c >>> 11)) + t) | 0;
    const layer = t & 255;
    const v = ((t >>> 7) | 1) - 16777216;
    out[i] = v * (scale[layer] ?? 0);
    misses[2 * missed] = i;
    misses[2 * missed + 1] = t;
    missed += Math.abs(v) < (inner[layer] ?? 0) ? 0 : 1;
  }
  state[0] = a;
  state[1] = b;
  state[2] = c;
  state[3] = d;
  return missed;
}

/** Completes the first `missed` misses noted by {@link drawNormals}, in order, on the same stream. */
export function finishMisses(
  state: Uint32Array,
  tables: ZigguratTables,
  out: Float64Array,
  missed: number,
): void {
  const { misses } = tables;
  for (let m = 0; m < missed; m += 1) {
    const t = misses[2 * m + 1] ?? 0;
    out[misses[2 * m] ?? 0] = zigguratEdge(state, tables, t & 255, ((t >>> 7) | 1) - 16777216);
  }
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

/**
 * Advances `count` paths by one year on their chunk's random stream `state`: reads last year's values
 * (`previous[previousAt + i]`, nominal dollars), writes this year's (`current[currentAt + i]`), and in
 * retirement tracks each path's a, b, c (the balance after a withdrawal is a + otherIncome·c − income·b)
 * and its income cap (today's dollars: the minimum of (a + otherIncome·c)/b so far) at `pathAt + i`.
 * One normal per path-year: the rebalanced mix's return, less fees. Self-contained apart from the
 * random.ts kernel functions, for the worker entry.
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
  const { mean, volatility, afterFees } = p;
  if (volatility > 0) fillNormals(state, tables, z, count);
  // Branch-free on purpose (Math.max, Math.min): which paths fail is random, so branches would mispredict.
  if (year <= p.yearsToRetirement) {
    const contribution = p.annualContribution * p.contributionGrowth ** (year - 1);
    for (let i = 0; i < count; i += 1) {
      const growth = Math.max(1 + mean + volatility * (z[i] ?? 0), 0) * afterFees;
      current[currentAt + i] = (previous[previousAt + i] ?? 0) * growth + contribution;
    }
    return;
  }
  const { a, b, c, caps } = paths;
  if (year === p.yearsToRetirement + 1) {
    for (let i = 0; i < count; i += 1) {
      a[pathAt + i] = previous[previousAt + i] ?? 0;
      b[pathAt + i] = 0;
      c[pathAt + i] = 0;
      caps[pathAt + i] = Number.POSITIVE_INFINITY;
    }
  }
  // The withdrawal is taken at the start of the year (time year − 1); other income pays part of it
  // once it has started. A surplus of other income over the target is reinvested.
  const inflator = (1 + p.inflation) ** (year - 1);
  const otherInflator = year - 1 >= p.otherIncomeStartYear ? inflator : 0;
  const withdrawal = p.targetIncome * inflator - p.otherIncome * otherInflator;
  const other = p.otherIncome;
  for (let i = 0; i < count; i += 1) {
    const growth = Math.max(1 + mean + volatility * (z[i] ?? 0), 0) * afterFees;
    const aPath = a[pathAt + i] ?? 0;
    const bPath = (b[pathAt + i] ?? 0) + inflator;
    const cPath = (c[pathAt + i] ?? 0) + otherInflator;
    caps[pathAt + i] = Math.min(caps[pathAt + i] ?? 0, (aPath + other * cPath) / bPath);
    a[pathAt + i] = aPath * growth;
    b[pathAt + i] = bPath * growth;
    c[pathAt + i] = cPath * growth;
    // A failed path's balance stays at 0: nothing is left to grow.
    current[currentAt + i] = Math.max((previous[previousAt + i] ?? 0) - withdrawal, 0) * growth;
  }
}

/**
 * How many of `count` paths fail: the balance after each withdrawal is a + other·c − income·b, so a path pays
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
  const tables = zigguratTables(count);
  const state = new Uint32Array(4);
  seedStream(p.seed, chunk, state);
  const z = new Float64Array(count);
  const paths = {
    a: new Float64Array(count),
    b: new Float64Array(count),
    c: new Float64Array(count),
    caps: caps.subarray(start, start + count),
  };
  values.fill(p.currentValue, start, start + count);
  for (let year = 1; year <= p.years; year += 1) {
    const previous = (year - 1) * p.paths + start;
    advanceYear(p, year, state, tables, z, count, values, previous, values, previous + p.paths, paths, 0);
  }
  return countFailures(p, paths.caps, 0, count);
}
