import { centsToNumber, multiplyToCents, parseDecimal } from './decimal.ts';
import { assetClassDrift, type Drift, regionDrift, type Targets } from './drift.ts';
import { CASH_KEY } from './keys.ts';
import { splitGap } from './rebalance-split.ts';
import { roundPercentages } from './rounding.ts';
import {
  isUsableAllocation,
  type PortfolioValuation,
  type PositionValuation,
  usableAllocationSum,
} from './valuation.ts';

/** Instrument types that trade in fractions (mutual funds price once a day and sell any amount). */
const FRACTIONAL_TYPES = new Set(['mutual_fund']);
/** Decimal places of a fractional trade (fund companies settle to thousandths of a share). */
const FRACTION_PLACES = 3;

/** Whether an instrument of this type trades only in whole shares (unknown types are assumed to). */
export function tradesInWholeShares(instrumentType: string | null | undefined): boolean {
  return !FRACTIONAL_TYPES.has(instrumentType ?? '');
}

/** A holding Alex could buy where the portfolio has none of an asset class (the API picks it). */
export interface NewHoldingCandidate {
  symbol: string;
  price: string;
  wholeShares: boolean;
}

/** What {@link planRebalance} needs besides the valuation. */
export interface RebalanceOptions {
  assetClassTargets: Targets;
  regionTargets: Targets;
  /** Whether a symbol trades only in whole shares; default: every symbol does. */
  wholeShares?: (symbol: string) => boolean;
  /** An instrument to buy per asset class the portfolio does not hold yet. */
  candidates?: Readonly<Partial<Record<string, NewHoldingCandidate>>>;
}

/** One trade in one account: shares to buy or sell and what they cost or raise. */
export interface HoldingTrade {
  accountId: string;
  accountName: string;
  symbol: string;
  /** The asset class this holding is traded as (its largest). */
  assetClass: string;
  action: 'buy' | 'sell';
  /** Shares, a positive decimal string: whole for ETFs and stocks, up to 3 places for mutual funds. */
  shares: string;
  price: string;
  /** Dollars, signed: positive is spent (buy), negative is raised (sell). */
  value: number;
  wholeShares: boolean;
  /** True when the account does not hold the symbol yet. */
  newHolding: boolean;
}

/** A holding the plan leaves alone, and why. */
export interface HeldAside {
  accountName: string;
  symbol: string;
  /** Its value, or null when it has no price. */
  value: number | null;
  reason: 'unpriced' | 'unclassified';
}

/** Money the targets ask for that no trade could place (an asset class with nothing to buy). */
export interface Unplaced {
  assetClass: string;
  /** Dollars, signed as a trade: positive would be bought, negative sold. */
  value: number;
}

/** One account's cash before and after the trades in it. */
export interface AccountCash {
  accountId: string;
  accountName: string;
  before: number;
  change: number;
  after: number;
}

/** The trades that move a portfolio to its targets, and where the money comes from. */
export interface RebalancePlan {
  /** Value of everything, including holdings the plan leaves alone. */
  total: number;
  /** Value the asset-class targets are applied to: cash plus priced, classified holdings. */
  basis: number;
  drift: { asset_class: Drift; region: Drift };
  trades: HoldingTrade[];
  /** Cash across all accounts: before, change (= −sum of trades, so trades and cash net to zero), after. */
  cash: { before: number; change: number; after: number };
  accounts: AccountCash[];
  heldAside: HeldAside[];
  unplaced: Unplaced[];
  /** The asset-class mix of the basis once the trades are done, in percent. */
  after: { key: string; percent: number; targetPercent: number }[];
}

interface Tradable {
  position: PositionValuation;
  accountName: string;
  assetClass: string;
  /** The holding's weight in its own asset class, 0–1. */
  weight: number;
}

/** The largest asset class of a usable map (ties: alphabetical) and its share of the map. */
function dominantClass(map: Readonly<Partial<Record<string, number>>>): { key: string; weight: number } {
  let sum = 0;
  let best: [string, number] = ['', -1];
  for (const [key, weight = 0] of Object.entries(map)) {
    sum += weight;
    if (weight > best[1] || (weight === best[1] && key < best[0])) best = [key, weight];
  }
  return { key: best[0], weight: sum > 0 ? best[1] / sum : 0 };
}

/** Shares worth about `cents`, to the nearest whole share or thousandth. */
function sharesFor(cents: number, price: string, whole: boolean): string {
  const { units, scale } = parseDecimal(price, 'price');
  if (units <= 0n) return '0';
  const places = whole ? 0 : FRACTION_PLACES;
  // shares = cents / 100 / (units / 10^scale), kept in 10^-places units.
  const numerator = BigInt(Math.abs(Math.round(cents))) * 10n ** BigInt(scale + places);
  const divisor = units * 100n;
  const scaled = (numerator + divisor / 2n) / divisor;
  if (places === 0) return scaled.toString();
  const digits = scaled.toString().padStart(places + 1, '0');
  return `${digits.slice(0, -places)}.${digits.slice(-places)}`.replace(/\.?0+$/, '') || '0';
}

/**
 * Plans the trades from a portfolio to its asset-class targets. Each asset class's dollar gap is
 * split over the holdings traded as that class, in proportion to their value and steered by the
 * region targets (buy where regions are under weight, sell where over); amounts become the
 * nearest whole shares (thousandths for mutual funds), never more than held, with purchases trimmed
 * when they would spend more cash than there is; cash takes the difference, so the trades
 * and the cash change always net to zero. Unpriced or unclassified holdings are left alone and
 * listed; an asset class with nothing to buy is bought through `candidates` or listed as unplaced.
 */
export function planRebalance(valuation: PortfolioValuation, options: RebalanceOptions): RebalancePlan {
  const wholeShares = options.wholeShares ?? (() => true);
  const accountNames = new Map(valuation.accounts.map((a) => [a.id, a.name]));
  const heldAside: HeldAside[] = [];
  const tradable: Tradable[] = [];
  for (const position of valuation.positions) {
    const accountName = accountNames.get(position.accountId) ?? '';
    const map = position.allocations.asset_class;
    if (position.price === null) {
      heldAside.push({ accountName, symbol: position.symbol, value: null, reason: 'unpriced' });
    } else if (!isUsableAllocation(map)) {
      heldAside.push({ accountName, symbol: position.symbol, value: position.value, reason: 'unclassified' });
    } else {
      const { key, weight } = dominantClass(map);
      tradable.push({ position, accountName, assetClass: key, weight });
    }
  }

  const drift = {
    asset_class: assetClassDrift(valuation, options.assetClassTargets),
    region: regionDrift(valuation, options.regionTargets),
  };
  const trades: HoldingTrade[] = [];
  const unplaced: Unplaced[] = [];
  const largestAccount = [...valuation.accounts].sort((a, b) => b.total.value - a.total.value)[0];

  for (const row of drift.asset_class.rows) {
    const gapCents = Math.round(row.tradeValue * 100);
    if (row.key === CASH_KEY || gapCents === 0) continue;
    const holders = tradable.filter(
      (t) => t.assetClass === row.key && (gapCents > 0 || t.position.cents > 0),
    );
    // Buying or selling a holding moves its class by its weight in that class.
    const reach = holders.reduce((sum, t) => sum + t.position.cents * t.weight, 0);
    const candidate = options.candidates?.[row.key];
    if (holders.length === 0 || reach <= 0) {
      if (gapCents > 0 && candidate && largestAccount) {
        const shares = sharesFor(gapCents, candidate.price, candidate.wholeShares);
        const cents = Number(multiplyToCents(shares, candidate.price));
        if (cents > 0) {
          trades.push({
            accountId: largestAccount.id,
            accountName: largestAccount.name,
            symbol: candidate.symbol,
            assetClass: row.key,
            action: 'buy',
            shares,
            price: candidate.price,
            value: centsToNumber(BigInt(cents)),
            wholeShares: candidate.wholeShares,
            newHolding: true,
          });
          continue;
        }
      }
      unplaced.push({ assetClass: row.key, value: row.tradeValue });
      continue;
    }
    const split = splitGap(
      gapCents,
      holders.map((h) => ({
        cents: h.position.cents,
        weight: h.weight,
        regions: h.position.allocations.regions,
      })),
      drift.region,
      options.regionTargets,
    );
    for (const [index, holder] of holders.entries()) {
      const { position } = holder;
      const price = position.price ?? '0';
      const cents = split[index] ?? 0;
      const whole = wholeShares(position.symbol);
      let shares = sharesFor(cents, price, whole);
      // Never sell more shares than are held (rounding could otherwise reach past the position).
      if (cents < 0 && parseFloat(shares) > parseFloat(position.quantity)) shares = position.quantity;
      if (parseFloat(shares) === 0) continue;
      const value = Number(multiplyToCents(shares, price));
      trades.push({
        accountId: position.accountId,
        accountName: holder.accountName,
        symbol: position.symbol,
        assetClass: holder.assetClass,
        action: cents > 0 ? 'buy' : 'sell',
        shares,
        price,
        value: centsToNumber(BigInt(cents > 0 ? value : -value)),
        wholeShares: whole,
        newHolding: false,
      });
    }
  }

  keepCashNonNegative(trades, Math.round(valuation.cash.value * 100));
  return summarise(valuation, drift, trades, heldAside, unplaced, tradable, options.assetClassTargets);
}

/** Rounding can leave the buys a little over the cash raised: trim the largest buys, share by share. */
function keepCashNonNegative(trades: HoldingTrade[], cashCents: number): void {
  const spent = () => trades.reduce((sum, t) => sum + Math.round(t.value * 100), 0);
  let over = spent() - cashCents;
  while (over > 0) {
    const buy = trades.filter((t) => t.action === 'buy').sort((a, b) => b.value - a.value)[0];
    if (!buy) return;
    // Work in the trade's smallest step (a share, or a thousandth), dropping at least one step.
    const step = buy.wholeShares ? 1 : 10 ** FRACTION_PLACES;
    const stepCents = Math.max(1, Number(multiplyToCents('1', buy.price)) / step);
    const held = Math.round(parseFloat(buy.shares) * step);
    const left = held - Math.max(1, Math.ceil(over / stepCents));
    if (left <= 0) trades.splice(trades.indexOf(buy), 1);
    else {
      buy.shares = buy.wholeShares
        ? String(left)
        : (left / step).toFixed(FRACTION_PLACES).replace(/\.?0+$/, '');
      buy.value = centsToNumber(multiplyToCents(buy.shares, buy.price));
    }
    over = spent() - cashCents;
  }
}

function summarise(
  valuation: PortfolioValuation,
  drift: RebalancePlan['drift'],
  trades: HoldingTrade[],
  heldAside: HeldAside[],
  unplaced: Unplaced[],
  tradable: Tradable[],
  targets: Targets,
): RebalancePlan {
  const tradeCents = trades.reduce((sum, t) => sum + Math.round(t.value * 100), 0);
  const cashBefore = Math.round(valuation.cash.value * 100);
  const accounts = valuation.accounts.map((account): AccountCash => {
    const change = -trades
      .filter((t) => t.accountId === account.id)
      .reduce((sum, t) => sum + Math.round(t.value * 100), 0);
    const before = Math.round(account.cash.value * 100);
    return {
      accountId: account.id,
      accountName: account.name,
      before: before / 100,
      change: change / 100,
      after: (before + change) / 100,
    };
  });

  // The mix after the trades: each tradable holding's value moves by its trades, split by its map.
  const byClass = new Map<string, number>();
  const add = (key: string, cents: number) => byClass.set(key, (byClass.get(key) ?? 0) + cents);
  const moved = new Map<string, number>();
  for (const t of trades) {
    const id = `${t.accountId}\u0000${t.symbol}`;
    moved.set(id, (moved.get(id) ?? 0) + Math.round(t.value * 100));
  }
  for (const { position } of tradable) {
    const id = `${position.accountId}\u0000${position.symbol}`;
    const cents = position.cents + (moved.get(id) ?? 0);
    moved.delete(id);
    spread(position.allocations.asset_class, cents, add);
  }
  for (const t of trades.filter((t) => t.newHolding)) add(t.assetClass, Math.round(t.value * 100));
  add(CASH_KEY, cashBefore - tradeCents);
  const entries = [...byClass.entries()].filter(([, cents]) => cents > 0.5);
  const percents = roundPercentages(
    entries.map(([, cents]) => cents),
    2,
  );
  const keys = new Set([...entries.map(([key]) => key), ...Object.keys(targets)]);
  const after = [...keys]
    .map((key) => {
      const index = entries.findIndex(([k]) => k === key);
      return { key, percent: index < 0 ? 0 : (percents[index] ?? 0), targetPercent: targets[key] ?? 0 };
    })
    .sort((a, b) => b.percent - a.percent || a.key.localeCompare(b.key));

  return {
    total: valuation.total.value,
    basis: drift.asset_class.basis,
    drift,
    trades: trades.sort(
      (a, b) =>
        a.accountName.localeCompare(b.accountName) ||
        (a.action === b.action ? 0 : a.action === 'sell' ? -1 : 1) ||
        Math.abs(b.value) - Math.abs(a.value),
    ),
    cash: { before: cashBefore / 100, change: -tradeCents / 100, after: (cashBefore - tradeCents) / 100 },
    accounts,
    heldAside,
    unplaced,
    after,
  };
}

function spread(
  map: Readonly<Partial<Record<string, number>>> | null,
  cents: number,
  add: (key: string, cents: number) => void,
): void {
  const sum = usableAllocationSum(map);
  if (map === null || sum === 0) return;
  for (const [key, weight] of Object.entries(map)) if (weight) add(key, (cents * weight) / sum);
}
