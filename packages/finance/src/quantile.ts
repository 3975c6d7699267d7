/** The q-quantile (0–1) of ascending-sorted values, interpolating between order statistics (type 7). */
export function quantileOfSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const position = (n - 1) * q;
  const below = Math.floor(position);
  const low = sorted[below] ?? 0;
  const high = sorted[Math.min(below + 1, n - 1)] ?? low;
  return low + (position - below) * (high - low);
}
