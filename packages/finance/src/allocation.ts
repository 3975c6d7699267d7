import { CASH_KEY, UNCLASSIFIED_KEY } from './keys.ts';
import { roundPercentages } from './rounding.ts';
import { type PortfolioValuation, usableAllocationSum } from './valuation.ts';

/** Which allocation map of an instrument to aggregate. */
export type AllocationDimension = 'asset_class' | 'regions' | 'sectors';

/** One bucket of an allocation: its dollar value and its share of the allocation's total. */
export interface AllocationBucket {
  key: string;
  value: number;
  /** Percentage of `total`, largest-remainder rounded to 2 places so the buckets sum to 100. */
  percent: number;
}

/** A portfolio's value split by one dimension. */
export interface Allocation {
  dimension: AllocationDimension;
  /** Dollar value the percentages are shares of. */
  total: number;
  /** Non-empty buckets, largest first. */
  buckets: AllocationBucket[];
  /** Symbols whose map for this dimension is missing or unusable; their value is under 'unclassified'. */
  unclassified: string[];
}

/** Options for {@link allocationBy}. */
export interface AllocationOptions {
  /** Count account cash as a 'cash' bucket (default true); false measures invested value only. */
  includeCash?: boolean;
}

/**
 * Splits a portfolio's value by asset class, region or sector: each position's value is weighted by
 * its allocation map (normalised by the map's own sum), cash is counted as 'cash', and value without
 * a usable map goes to 'unclassified' rather than being guessed.
 */
export function allocationBy(
  valuation: PortfolioValuation,
  dimension: AllocationDimension,
  options: AllocationOptions = {},
): Allocation {
  const includeCash = options.includeCash !== false;
  let made = computed.get(valuation);
  if (!made) {
    made = new Map();
    computed.set(valuation, made);
  }
  const key = `${dimension}${includeCash ? '' : ' invested'}`;
  let allocation = made.get(key);
  if (!allocation) {
    allocation = freeze(allocate(valuation, dimension, includeCash));
    made.set(key, allocation);
  }
  return allocation;
}

/**
 * Allocations already made of each valuation, by dimension: the dashboard's facts, charts, drift and
 * risk checks ask for the same three or four of one valuation nine times. A valuation is not changed
 * once made, and the allocations handed out are frozen, so sharing them is safe.
 */
const computed = new WeakMap<PortfolioValuation, Map<string, Allocation>>();

function freeze(allocation: Allocation): Allocation {
  for (const bucket of allocation.buckets) Object.freeze(bucket);
  Object.freeze(allocation.buckets);
  Object.freeze(allocation.unclassified);
  return Object.freeze(allocation);
}

function allocate(
  valuation: PortfolioValuation,
  dimension: AllocationDimension,
  includeCash: boolean,
): Allocation {
  const cents = new Map<string, number>();
  const unclassified = new Set<string>();

  for (const position of valuation.positions) {
    const map = position.allocations[dimension];
    const sum = usableAllocationSum(map);
    if (map === null || sum === 0) {
      unclassified.add(position.symbol);
      cents.set(UNCLASSIFIED_KEY, (cents.get(UNCLASSIFIED_KEY) ?? 0) + position.cents);
      continue;
    }
    for (const key of Object.keys(map)) {
      const weight = map[key];
      if (weight) cents.set(key, (cents.get(key) ?? 0) + (position.cents * weight) / sum);
    }
  }
  if (includeCash) {
    cents.set(CASH_KEY, (cents.get(CASH_KEY) ?? 0) + Math.round(valuation.cash.value * 100));
  }

  const entries = [...cents.entries()].filter(([, amount]) => amount > 0);
  entries.sort(([keyA, a], [keyB, b]) => b - a || keyA.localeCompare(keyB));
  const amounts = entries.map(([, amount]) => amount);
  const percents = roundPercentages(amounts, 2);
  let totalCents = 0;
  for (const amount of amounts) totalCents += amount;
  return {
    dimension,
    total: Math.round(totalCents) / 100,
    buckets: entries.map(([key, amount], index) => ({
      key,
      value: Math.round(amount) / 100,
      percent: percents[index] ?? 0,
    })),
    unclassified: [...unclassified].sort(),
  };
}
