import { fnv1a } from './hash.ts';

/** A source of uniform numbers in the open interval (0, 1). */
export type UniformSource = () => number;

/** splitmix32: spreads a 32-bit seed into well-mixed state words. */
function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * A seeded uniform generator (sfc32, seeded through splitmix32): the same seed gives the same
 * sequence on every platform. Values lie strictly inside (0, 1), so `Math.log` is always safe.
 */
export function createUniform(seed: number): UniformSource {
  const mix = splitmix32(seed);
  let a = mix();
  let b = mix();
  let c = mix();
  let d = mix();
  const next = () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return (t + 0.5) / 4294967296;
  };
  for (let warmUp = 0; warmUp < 12; warmUp += 1) next();
  return next;
}

/** Standard normal samples by the Box–Muller transform, using both values of each pair. */
export function createNormal(uniform: UniformSource): () => number {
  let spare = 0;
  let hasSpare = false;
  return () => {
    if (hasSpare) {
      hasSpare = false;
      return spare;
    }
    const radius = Math.sqrt(-2 * Math.log(uniform()));
    const angle = 2 * Math.PI * uniform();
    spare = radius * Math.sin(angle);
    hasSpare = true;
    return radius * Math.cos(angle);
  };
}

/** A 32-bit seed derived from any text, e.g. a job id, so each job's simulation is reproducible. */
export function seedFromText(text: string): number {
  return fnv1a(text);
}

/*
 * The Monte Carlo's fast normals: Doornik's ZIGNOR ziggurat (128 layers) on the same sfc32 generator,
 * filling typed arrays in bulk. These functions reference nothing outside their own parameters (no
 * imports, closures or nested functions) because the Node worker entry ships their source text to
 * `worker_threads`; keep them that way.
 */

/** Ziggurat layer edges (`x`, 129 values) and the inner-rectangle ratios (`r`, 128 values). */
export interface ZigguratTables {
  x: Float64Array;
  r: Float64Array;
}

/** Builds the 128-layer ziggurat tables for the standard normal (R = 3.442619855899). */
export function zigguratTables(): ZigguratTables {
  const layers = 128;
  const edge = 3.442619855899;
  const area = 9.91256303526217e-3;
  const x = new Float64Array(layers + 1);
  const r = new Float64Array(layers);
  let f = Math.exp(-0.5 * edge * edge);
  x[0] = area / f;
  x[1] = edge;
  for (let i = 2; i < layers; i += 1) {
    x[i] = Math.sqrt(-2 * Math.log(area / (x[i - 1] ?? 1) + f));
    f = Math.exp(-0.5 * (x[i] ?? 0) * (x[i] ?? 0));
  }
  for (let i = 0; i < layers; i += 1) r[i] = (x[i + 1] ?? 0) / (x[i] ?? 1);
  return { x, r };
}

/**
 * Seeds an sfc32 state (4 words) for stream `stream` of `seed`: stream 0 is exactly
 * {@link createUniform}`(seed)`; other streams mix the stream number into the seed (murmur3 fmix32),
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
  let a = state[0] ?? 0;
  let b = state[1] ?? 0;
  let c = state[2] ?? 0;
  let d = state[3] ?? 0;
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

/**
 * Fills `out[0..count)` with standard normals from the sfc32 `state` (advanced in place). One 32-bit
 * draw gives the layer (low 7 bits) and a 25-bit signed position; ≈ 99% return at once, the rest go
 * through {@link zigguratEdge}.
 */
export function fillNormals(
  state: Uint32Array,
  tables: ZigguratTables,
  out: Float64Array,
  count: number,
): void {
  const { x, r } = tables;
  let a = state[0] ?? 0;
  let b = state[1] ?? 0;
  let c = state[2] ?? 0;
  let d = state[3] ?? 0;
  for (let i = 0; i < count; i += 1) {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (((c << 21) | (c >>> 11)) + t) | 0;
    const layer = t & 127;
    const u = ((t >>> 7) + 0.5) * 5.9604644775390625e-8 - 1;
    if (Math.abs(u) < (r[layer] ?? 0)) {
      out[i] = u * (x[layer] ?? 0);
      continue;
    }
    state[0] = a;
    state[1] = b;
    state[2] = c;
    state[3] = d;
    out[i] = zigguratEdge(state, tables, layer, u);
    a = state[0] ?? 0;
    b = state[1] ?? 0;
    c = state[2] ?? 0;
    d = state[3] ?? 0;
  }
  state[0] = a;
  state[1] = b;
  state[2] = c;
  state[3] = d;
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

/** The ziggurat's rare branch: the tail beyond R for the base layer, else the wedge test, retrying. */
export function zigguratEdge(
  state: Uint32Array,
  tables: ZigguratTables,
  firstLayer: number,
  firstU: number,
): number {
  const { x, r } = tables;
  const edge = 3.442619855899;
  const scale = 1 / 4294967296;
  let layer = firstLayer;
  let u = firstU;
  for (;;) {
    if (Math.abs(u) < (r[layer] ?? 0)) return u * (x[layer] ?? 0);
    if (layer === 0) {
      // Marsaglia's tail method, repeated until it accepts (restarting the ziggurat would thin the tail).
      let tail = 0;
      let y = 0;
      do {
        tail = Math.log((nextWord(state) + 0.5) * scale) / edge;
        y = Math.log((nextWord(state) + 0.5) * scale);
      } while (-2 * y < tail * tail);
      return u < 0 ? tail - edge : edge - tail;
    }
    const value = u * (x[layer] ?? 0);
    const inner = x[layer] ?? 0;
    const outer = x[layer + 1] ?? 0;
    const f0 = Math.exp(-0.5 * (inner * inner - value * value));
    const f1 = Math.exp(-0.5 * (outer * outer - value * value));
    if (f1 + (nextWord(state) + 0.5) * scale * (f0 - f1) < 1) return value;
    // The wedge rejected it: start over with a fresh layer and position.
    const word = nextWord(state);
    layer = word & 127;
    u = ((word >>> 7) + 0.5) * 5.9604644775390625e-8 - 1;
  }
}
