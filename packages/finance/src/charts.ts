import { type Allocation, type AllocationDimension, allocationBy } from './allocation.ts';
import { colorFor } from './colors.ts';
import { OTHER_KEY } from './keys.ts';
import { labelFor } from './labels.ts';
import { roundPercentages, roundTo } from './rounding.ts';
import type { PortfolioValuation } from './valuation.ts';

/** Chart kinds the SPA draws with Recharts. */
export type ChartType = 'pie' | 'donut' | 'bar' | 'horizontalBar';

/** One slice or bar: a label, a value (a percentage for allocation charts) and a `#RRGGBB` colour. */
export interface ChartPoint {
  name: string;
  value: number;
  color: string;
}

/** A Recharts-ready chart, structurally the database's `Chart`. */
export interface Chart {
  key: string;
  title: string;
  type: ChartType;
  description: string;
  data: ChartPoint[];
}

/** The database caps a chart at 50 points; longer lists keep 49 and fold the rest into 'Other'. */
const MAX_POINTS = 50;

/** Default number of holdings named in the top-holdings chart. */
export const TOP_HOLDINGS_LIMIT = 10;

interface Slice {
  key: string;
  name: string;
  amount: number;
}

/** Keeps the `limit` largest slices and folds the rest into one 'Other' slice. */
function topWithOther(slices: readonly Slice[], limit: number): Slice[] {
  const sorted = [...slices].sort((a, b) => b.amount - a.amount || a.name.localeCompare(b.name));
  if (sorted.length <= limit) return sorted;
  const rest = sorted.slice(limit).reduce((sum, slice) => sum + slice.amount, 0);
  return [...sorted.slice(0, limit), { key: OTHER_KEY, name: labelFor(OTHER_KEY), amount: rest }];
}

/** Slices as percentage points that sum to 100 (1 decimal, largest remainder). */
function percentPoints(slices: readonly Slice[]): ChartPoint[] {
  const percents = roundPercentages(
    slices.map((slice) => slice.amount),
    1,
  );
  return slices.map((slice, index) => ({
    name: slice.name,
    value: percents[index] ?? 0,
    color: colorFor(slice.key),
  }));
}

// Fixed titles (never built from the figures); the description states the basis. Cash is an asset
// class, not a region or a sector, so those two charts measure invested assets only, as the report does.
const ALLOCATION_CHARTS: Record<
  AllocationDimension,
  { key: string; title: string; type: ChartType; what: string; basis: 'total' | 'invested' }
> = {
  asset_class: {
    key: 'asset_class',
    title: 'Asset allocation',
    type: 'donut',
    what: 'asset class',
    basis: 'total',
  },
  regions: { key: 'regions', title: 'Geographic exposure', type: 'pie', what: 'region', basis: 'invested' },
  sectors: {
    key: 'sectors',
    title: 'Sector breakdown',
    type: 'horizontalBar',
    what: 'sector',
    basis: 'invested',
  },
};

/** What an allocation chart's percentages are of, in words. */
function basisText(basis: 'total' | 'invested', what: string, cashPercent: number | undefined): string {
  if (basis === 'total') return `Share of total value by ${what}, in percent; account cash counted as cash.`;
  const cash = cashPercent === undefined ? '' : ` (${roundTo(cashPercent, 1)}% of the total value)`;
  return `Share of invested assets by ${what}, in percent; cash${cash} is left out and shows in the asset allocation.`;
}

/**
 * An allocation as a percentage chart, or null when there is nothing to draw. `cashPercent` (cash as
 * a share of the total value) is named in the description of a chart of invested assets.
 */
export function allocationChart(allocation: Allocation, cashPercent?: number): Chart | null {
  const spec = ALLOCATION_CHARTS[allocation.dimension];
  const slices = allocation.buckets.map((bucket) => ({
    key: bucket.key,
    name: labelFor(bucket.key),
    amount: bucket.value,
  }));
  if (slices.length === 0) return null;
  const unclassified =
    allocation.unclassified.length > 0
      ? ` Unclassified: ${allocation.unclassified.join(', ')}.`.slice(0, 200)
      : '';
  return {
    key: spec.key,
    title: spec.title,
    type: spec.type,
    description: `${basisText(spec.basis, spec.what, cashPercent)}${unclassified}`,
    data: percentPoints(topWithOther(slices, MAX_POINTS - 1)),
  };
}

/** Asset-class donut (percent of total value). */
export function assetClassChart(valuation: PortfolioValuation): Chart | null {
  return allocationChart(allocationBy(valuation, 'asset_class'));
}

/** Cash as a percentage of the total value (0 for an empty portfolio). */
function cashShare(valuation: PortfolioValuation): number {
  return valuation.total.value > 0 ? (valuation.cash.value / valuation.total.value) * 100 : 0;
}

/** Region pie (percent of invested assets; cash is not a region). */
export function regionChart(valuation: PortfolioValuation): Chart | null {
  return allocationChart(allocationBy(valuation, 'regions', { includeCash: false }), cashShare(valuation));
}

/** Sector bars (percent of invested assets; cash is not a sector). */
export function sectorChart(valuation: PortfolioValuation): Chart | null {
  return allocationChart(allocationBy(valuation, 'sectors', { includeCash: false }), cashShare(valuation));
}

/** Value per account in dollars (not percent), or null without accounts of any value. */
export function accountsChart(valuation: PortfolioValuation): Chart | null {
  const slices = valuation.accounts
    .filter((account) => account.total.value > 0)
    .map((account) => ({ key: account.id, name: account.name.slice(0, 100), amount: account.total.value }));
  if (slices.length === 0) return null;
  return {
    key: 'accounts',
    title: 'Value by account',
    type: 'bar',
    description: 'Total value of each account in US dollars, cash included.',
    data: topWithOther(slices, MAX_POINTS - 1).map((slice) => ({
      name: slice.name,
      value: roundTo(slice.amount, 2),
      color: colorFor(slice.key),
    })),
  };
}

/** The largest holdings (summed across accounts by symbol) as percent of invested value, rest as 'Other'. */
export function topHoldingsChart(valuation: PortfolioValuation, limit = TOP_HOLDINGS_LIMIT): Chart | null {
  const bySymbol = new Map<string, number>();
  for (const position of valuation.positions) {
    bySymbol.set(position.symbol, (bySymbol.get(position.symbol) ?? 0) + position.cents);
  }
  const slices = [...bySymbol.entries()]
    .filter(([, cents]) => cents > 0)
    .map(([symbol, cents]) => ({ key: symbol, name: symbol, amount: cents }));
  if (slices.length === 0) return null;
  const shown = Math.max(1, Math.min(limit, MAX_POINTS - 1, slices.length));
  return {
    key: 'top_holdings',
    title: 'Top holdings',
    type: 'horizontalBar',
    description: `The ${shown} largest holdings as a share of invested assets, in percent (cash left out); the rest as Other.`,
    data: percentPoints(topWithOther(slices, shown)),
  };
}

/** Every portfolio chart that has something to draw: asset class, regions, sectors, accounts, top holdings. */
export function portfolioCharts(valuation: PortfolioValuation): Chart[] {
  return [
    assetClassChart(valuation),
    regionChart(valuation),
    sectorChart(valuation),
    accountsChart(valuation),
    topHoldingsChart(valuation),
  ].filter((chart): chart is Chart => chart !== null);
}
