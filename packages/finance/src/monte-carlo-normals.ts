/*
 * Fast normals: a 256-layer ziggurat (Marsaglia & Tsang's, in Doornik's ZIGNOR layout) on random.ts's
 * sfc32. The Monte Carlo kernel draws them inline, exactly as {@link fillNormals} does in bulk (a test
 * holds them equal); workers get zigguratTables, seedStream and chunkStates as source text, so those
 * call nothing else and use no closures.
 */
import { zigguratEdge } from './monte-carlo-kernel.ts';

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
  /** Scratch: the index of each miss; room for `capacity` normals per fill. */
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
  return { inner, scale, x, density, misses: new Int32Array(capacity) };
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
  // Twelve warm-up steps, as createUniform takes (written out: workers get this function alone).
  let [a = 0, b = 0, c = 0, d = 0] = state;
  for (let warmUp = 0; warmUp < 12; warmUp += 1) {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (((c << 21) | (c >>> 11)) + t) | 0;
  }
  state[0] = a;
  state[1] = b;
  state[2] = c;
  state[3] = d;
}

/** The sfc32 states of chunks `firstChunk … firstChunk + chunks − 1` of `seed`, each chunk's stream its number. */
export function chunkStates(seed: number, firstChunk: number, chunks: number): Uint32Array[] {
  const states: Uint32Array[] = [];
  for (let chunk = firstChunk; chunk < firstChunk + chunks; chunk += 1) {
    const state = new Uint32Array(4);
    seedStream(seed, chunk, state);
    states.push(state);
  }
  return states;
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
  if (count > tables.misses.length) {
    throw new RangeError(`fillNormals: ${count} normals exceed the ziggurat tables' capacity`);
  }
  // Two functions on purpose: V8 compiled the main loop ≈ 1.6× slower with the rare path in the same one.
  finishMisses(state, tables, out, drawNormals(state, tables, out, count));
}

/**
 * The ziggurat's fast path for `out[0..count)`: each draw's rectangle value, and the index of each
 * miss in `tables.misses` (its draw stays in `out`); returns how many missed.
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
  // In blocks, saving the state after each: code that runs only after a hot loop has no type feedback
  // when V8 compiles the loop in the middle of its first call, and V8 can then deoptimize there at the
  // end of every call (it did, thousands of times a run, once anything had detached an ArrayBuffer).
  for (let start = 0; start < count; start += 256) {
    const end = Math.min(start + 256, count);
    for (let i = start; i < end; i += 1) {
      const t = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (((c << 21) | (c >>> 11)) + t) | 0;
      const layer = t & 255;
      const v = ((t >>> 7) | 1) - 16777216;
      const inside = Math.abs(v) < (inner[layer] ?? 0);
      // A miss keeps its draw in `out` until finishMisses replaces it.
      out[i] = inside ? v * (scale[layer] ?? 0) : t;
      if (!inside) {
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

/** Completes the first `missed` misses noted by {@link drawNormals}, in order, on the same stream. */
export function finishMisses(
  state: Uint32Array,
  tables: ZigguratTables,
  out: Float64Array,
  missed: number,
): void {
  const { misses } = tables;
  for (let m = 0; m < missed; m += 1) {
    const i = misses[m] ?? 0;
    const t = out[i] ?? 0;
    out[i] = zigguratEdge(state, tables, t & 255, ((t >>> 7) | 1) - 16777216);
  }
}
