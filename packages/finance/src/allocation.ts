import { CASH_KEY, UNCLASSIFIED_KEY } from './keys.ts';
import { roundPercentages } from './rounding.ts';
import { isUsableAllocation, type PortfolioValuation } from './valuation.ts';

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
  const cents = new Map<string, number>();
  const add = (key: string, amount: number) => cents.set(key, (cents.get(key) ?? 0) + amount);
  const unclassified = new Set<string>();

  for (const position of valuation.positions) {
    const map = position.allocations[dimension];
    if (!isUsableAllocation(map)) {
      unclassified.add(position.symbol);
      add(UNCLASSIFIED_KEY, position.cents);
      continue;
    }
    let sum = 0;
    for (const weight of Object.values(map)) sum += weight ?? 0;
    for (const [key, weight] of Object.entries(map)) {
      if (weight) add(key, (position.cents * weight) / sum);
    }
  }
  const cashCents = Math.round(valuation.cash.value * 100);
  if (options.includeCash !== false) add(CASH_KEY, cashCents);

  const entries = [...cents.entries()].filter(([, amount]) => amount > 0);
  entries.sort(([keyA, a], [keyB, b]) => b - a || keyA.localeCompare(keyB));
  const percents = roundPercentages(
    entries.map(([, amount]) => amount),
    2,
  );
  const totalCents = entries.reduce((sum, [, amount]) => sum + amount, 0);
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
