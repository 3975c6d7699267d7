import type { PortfolioAccount, PortfolioView, ValuedPosition } from '@alex/contract';

/** The portfolio the SPA shows: `GET /api/portfolio`, exactly as the contract describes it. */
export type Portfolio = PortfolioView;
/** An account with its valued positions and its cash, invested and total values. */
export type ValuedAccount = PortfolioAccount;
export type { ValuedPosition };

/** Percentages keyed by allocation key (asset class or region). */
export type AllocationMap = Partial<Record<string, number>>;

/** The current asset-class mix in percent (cash and 'unclassified' included), as the API computed it. */
export function assetClassMix(portfolio: Portfolio): AllocationMap {
  const mix: AllocationMap = {};
  for (const bucket of portfolio.allocations.asset_class.buckets) mix[bucket.key] = bucket.percent;
  return mix;
}
