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
  /** Dollars to buy (positive) or sell (negative) to reach the target; the rows sum to exactly 0. */
  tradeValue: number;
}

/** Value no target can take: without a classification, or in a bucket the targets cannot name. */
export interface ExcludedValue {
  key: string;
  /** Dollars. */
  value: number;
  /** Share of the whole allocation, in percent. */
  percent: number;
}

/** A portfolio's drift against targets along one dimension. */
export interface Drift {
  dimension: Allocation['dimension'];
  /** Dollar value the percentages are shares of: the allocation less what is excluded. */
  basis: number;
  /** One row per key in the targets or the portfolio, largest absolute drift first. */
  rows: DriftRow[];
  /** Share of the allocation with no classification: it cannot be matched to any target. */
  unclassifiedPercent: number;
  /** Value left out of the basis (unclassified, or a region such as `global` with no split), stated here. */
  excluded: ExcludedValue[];
  /** The largest absolute drift among the rows, in percentage points. */
  maxAbsoluteDrift: number;
  /** Regions counted under an `international` target because the targets do not name them, largest first. */
  foldedIntoInternational?: string[];
}

/**
 * Compares an allocation with targets; keys absent on one side count as 0 there. Value under
 * `unclassified` (or a key in `setAside`) is excluded from the basis and stated in `excluded`, so the
 * percentages compared are shares of matched money and the dollar trades net to zero.
 */
export function driftAgainstTargets(
  allocation: Allocation,
  targets: Targets,
  setAside: ReadonlySet<string> = new Set(),
): Drift {
  const current = new Map<string, number>();
  const excluded: ExcludedValue[] = [];
  let unclassifiedPercent = 0;
  for (const bucket of allocation.buckets) {
    if (bucket.key === UNCLASSIFIED_KEY || setAside.has(bucket.key)) {
      const percent = allocation.total > 0 ? roundTo((bucket.value / allocation.total) * 100, 2) : 0;
      if (bucket.key === UNCLASSIFIED_KEY) unclassifiedPercent = percent;
      excluded.push({ key: bucket.key, value: bucket.value, percent });
    } else current.set(bucket.key, Math.round(bucket.value * 100));
  }
  const basisCents = [...current.values()].reduce((sum, cents) => sum + cents, 0);
  const keys = [...new Set([...Object.keys(targets), ...current.keys()])];
  const tradeCents = keys.map((key) =>
    basisCents > 0 ? Math.round(((targets[key] ?? 0) / 100) * basisCents) - (current.get(key) ?? 0) : 0,
  );
  // Targets may sum to 100 ± 0.05 and each row rounds to the cent: the largest trade absorbs the rest.
  const residual = tradeCents.reduce((sum, cents) => sum + cents, 0);
  if (residual !== 0) {
    let largest = 0;
    tradeCents.forEach((cents, i) => {
      if (Math.abs(cents) > Math.abs(tradeCents[largest] ?? 0)) largest = i;
    });
    tradeCents[largest] = (tradeCents[largest] ?? 0) - residual;
  }
  const rows = keys.map((key, i): DriftRow => {
    const currentPercent = basisCents > 0 ? ((current.get(key) ?? 0) / basisCents) * 100 : 0;
    const targetPercent = targets[key] ?? 0;
    return {
      key,
      currentPercent: roundTo(currentPercent, 2),
      targetPercent,
      drift: basisCents > 0 ? roundTo(currentPercent - targetPercent, 2) : 0,
      tradeValue: (tradeCents[i] ?? 0) / 100,
    };
  });
  rows.sort((a, b) => Math.abs(b.drift) - Math.abs(a.drift) || a.key.localeCompare(b.key));
  return {
    dimension: allocation.dimension,
    basis: basisCents / 100,
    rows,
    unclassifiedPercent,
    excluded,
    maxAbsoluteDrift: rows.reduce((max, row) => Math.max(max, Math.abs(row.drift)), 0),
  };
}

/** Asset-class drift over the whole portfolio: cash is an asset class, so it is in the basis. */
export function assetClassDrift(valuation: PortfolioValuation, targets: Targets): Drift {
  return driftAgainstTargets(allocationBy(valuation, 'asset_class'), targets);
}

/** The key a region target uses for "everywhere outside the regions I named". */
export const INTERNATIONAL_KEY = 'international';
/** What a fund's region map says when it has no regional split: no region target can take it. */
export const GLOBAL_KEY = 'global';

/**
 * Region drift over invested value only: region targets say where invested money sits, not cash.
 * One model, no double counting: every holding is split by its own region map; a target on
 * `international` takes every region the targets do not name (and holdings mapped to
 * `international`); value mapped to `global` (a fund with no split of its own) cannot be placed in
 * any region, so it is set aside and stated, never counted as international.
 */
export function regionDrift(valuation: PortfolioValuation, targets: Targets): Drift {
  const allocation = allocationBy(valuation, 'regions', { includeCash: false });
  const hasInternational = INTERNATIONAL_KEY in targets;
  const setAside = new Set([GLOBAL_KEY, ...(hasInternational ? [] : [INTERNATIONAL_KEY])]);
  if (!hasInternational) return driftAgainstTargets(allocation, targets, setAside);
  const folded: string[] = [];
  const byKey = new Map<string, number>();
  for (const bucket of allocation.buckets) {
    const kept = bucket.key in targets || bucket.key === UNCLASSIFIED_KEY || setAside.has(bucket.key);
    if (!kept) folded.push(bucket.key);
    const key = kept ? bucket.key : INTERNATIONAL_KEY;
    byKey.set(key, (byKey.get(key) ?? 0) + bucket.value);
  }
  const buckets = [...byKey.entries()].map(([key, value]) => ({
    key,
    value: roundTo(value, 2),
    percent: allocation.total > 0 ? roundTo((value / allocation.total) * 100, 2) : 0,
  }));
  const drift = driftAgainstTargets({ ...allocation, buckets }, targets, setAside);
  return folded.length > 0 ? { ...drift, foldedIntoInternational: folded } : drift;
}
