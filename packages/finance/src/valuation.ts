import { centsToNumber, centsToString, multiplyToCents, toCents } from './decimal.ts';

/** Percentages keyed by allocation key, or null when the instrument has not been classified. */
export type AllocationMap = Readonly<Partial<Record<string, number>>> | null;

/** A position as the database returns it: decimal strings, the instrument's price and allocations. */
export interface PositionInput {
  symbol: string;
  quantity: string;
  price: string | null;
  allocation_asset_class: AllocationMap;
  allocation_regions: AllocationMap;
  allocation_sectors: AllocationMap;
}

/** An account with its uninvested cash and its positions. */
export interface AccountInput {
  id: string;
  account_name: string;
  cash_balance: string;
  positions: readonly PositionInput[];
}

/**
 * Money in a valuation: `value` is dollars as a number (exact to the cent, for charts and maths),
 * `valueText` the same amount as a two-place decimal string (for storage and the API).
 */
export interface Money {
  value: number;
  valueText: string;
}

/** One valued position. An unpriced position is worth 0 and listed in `unpriced`, never guessed. */
export interface PositionValuation extends Money {
  accountId: string;
  symbol: string;
  quantity: string;
  price: string | null;
  /** Exact value in whole cents (a safe integer), so later sums stay exact. */
  cents: number;
  allocations: {
    asset_class: AllocationMap;
    regions: AllocationMap;
    sectors: AllocationMap;
  };
}

/** One valued account: cash, invested value and their sum. */
export interface AccountValuation {
  id: string;
  name: string;
  cash: Money;
  invested: Money;
  total: Money;
}

/** A whole portfolio, valued exactly: every total is a sum of cents rounded per position. */
export interface PortfolioValuation {
  total: Money;
  cash: Money;
  invested: Money;
  accounts: AccountValuation[];
  positions: PositionValuation[];
  /** Symbols held without a current price (valued at 0). */
  unpriced: string[];
  /** Symbols missing a usable asset-class, region or sector allocation. */
  unclassified: string[];
}

/** Cents as the {@link Money} pair. */
export function money(cents: bigint): Money {
  return { value: centsToNumber(cents), valueText: centsToString(cents) };
}

/** Whether an allocation map can be used: non-empty, finite non-negative entries, positive sum. */
export function isUsableAllocation(map: AllocationMap): map is Readonly<Partial<Record<string, number>>> {
  return usableAllocationSum(map) > 0;
}

/**
 * The sum of an allocation map's weights, which each weight is a share of; 0 when the map cannot be
 * used (see {@link isUsableAllocation}).
 */
export function usableAllocationSum(map: AllocationMap): number {
  if (map === null) return 0;
  let sum = 0;
  for (const weight of Object.values(map)) {
    if (weight === undefined) continue;
    if (!Number.isFinite(weight) || weight < 0) return 0;
    sum += weight;
  }
  return sum;
}

/**
 * Values a portfolio: each position is quantity × price rounded once to cents, each account is the
 * sum of its positions' cents plus its cash, the total is the sum of the accounts.
 */
export function valuePortfolio(accounts: readonly AccountInput[]): PortfolioValuation {
  const positions: PositionValuation[] = [];
  const accountValuations: AccountValuation[] = [];
  const unpriced = new Set<string>();
  const unclassified = new Set<string>();
  let totalCash = 0n;
  let totalInvested = 0n;

  for (const account of accounts) {
    const cash = toCents(account.cash_balance, `${account.account_name} cash_balance`);
    let invested = 0n;
    for (const position of account.positions) {
      const label = `${account.account_name} ${position.symbol}`;
      const cents =
        position.price === null
          ? 0n
          : multiplyToCents(position.quantity, position.price, [`${label} quantity`, `${label} price`]);
      if (position.price === null) unpriced.add(position.symbol);
      const allocations = {
        asset_class: position.allocation_asset_class,
        regions: position.allocation_regions,
        sectors: position.allocation_sectors,
      };
      if (!Object.values(allocations).every(isUsableAllocation)) unclassified.add(position.symbol);
      invested += cents;
      positions.push({
        accountId: account.id,
        symbol: position.symbol,
        quantity: position.quantity,
        price: position.price,
        cents: Number(cents),
        ...money(cents),
        allocations,
      });
    }
    totalCash += cash;
    totalInvested += invested;
    accountValuations.push({
      id: account.id,
      name: account.account_name,
      cash: money(cash),
      invested: money(invested),
      total: money(cash + invested),
    });
  }

  return {
    total: money(totalCash + totalInvested),
    cash: money(totalCash),
    invested: money(totalInvested),
    accounts: accountValuations,
    positions,
    unpriced: [...unpriced].sort(),
    unclassified: [...unclassified].sort(),
  };
}
