/**
 * Percentages of a total, rounded to `decimals` places with the largest-remainder method so they
 * sum to exactly 100 in those units (within float printing error). All zeros when the total is 0.
 */
export function roundPercentages(values: readonly number[], decimals = 1): number[] {
  const total = values.reduce((sum, value) => sum + Math.max(0, value), 0);
  if (!(total > 0)) return values.map(() => 0);
  const scale = 10 ** decimals;
  const target = 100 * scale;
  const exact = values.map((value) => (Math.max(0, value) / total) * target);
  const units = exact.map(Math.floor);
  let missing = target - units.reduce((sum, unit) => sum + unit, 0);
  // Hand the missing units to the largest fractional parts; ties go to the earlier entry.
  const order = exact.map((value, index) => ({ index, remainder: value - Math.floor(value) }));
  order.sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of order) {
    if (missing <= 0) break;
    units[index] = (units[index] ?? 0) + 1;
    missing -= 1;
  }
  return units.map((unit) => unit / scale);
}

/** A number rounded to `decimals` places (half away from zero for positive values). */
export function roundTo(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}
