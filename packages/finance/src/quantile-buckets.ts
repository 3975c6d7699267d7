/*
 * Exact quantiles of a row of non-negative values in two passes, counting and gathering: a histogram
 * on the top 20 bits of each double finds the buckets that hold the wanted order statistics, one
 * gather pass copies just those buckets, and selection (quantile-plan.ts) finishes there. Worker
 * threads get the functions in this file as source text (with its constants), so they call only each
 * other and use no closures.
 */

/**
 * A value's bucket is `(its high word >>> 12) − BUCKET_FLOOR`, at least 0: the sign, the exponent and
 * 8 mantissa bits, so 256 buckets per power of two (each ≈ 0.27% wide), monotonic in the value for
 * non-negative numbers. Values below 2^-15, zeros included, share bucket 0, next to the money rather
 * than ≈ 260,000 empty buckets below it. +Infinity, NaN and negative numbers land at
 * {@link BUCKET_LIMIT} or above (up to {@link BUCKET_COUNT} − 1), where only plain selection will do.
 *
 * The loops spell these numbers as literals and clamp with an integer mask (max(x, 0) is
 * x & ~(x >> 31)): a bundler turns a module constant into a `var`, and V8 then did the whole bucket
 * arithmetic in doubles, with branches.
 */
export const BUCKET_FLOOR = 0x3f000;
/** The first bucket of +Infinity, NaN and negative numbers; every finite non-negative value is below it. */
export const BUCKET_LIMIT = 0x40f00;
/** Buckets for every high word, so no bucket needs clamping from above. */
export const BUCKET_COUNT = 0xc1000;

/** Reusable memory for the bucket quantiles: allocate once per thread, reuse for every row. */
export interface QuantileScratch {
  /** Counts per bucket; all zero between rows. */
  histogram: Uint32Array;
  /** The lowest and highest bucket counted since the last row ({@link BUCKET_LIMIT}, 0 when none). */
  range: Int32Array;
  /** Group number + 1 of each bucket to gather; all zero between rows. */
  marks: Uint8Array;
  /** Values gathered from the marked buckets, group after group; a row long. */
  buffer: Float64Array;
  /** Per group: first bucket, last bucket, values below it, start in `buffer`, gather cursor, all equal. */
  groups: Float64Array;
  /** Per quantile: its group. */
  groupOf: Uint8Array;
}

/** Scratch for rows of up to `rowLength` values and up to 8 probabilities. */
export function quantileScratch(rowLength: number): QuantileScratch {
  return {
    histogram: new Uint32Array(BUCKET_COUNT),
    range: Int32Array.of(BUCKET_LIMIT, 0),
    marks: new Uint8Array(BUCKET_COUNT),
    buffer: new Float64Array(rowLength),
    groups: new Float64Array(6 * 8),
    groupOf: new Uint8Array(8),
  };
}

/** The 32-bit words of `values`' buffer: the high word of values[i] is words[2i + 1] (little-endian). */
export function wordsOf(values: Float64Array): Uint32Array {
  return new Uint32Array(values.buffer, values.byteOffset, values.length * 2);
}

/** Counts `values[from..from+count)` into the scratch's histogram and range. */
export function countBuckets(
  values: Float64Array,
  from: number,
  count: number,
  scratch: QuantileScratch,
): void {
  const { histogram, range } = scratch;
  const words = wordsOf(values);
  let lowest = range[0] ?? BUCKET_LIMIT;
  let highest = range[1] ?? 0;
  // In blocks, saving the range after each: see monte-carlo-kernel.ts for why not only after the loop.
  // The range is a minimum and a maximum by masks: Math.min and Math.max cost a branch each.
  for (let start = from; start < from + count; start += 256) {
    const end = Math.min(start + 256, from + count);
    for (let i = start; i < end; i += 1) {
      const raw = ((words[2 * i + 1] ?? 0) >>> 12) - 0x3f000;
      const bucket = raw & ~(raw >> 31);
      histogram[bucket] = (histogram[bucket] ?? 0) + 1;
      const down = bucket - lowest;
      lowest += down & (down >> 31);
      const up = highest - bucket;
      highest -= up & (up >> 31);
    }
    range[0] = lowest;
    range[1] = highest;
  }
}

/** Adds counts of buckets `lowest…` (`counts[0]` is bucket `lowest`) into the scratch: another thread's. */
export function addBuckets(scratch: QuantileScratch, counts: Uint32Array, lowest: number): void {
  const { histogram, range } = scratch;
  for (let i = 0; i < counts.length; i += 1)
    histogram[lowest + i] = (histogram[lowest + i] ?? 0) + (counts[i] ?? 0);
  if (counts.length === 0) return;
  range[0] = Math.min(range[0] ?? BUCKET_LIMIT, lowest);
  range[1] = Math.max(range[1] ?? 0, lowest + counts.length - 1);
}

/** Copies each value of `values[from..from+count)` whose bucket is marked to its group's slice of `buffer`. */
export function gatherMarked(
  values: Float64Array,
  from: number,
  count: number,
  marks: Uint8Array,
  buffer: Float64Array,
  groups: Float64Array,
): void {
  const words = wordsOf(values);
  for (let i = from; i < from + count; i += 1) {
    const raw = ((words[2 * i + 1] ?? 0) >>> 12) - 0x3f000;
    const mark = marks[raw & ~(raw >> 31)] ?? 0;
    if (mark !== 0) {
      const cursor = groups[6 * mark - 2] ?? 0;
      buffer[cursor] = values[i] ?? 0;
      groups[6 * mark - 2] = cursor + 1;
    }
  }
}

/**
 * A worker's side of a row's gather, before {@link gatherMarked}: marks the planned groups' buckets
 * (`ranges`: first and last bucket of each group, from the main thread's merged counts), sizes each
 * group's slice of the buffer from this thread's own counts of the row, and empties those counts.
 * Returns each group's size.
 */
export function markRanges(ranges: readonly number[], scratch: QuantileScratch): number[] {
  const { histogram, range, marks, groups } = scratch;
  const sizes: number[] = [];
  let size = 0;
  for (let g = 0; 2 * g < ranges.length; g += 1) {
    let inGroup = 0;
    for (let b = ranges[2 * g] ?? 0; b <= (ranges[2 * g + 1] ?? 0); b += 1) {
      marks[b] = g + 1;
      inGroup += histogram[b] ?? 0;
    }
    groups[6 * g + 3] = size;
    groups[6 * g + 4] = size;
    sizes.push(inGroup);
    size += inGroup;
  }
  histogram.fill(0, range[0] ?? 0, (range[1] ?? 0) + 1);
  range[0] = BUCKET_LIMIT;
  range[1] = 0;
  return sizes;
}

/** After {@link gatherMarked}: a copy of the gathered values, group after group, and the marks emptied. */
export function takeGathered(
  ranges: readonly number[],
  sizes: readonly number[],
  scratch: QuantileScratch,
): Float64Array {
  const { marks, buffer } = scratch;
  let size = 0;
  for (let g = 0; 2 * g < ranges.length; g += 1) {
    marks.fill(0, ranges[2 * g] ?? 0, (ranges[2 * g + 1] ?? 0) + 1);
    size += sizes[g] ?? 0;
  }
  return buffer.slice(0, size);
}
