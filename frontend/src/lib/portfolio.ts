import type { Account, AllocationMap, Instrument, Position, Totals } from '../api/types.ts';
import { multiplyToMoney, sumMoney } from './decimal.ts';

/** A position with its instrument and value (quantity × price, exact to the cent; null when unpriced). */
export interface ValuedPosition extends Position {
  instrument: Instrument | null;
  value: string | null;
}

/** An account with its valued positions and totals. */
export interface ValuedAccount extends Account {
  positions: ValuedPosition[];
  totals: Totals;
}

/** The whole portfolio the SPA shows: accounts, positions and totals as decimal strings. */
export interface Portfolio {
  accounts: ValuedAccount[];
  totals: Totals;
  /** The API's asset-class split in percent (cash and 'unclassified' included), when it sends one. */
  assetClassAllocation: AllocationMap | null;
  /** Symbols held without a price (valued at 0) and without a classification, as the API reports. */
  unpriced: string[];
  unclassified: string[];
}

type Raw = Record<string, unknown>;

const asRecord = (value: unknown): Raw => (value && typeof value === 'object' ? (value as Raw) : {});
const asString = (value: unknown): string | null =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;

/** The first decimal string among `keys`, looking inside `{valueText}`/`{value}` objects too. */
function pick(record: Raw, keys: readonly string[]): string | null {
  for (const key of keys) {
    const value = record[key];
    const direct = asString(value);
    if (direct !== null) return direct;
    if (value && typeof value === 'object') {
      const nested = asString((value as Raw).valueText) ?? asString((value as Raw).value);
      if (nested !== null) return nested;
    }
  }
  return null;
}

function readTotals(record: Raw, fallback: Totals): Totals {
  const totals = asRecord(record.totals ?? record.valuation);
  return {
    cash: pick(totals, ['cash']) ?? pick(record, ['total_cash', 'cash_value']) ?? fallback.cash,
    invested: pick(totals, ['invested']) ?? pick(record, ['invested_value']) ?? fallback.invested,
    total: pick(totals, ['total', 'value']) ?? pick(record, ['total_value']) ?? fallback.total,
  };
}

function readPosition(raw: unknown): ValuedPosition {
  const record = asRecord(raw);
  const position = record as unknown as Position;
  const instrument = (record.instrument as Instrument | null | undefined) ?? null;
  const price = pick(record, ['price', 'current_price']) ?? instrument?.current_price ?? null;
  const value =
    pick(record, ['value', 'market_value', 'value_text']) ??
    (price === null ? null : multiplyToMoney(position.quantity, price));
  return { ...position, instrument: instrument ? { ...instrument, current_price: price } : null, value };
}

/**
 * Reads `GET /api/portfolio` into {@link Portfolio}. Totals the API sends are used as they are;
 * any it leaves out are summed exactly from the decimal strings, never with floats.
 */
export function readPortfolio(raw: unknown): Portfolio {
  const record = asRecord(raw);
  const rawAccounts = Array.isArray(record.accounts) ? record.accounts : [];
  const accounts = rawAccounts.map((rawAccount): ValuedAccount => {
    const account = asRecord(rawAccount);
    const positions = (Array.isArray(account.positions) ? account.positions : []).map(readPosition);
    const cash = asString(account.cash_balance) ?? '0';
    const invested = sumMoney(positions.map((p) => p.value ?? '0'));
    const totals = readTotals(account, { cash, invested, total: sumMoney([cash, invested]) });
    return { ...(account as unknown as Account), positions, totals };
  });
  const cash = sumMoney(accounts.map((a) => a.totals.cash));
  const invested = sumMoney(accounts.map((a) => a.totals.invested));
  return {
    accounts,
    totals: readTotals(record, { cash, invested, total: sumMoney([cash, invested]) }),
    assetClassAllocation: readBuckets(asRecord(record.allocations).asset_class),
    unpriced: strings(record.unpriced),
    unclassified: strings(record.unclassified),
  };
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string') : [];

/** `{buckets: [{key, percent}]}` (the finance package's allocation) as a percentage map. */
function readBuckets(allocation: unknown): AllocationMap | null {
  const buckets = asRecord(allocation).buckets;
  if (!Array.isArray(buckets)) return null;
  const map: AllocationMap = {};
  for (const bucket of buckets) {
    const { key, percent } = asRecord(bucket);
    if (typeof key === 'string' && typeof percent === 'number') map[key] = percent;
  }
  return map;
}

/**
 * Current asset-class mix in percent: the API's when it sends one; otherwise each position's value
 * spread over its instrument's allocation, plus uninvested cash as `cash`. For display only.
 */
export function assetClassMix(portfolio: Portfolio): AllocationMap {
  if (portfolio.assetClassAllocation) return portfolio.assetClassAllocation;
  const weights: Record<string, number> = {};
  let total = 0;
  const add = (key: string, amount: number) => {
    weights[key] = (weights[key] ?? 0) + amount;
    total += amount;
  };
  for (const account of portfolio.accounts) {
    add('cash', Number(account.totals.cash));
    for (const position of account.positions) {
      const value = Number(position.value ?? 0);
      const allocation = position.instrument?.allocation_asset_class;
      if (!allocation || value <= 0) continue;
      for (const [key, pct] of Object.entries(allocation)) add(key, (value * (pct ?? 0)) / 100);
    }
  }
  if (total <= 0) return {};
  const mix: AllocationMap = {};
  for (const [key, weight] of Object.entries(weights)) if (weight > 0) mix[key] = (weight / total) * 100;
  return mix;
}
