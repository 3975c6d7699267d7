import { type Drift, GLOBAL_KEY, INTERNATIONAL_KEY, type Targets } from './drift.ts';
import { type AllocationMap, usableAllocationSum } from './valuation.ts';

/** How strongly the region gaps steer an asset class's trades toward (or away from) a holding. */
const REGION_PULL = 4;

/** One holding an asset class's gap can be split over. */
export interface SplitHolder {
  /** Value in cents. */
  cents: number;
  /** Its weight in the asset class being traded, 0–1. */
  weight: number;
  regions: AllocationMap;
}

/** How far each region target is under (+) or over (−) weight, as a share of the region basis. */
function regionTilt(drift: Drift): Map<string, number> {
  const tilt = new Map<string, number>();
  if (drift.basis <= 0) return tilt;
  for (const row of drift.rows) tilt.set(row.key, Math.max(-1, Math.min(1, row.tradeValue / drift.basis)));
  return tilt;
}

/**
 * How well a holding's regions match the region gaps (−1..1): its region map read the way the region
 * drift reads it (unnamed regions as international when the targets use it; `global` as no region).
 */
function regionFit(map: AllocationMap, tilt: Map<string, number>, targets: Targets): number {
  const sum = usableAllocationSum(map);
  if (map === null || sum === 0) return 0;
  let fit = 0;
  for (const [key, weight = 0] of Object.entries(map)) {
    if (key === GLOBAL_KEY) continue;
    const target = key in targets ? key : INTERNATIONAL_KEY in targets ? INTERNATIONAL_KEY : null;
    if (target !== null) fit += (weight / sum) * (tilt.get(target) ?? 0);
  }
  return fit;
}

/**
 * Splits an asset class's gap (cents; + buy, − sell) over its holdings in proportion to their value,
 * steered by the region gaps: purchases lean toward holdings in under-weight regions, sales toward
 * over-weight ones. A sale never exceeds a holding's value; what a capped holding cannot take goes
 * to the others. Returns cents per holder, in order.
 */
export function splitGap(
  gapCents: number,
  holders: readonly SplitHolder[],
  regionDrift: Drift,
  regionTargets: Targets,
): number[] {
  const tilt = regionTilt(regionDrift);
  const direction = gapCents > 0 ? 1 : -1;
  let scores = holders.map((h) =>
    Math.max(0, 1 + REGION_PULL * direction * regionFit(h.regions, tilt, regionTargets)),
  );
  if (scores.every((s) => s === 0)) scores = holders.map(() => 1);
  const amounts = holders.map(() => 0);
  let open = holders.map((_, i) => i);
  let remaining = gapCents;
  for (let round = 0; round < 5 && Math.abs(remaining) >= 1 && open.length > 0; round++) {
    const reach = open.reduce(
      (sum, i) => sum + (holders[i]?.cents ?? 0) * (scores[i] ?? 0) * (holders[i]?.weight ?? 0),
      0,
    );
    if (reach <= 0) break;
    const k = remaining / reach;
    for (const i of open) {
      const holder = holders[i];
      if (!holder) continue;
      let add = k * holder.cents * (scores[i] ?? 0);
      if (direction < 0) add = Math.max(add, -holder.cents - (amounts[i] ?? 0));
      amounts[i] = (amounts[i] ?? 0) + add;
    }
    remaining = gapCents - amounts.reduce((sum, a, i) => sum + a * (holders[i]?.weight ?? 0), 0);
    open = open.filter((i) => direction > 0 || (amounts[i] ?? 0) > -(holders[i]?.cents ?? 0) + 0.5);
  }
  return amounts;
}
