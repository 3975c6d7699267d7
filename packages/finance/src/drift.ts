import { type Allocation, allocationBy } from './allocation.ts';
import { UNCLASSIFIED_KEY } from './keys.ts';
import { roundTo } from './rounding.ts';
import type { PortfolioValuation } from './valuation.ts';

/** Target percentages keyed by allocation key (a user's `asset_class_targets` or `region_targets`). */
export type Targets = Readonly<Partial<Record<string, number>>>;

/** How far one key sits from its target, in percentage points and in dollars. */
export interface DriftRow {
  key: string;
  currentPercent: number;
  targetPercent: number;
  /** current − target, in percentage points (positive = overweight). */
  drift: number;
  /** Dollars to buy (positive) or sell (negative) to reach the target. */
  tradeValue: number;
}

/** A portfolio's drift against targets along one dimension. */
export interface Drift {
  dimension: Allocation['dimension'];
  /** Dollar value the percentages are shares of. */
  basis: number;
  /** One row per key in the targets or the portfolio, largest absolute drift first. */
  rows: DriftRow[];
  /** Share of the basis with no classification: it cannot be matched to any target. */
  unclassifiedPercent: number;
  /** The largest absolute drift among the rows, in percentage points. */
  maxAbsoluteDrift: number;
  /** Regions counted under an `international` target because the targets do not name them, largest first. */
  foldedIntoInternational?: string[];
}

/** Compares an allocation with targets; keys absent on one side count as 0 there. */
export function driftAgainstTargets(allocation: Allocation, targets: Targets): Drift {
  const basis = allocation.total;
  const current = new Map<string, number>();
  let unclassified = 0;
  for (const bucket of allocation.buckets) {
    const share = basis > 0 ? (bucket.value / basis) * 100 : 0;
    if (bucket.key === UNCLASSIFIED_KEY) unclassified = share;
    else current.set(bucket.key, share);
  }
  const keys = new Set([...Object.keys(targets), ...current.keys()]);
  const rows = [...keys].map((key): DriftRow => {
    const currentPercent = current.get(key) ?? 0;
    const targetPercent = targets[key] ?? 0;
    return {
      key,
      currentPercent: roundTo(currentPercent, 2),
      targetPercent,
      drift: roundTo(currentPercent - targetPercent, 2),
      tradeValue: roundTo(((targetPercent - currentPercent) / 100) * basis, 2),
    };
  });
  rows.sort((a, b) => Math.abs(b.drift) - Math.abs(a.drift) || a.key.localeCompare(b.key));
  return {
    dimension: allocation.dimension,
    basis,
    rows,
    unclassifiedPercent: roundTo(unclassified, 2),
    maxAbsoluteDrift: rows.reduce((max, row) => Math.max(max, Math.abs(row.drift)), 0),
  };
}

/** Asset-class drift over the whole portfolio: cash is an asset class, so it is in the basis. */
export function assetClassDrift(valuation: PortfolioValuation, targets: Targets): Drift {
  return driftAgainstTargets(allocationBy(valuation, 'asset_class'), targets);
}

/** The key a region target may use for "everywhere outside the regions I named". */
export const INTERNATIONAL_KEY = 'international';

/**
 * Region drift over invested value only: region targets say where invested money sits, not cash.
 * Instruments name specific regions (europe, asia …) while targets often say `international`
 * (the default is 50/50 north_america/international): when they do, every region the targets do
 * not name counts as international, instead of reading as 0% international.
 */
export function regionDrift(valuation: PortfolioValuation, targets: Targets): Drift {
  const allocation = allocationBy(valuation, 'regions', { includeCash: false });
  if (!(INTERNATIONAL_KEY in targets)) return driftAgainstTargets(allocation, targets);
  const folded: string[] = [];
  const byKey = new Map<string, number>();
  for (const bucket of allocation.buckets) {
    const named = bucket.key in targets || bucket.key === UNCLASSIFIED_KEY;
    if (!named) folded.push(bucket.key);
    const key = named ? bucket.key : INTERNATIONAL_KEY;
    byKey.set(key, (byKey.get(key) ?? 0) + bucket.value);
  }
  const buckets = [...byKey.entries()].map(([key, value]) => ({
    key,
    value,
    percent: allocation.total > 0 ? roundTo((value / allocation.total) * 100, 2) : 0,
  }));
  const drift = driftAgainstTargets({ ...allocation, buckets }, targets);
  return folded.length > 0 ? { ...drift, foldedIntoInternational: folded } : drift;
}
