// Exact order statistics without sorting: selection, for the Monte Carlo's bands and income cap.

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
