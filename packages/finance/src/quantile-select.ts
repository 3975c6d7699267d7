// Exact quantiles without sorting, for the Monte Carlo's bands. Worker threads get these functions as
// source text, so they call only each other (all in this file) and use no closures or nested functions.

/**
 * Rearranges `values[from..to]` (inclusive) so `values[k]` holds the value it would hold if that range
 * were sorted, with nothing larger before it and nothing smaller after it. Floyd–Rivest selection: on a
 * large range it first selects within a small sample around k, so the pivot lands near the target and
 * one pass discards most of the range (≈ n + min(k, n − k) comparisons). Runs of equal values split
 * evenly.
 */
export function selectInPlace(values: Float64Array, from: number, to: number, k: number): void {
  let left = from;
  let right = to;
  while (right > left) {
    if (right - left > 600) {
      const n = right - left + 1;
      const m = k - left + 1;
      const z = Math.log(n);
      const s = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (m - n / 2 < 0 ? -1 : 1);
      const sampleLeft = Math.max(left, Math.floor(k - (m * s) / n + sd));
      const sampleRight = Math.min(right, Math.floor(k + ((n - m) * s) / n + sd));
      selectInPlace(values, sampleLeft, sampleRight, k);
    }
    const pivot = values[k] ?? 0;
    let i = left;
    let j = right;
    swap(values, left, k);
    if ((values[right] ?? 0) > pivot) swap(values, left, right);
    while (i < j) {
      swap(values, i, j);
      i += 1;
      j -= 1;
      while ((values[i] ?? 0) < pivot) i += 1;
      while ((values[j] ?? 0) > pivot) j -= 1;
    }
    if ((values[left] ?? 0) === pivot) {
      swap(values, left, j);
    } else {
      j += 1;
      swap(values, j, right);
    }
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
}

/** Swaps two entries of a typed array. */
export function swap(values: Float64Array, i: number, j: number): void {
  const held = values[i] ?? 0;
  values[i] = values[j] ?? 0;
  values[j] = held;
}

/**
 * Type-7 quantiles (as {@link quantileOfSorted}) of `values[from..from+count)` for ascending
 * `probabilities`, written to `out`, by selection alone: one selection per quantile, each in the range
 * above the previous one, then each next order statistic as a minimum up to the next selected index.
 * Reorders the range.
 */
export function quantilesBySelection(
  values: Float64Array,
  from: number,
  count: number,
  probabilities: readonly number[],
  out: Float64Array,
): void {
  const last = from + count - 1;
  let start = from;
  for (let q = 0; q < probabilities.length; q += 1) {
    const k = from + Math.floor((count - 1) * (probabilities[q] ?? 0));
    if (k >= start) {
      selectInPlace(values, start, last, k);
      start = k + 1;
    }
  }
  for (let q = 0; q < probabilities.length; q += 1) {
    const position = (count - 1) * (probabilities[q] ?? 0);
    const below = Math.floor(position);
    const k = from + below;
    const low = values[k] ?? 0;
    let high = low;
    if (k < last) {
      // Everything after k is ≥ values[k], and nothing after the next selected index is smaller than it.
      let bound = last;
      for (let next = q + 1; next < probabilities.length; next += 1) {
        const selected = from + Math.floor((count - 1) * (probabilities[next] ?? 0));
        if (selected > k) {
          bound = selected;
          break;
        }
      }
      high = values[k + 1] ?? low;
      for (let i = k + 2; i <= bound; i += 1) if ((values[i] ?? 0) < high) high = values[i] ?? 0;
    }
    out[q] = low + (position - below) * (high - low);
  }
}

/** Reusable memory for {@link quantilesOf}: allocate once per thread, reuse for every row. */
export interface QuantileScratch {
  /** Counts per bucket (the top 16 bits of a double); all zero between calls. */
  histogram: Uint32Array;
  /** Group number + 1 of each bucket to gather; all zero between calls. */
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
    histogram: new Uint32Array(65536),
    marks: new Uint8Array(65536),
    buffer: new Float64Array(rowLength),
    groups: new Float64Array(6 * 8),
    groupOf: new Uint8Array(8),
  };
}

/**
 * Type-7 quantiles (as {@link quantileOfSorted}) of the non-negative `values[from..from+count)` for
 * ascending `probabilities`, written to `out`, exact, without reordering `values`, in two passes: a
 * histogram on the top 16 bits of each double (monotonic in the value for non-negative numbers) finds
 * the bucket of each wanted order statistic and of its successor; the second pass gathers only those
 * buckets (a few % of the row) and selection finishes there. A row with a negative value or NaN is
 * copied and selected whole. Up to 8 probabilities.
 */
export function quantilesOf(
  values: Float64Array,
  from: number,
  count: number,
  probabilities: readonly number[],
  out: Float64Array,
  scratch: QuantileScratch,
): void {
  const { histogram, marks, buffer, groups, groupOf } = scratch;
  const words = new Uint32Array(values.buffer, values.byteOffset, values.length * 2);
  const last = from + count - 1;
  let lowest = 65535;
  let highest = 0;
  // Little-endian: the high word of values[i] is words[2i + 1] (every platform Node and browsers run on).
  // Its top 16 bits (sign, exponent, 4 mantissa bits) less 0x3f00 is the bucket: values below 2^-15,
  // zeros included, share bucket 0, so the zeros of failed paths sit next to the money, not 16,000
  // empty buckets below it. Infinity, NaN and negatives land at 0x7ff0 − 0x3f00 or above.
  for (let i = from; i <= last; i += 1) {
    const bucket = Math.max(((words[2 * i + 1] ?? 0) >>> 16) - 0x3f00, 0);
    histogram[bucket] = (histogram[bucket] ?? 0) + 1;
    lowest = Math.min(lowest, bucket);
    highest = Math.max(highest, bucket);
  }
  if (highest >= 0x7ff0 - 0x3f00 || probabilities.length > 8) {
    histogram.fill(0, lowest, highest + 1);
    buffer.set(values.subarray(from, from + count));
    quantilesBySelection(buffer, 0, count, probabilities, out);
    return;
  }
  // Walk the buckets once: each quantile's bucket and its successor's; overlapping ranges share a group.
  let bucket = lowest;
  let below = 0;
  let group = -1;
  let size = 0;
  for (let q = 0; q < probabilities.length; q += 1) {
    const k = Math.floor((count - 1) * (probabilities[q] ?? 0));
    while (below + (histogram[bucket] ?? 0) <= k) {
      below += histogram[bucket] ?? 0;
      bucket += 1;
    }
    let end = bucket;
    if (k + 1 < count && below + (histogram[bucket] ?? 0) === k + 1) {
      end += 1;
      while ((histogram[end] ?? 0) === 0) end += 1;
    }
    if (group >= 0 && bucket <= (groups[6 * group + 1] ?? 0)) {
      groups[6 * group + 1] = Math.max(end, groups[6 * group + 1] ?? 0);
    } else {
      group += 1;
      groups[6 * group] = bucket;
      groups[6 * group + 1] = end;
      groups[6 * group + 2] = below;
    }
    groupOf[q] = group;
  }
  for (let g = 0; g <= group; g += 1) {
    groups[6 * g + 3] = size;
    groups[6 * g + 4] = size;
    for (let b = groups[6 * g] ?? 0; b <= (groups[6 * g + 1] ?? 0); b += 1) {
      marks[b] = g + 1;
      size += histogram[b] ?? 0;
    }
  }
  for (let i = from; i <= last; i += 1) {
    const mark = marks[Math.max(((words[2 * i + 1] ?? 0) >>> 16) - 0x3f00, 0)] ?? 0;
    if (mark !== 0) {
      const cursor = groups[6 * mark - 2] ?? 0;
      buffer[cursor] = values[i] ?? 0;
      groups[6 * mark - 2] = cursor + 1;
    }
  }
  for (let g = 0; g <= group; g += 1) {
    const begin = groups[6 * g + 3] ?? 0;
    const end = groups[6 * g + 4] ?? 0;
    let least = buffer[begin] ?? 0;
    let most = least;
    for (let i = begin + 1; i < end; i += 1) {
      least = Math.min(least, buffer[i] ?? 0);
      most = Math.max(most, buffer[i] ?? 0);
    }
    groups[6 * g + 5] = least === most ? 1 : 0;
  }
  // Within each group's slice of the buffer, as quantilesBySelection does: select ascending, each above
  // the last; then each successor is a minimum up to the next selected index.
  for (let q = 0; q < probabilities.length; q += 1) {
    const g = groupOf[q] ?? 0;
    const k = rankIn(groups, g, count, probabilities[q] ?? 0);
    const previous = q > 0 && groupOf[q - 1] === g ? rankIn(groups, g, count, probabilities[q - 1] ?? 0) : -1;
    // A slice of equal values (the zeros of failed paths, late in retirement) needs no selection.
    if (k > previous && (groups[6 * g + 5] ?? 0) === 0)
      selectInPlace(buffer, Math.max(previous + 1, groups[6 * g + 3] ?? 0), (groups[6 * g + 4] ?? 0) - 1, k);
  }
  for (let q = 0; q < probabilities.length; q += 1) {
    const g = groupOf[q] ?? 0;
    const k = rankIn(groups, g, count, probabilities[q] ?? 0);
    const end = (groups[6 * g + 4] ?? 0) - 1;
    let bound = end;
    for (let next = q + 1; next < probabilities.length && groupOf[next] === g; next += 1) {
      const selected = rankIn(groups, g, count, probabilities[next] ?? 0);
      if (selected > k) {
        bound = selected;
        break;
      }
    }
    const low = buffer[k] ?? 0;
    let high = low;
    if (k < end) {
      high = buffer[k + 1] ?? low;
      for (let i = k + 2; i <= bound; i += 1) if ((buffer[i] ?? 0) < high) high = buffer[i] ?? 0;
    }
    const position = (count - 1) * (probabilities[q] ?? 0);
    out[q] = low + (position - Math.floor(position)) * (high - low);
  }
  histogram.fill(0, lowest, highest + 1);
  for (let g = 0; g <= group; g += 1) marks.fill(0, groups[6 * g] ?? 0, (groups[6 * g + 1] ?? 0) + 1);
}

/** Where the order statistic for `probability` sits in group `g`'s slice of the buffer. */
export function rankIn(groups: Float64Array, g: number, count: number, probability: number): number {
  return (groups[6 * g + 3] ?? 0) + Math.floor((count - 1) * probability) - (groups[6 * g + 2] ?? 0);
}
