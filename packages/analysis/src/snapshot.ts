import type { AnalysisSnapshot } from '@alex/database';
import type { PortfolioFacts } from './facts.ts';

/** The figures of a portfolio an analysis is compared on later (report history): totals, mixes, failing checks. */
export function analysisSnapshot(facts: PortfolioFacts): AnalysisSnapshot {
  const { valuation, allocations } = facts;
  const shares = (key: 'asset_class' | 'regions') =>
    allocations[key].buckets.map((b) => ({ key: b.key, percent: b.percent }));
  return {
    total_value: valuation.total.value,
    invested_value: valuation.invested.value,
    cash_value: valuation.cash.value,
    asset_class: shares('asset_class'),
    regions: shares('regions'),
    failing_checks: facts.risk_checks.filter((c) => c.status === 'fail').map((c) => c.title),
  };
}
