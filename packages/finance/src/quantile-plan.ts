/*
 * The main thread's side of the bucket quantiles (quantile-buckets.ts): from a counted row, which
 * buckets to gather, and the quantiles from what was gathered.
 */
import { BUCKET_LIMIT, countBuckets, gatherMarked, type QuantileScratch } from './quantile-buckets.ts';
import { quantilesBySelection, selectInPlace } from './quantile-select.ts';

/**
 * Type-7 quantiles (as {@link quantileOfSorted}) of `values[from..from+count)` for ascending
 * `probabilities`, written to `out`, exact, without reordering `values`: counts the row, then
 * {@link quantilesOfCounted}. Up to 8 probabilities; any values (negatives, infinities and NaN go to
 * plain selection).
 */
export function quantilesOf(
  values: Float64Array,
  from: number,
  count: number,
  probabilities: readonly number[],
  out: Float64Array,
  scratch: QuantileScratch,
): void {
  countBuckets(values, from, count, scratch);
  quantilesOfCounted(values, from, count, probabilities, out, scratch);
}

/**
 * {@link quantilesOf} for a row whose buckets the scratch has already counted: finds the bucket of
 * each wanted order statistic and of its successor, gathers only those buckets (a fraction of a
 * percent of the row each) and selects there; leaves the scratch empty.
 */
export function quantilesOfCounted(
  values: Float64Array,
  from: number,
  count: number,
  probabilities: readonly number[],
  out: Float64Array,
  scratch: QuantileScratch,
): void {
  const last = planCounted(count, probabilities, scratch);
  if (last < 0) {
    scratch.buffer.set(values.subarray(from, from + count));
    quantilesBySelection(scratch.buffer, 0, count, probabilities, out);
    return;
  }
  gatherMarked(values, from, count, scratch.marks, scratch.buffer, scratch.groups);
  finishGathered(count, probabilities, out, scratch, last);
}

/**
 * Plans the gather of a counted row of `count` values: groups and marks the buckets to gather and
 * empties the counts. Returns the last group's number, or −1 when the row holds a negative number,
 * an infinity or NaN, or there are more than 8 probabilities: then only plain selection will do.
 */
export function planCounted(
  count: number,
  probabilities: readonly number[],
  scratch: QuantileScratch,
): number {
  const { histogram, range } = scratch;
  const lowest = range[0] ?? 0;
  const highest = range[1] ?? 0;
  const last =
    highest >= BUCKET_LIMIT || probabilities.length > 8 ? -1 : planGroups(count, probabilities, scratch);
  histogram.fill(0, lowest, highest + 1);
  range[0] = BUCKET_LIMIT;
  range[1] = 0;
  return last;
}

/**
 * Walks the counted buckets once to each quantile's bucket and its successor's, grouping overlapping
 * ranges, and marks the groups' buckets; returns the last group's number.
 */
export function planGroups(
  count: number,
  probabilities: readonly number[],
  scratch: QuantileScratch,
): number {
  const { histogram, range, marks, groups, groupOf } = scratch;
  let bucket = range[0] ?? 0;
  let below = 0;
  let group = -1;
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
  let size = 0;
  for (let g = 0; g <= group; g += 1) {
    groups[6 * g + 3] = size;
    groups[6 * g + 4] = size;
    for (let b = groups[6 * g] ?? 0; b <= (groups[6 * g + 1] ?? 0); b += 1) {
      marks[b] = g + 1;
      size += histogram[b] ?? 0;
    }
  }
  return group;
}

/** The quantiles from the groups gathered into the buffer (groups 0 … `last`) into `out`; empties the marks. */
export function finishGathered(
  count: number,
  probabilities: readonly number[],
  out: Float64Array,
  scratch: QuantileScratch,
  last: number,
): Float64Array {
  const { marks, groups } = scratch;
  selectInGroups(count, probabilities, out, scratch, last);
  for (let g = 0; g <= last; g += 1) marks.fill(0, groups[6 * g] ?? 0, (groups[6 * g + 1] ?? 0) + 1);
  return out;
}

/**
 * Within each group's slice of the buffer, as quantilesBySelection does: select ascending, each above
 * the last; then each successor is a minimum up to the next selected index.
 */
export function selectInGroups(
  count: number,
  probabilities: readonly number[],
  out: Float64Array,
  scratch: QuantileScratch,
  last: number,
): void {
  const { buffer, groups, groupOf } = scratch;
  for (let g = 0; g <= last; g += 1) {
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
}

/** Where the order statistic for `probability` sits in group `g`'s slice of the buffer. */
export function rankIn(groups: Float64Array, g: number, count: number, probability: number): number {
  return (groups[6 * g + 3] ?? 0) + Math.floor((count - 1) * probability) - (groups[6 * g + 2] ?? 0);
}
