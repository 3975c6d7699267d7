import { label, listOf, money, percent } from './format.ts';
import {
  DRIFT_THRESHOLD,
  type Finding,
  type PortfolioAnalysis,
  type TargetRow,
} from './portfolio-analysis.ts';

/** Fewest recommendations a report carries. */
export const MIN_RECOMMENDATIONS = 5;
/** Most recommendations a report carries. */
export const MAX_RECOMMENDATIONS = 7;

function assetClassAdvice(row: TargetRow): string {
  const name = `**${label(row.key)}**`;
  if (row.trade_value > 0) {
    return `Raise ${name} from ${percent(row.current_percent)} to your ${percent(row.target_percent)} target: buy about ${money(row.trade_value)}, using cash and new contributions first so nothing has to be sold.`;
  }
  const target =
    row.target_percent === 0
      ? 'which your targets do not include'
      : `against your ${percent(row.target_percent)} target`;
  return `Trim ${name}, now ${percent(row.current_percent)} ${target}: sell about ${money(-row.trade_value)} and move it to your underweight asset classes.`;
}

function regionAdvice(rows: TargetRow[]): string {
  const under = rows.filter((r) => r.trade_value > 0);
  const over = rows.filter((r) => r.trade_value < 0);
  const buys = under.map(
    (r) =>
      `${label(r.key)} (${percent(r.current_percent)} vs ${percent(r.target_percent)}, about ${money(r.trade_value)})`,
  );
  const sells = over.map(
    (r) => `${label(r.key)} (${percent(r.current_percent)} vs ${percent(r.target_percent)})`,
  );
  const parts = [
    buys.length > 0 ? `add to ${listOf(buys)}` : '',
    sells.length > 0 ? `reduce ${listOf(sells)}` : '',
  ];
  return `Move toward your region targets: ${parts.filter((p) => p !== '').join('; ')}.`;
}

function adviceFor(finding: Finding, analysis: PortfolioAnalysis): string | undefined {
  const limits = analysis.thresholds;
  switch (finding.kind) {
    case 'asset_class_drift':
      return assetClassAdvice(finding.row);
    case 'region_drift':
      return undefined; // all region rows become one recommendation
    case 'holding_concentration':
      return `Reduce reliance on **${finding.symbol}**: at ${money(finding.value)} it is ${percent(finding.percent)} of the portfolio, over your ${percent(limits.holding_percent)} limit for one holding, unless it is a broad index fund you intend as your core.`;
    case 'sector_concentration':
      return `Watch **${label(finding.sector)}** exposure: ${percent(finding.percent)} of invested value sits in one sector, over your ${percent(limits.sector_percent)} limit; a sector downturn would hit the whole portfolio.`;
    case 'cash_drag':
      return `Put idle cash to work: ${money(finding.value)} (${percent(finding.percent)} of the portfolio) is in cash; keep an emergency reserve and invest the rest toward your underweight targets.`;
    case 'unclassified':
      return `Get ${listOf(finding.symbols)} classified: without asset-class, region and sector data ${finding.symbols.length === 1 ? 'it' : 'they'} cannot be measured against your targets. Check the symbol, or enter its price and class yourself on the Portfolio page ("Enter price and class").`;
    case 'risk_check':
      return `${finding.title}: ${finding.message} Review it on the dashboard's risk checks.`;
    case 'unpriced':
      return `Add current prices for ${listOf(finding.symbols)} on the Portfolio page ("Enter price and class"): until then ${finding.symbols.length === 1 ? 'it is' : 'they are'} valued at $0.00, so every total and percentage here understates ${finding.symbols.length === 1 ? 'it' : 'them'}.`;
  }
}

/** Concrete, general steps that still use the user's numbers, for portfolios with few findings. */
function standingAdvice(analysis: PortfolioAnalysis): string[] {
  const worst = analysis.vs_targets.asset_class.find((r) => r.key !== 'cash');
  const gap =
    worst === undefined
      ? 'no asset class is off target'
      : `the largest gap now is ${label(worst.key)} at ${Math.abs(worst.drift_points)} points`;
  const under = analysis.vs_targets.asset_class.find((r) => r.trade_value > 0 && r.key !== 'cash');
  const { years_until_retirement: years, target_retirement_income: income } = analysis.user;
  const band = analysis.thresholds.drift_points || DRIFT_THRESHOLD;
  return [
    `Rebalance on a ${band}-point band: check at least once a year and whenever an asset class moves ${band} points from target (${gap}).`,
    under === undefined
      ? 'Direct new contributions in proportion to your targets, so the mix stays on target without selling.'
      : `Direct new contributions to **${label(under.key)}** until it reaches ${percent(under.target_percent)}; rebalancing with new money avoids realising taxable gains.`,
    `Keep the retirement plan on track: ${years} years to retirement and an income goal of ${money(income)} a year. Compare the retirement projection in this analysis with that goal and raise contributions if it falls short.`,
    `Revisit your targets as retirement approaches: with ${years} years to go, review the equity share every few years and move gradually toward income-producing assets.`,
    'Prefer broad, low-cost index funds for any new purchases, and hold bond funds in tax-advantaged accounts where you can.',
  ];
}

/** The recommendations, and how many of them come from findings rather than standing advice. */
export interface Recommendations {
  items: string[];
  fromFindings: number;
}

/** 5 to 7 recommendations from the findings, most pressing first, topped up with standing advice. */
export function recommendationsFor(analysis: PortfolioAnalysis): Recommendations {
  const fromFindings = analysis.findings.flatMap((f) => adviceFor(f, analysis) ?? []);
  const regionRows = analysis.findings.flatMap((f) => (f.kind === 'region_drift' ? [f.row] : []));
  if (regionRows.length > 0)
    fromFindings.splice(Math.min(fromFindings.length, 1), 0, regionAdvice(regionRows));
  const items = fromFindings.slice(0, MAX_RECOMMENDATIONS);
  const count = items.length;
  for (const advice of standingAdvice(analysis)) if (items.length < MIN_RECOMMENDATIONS) items.push(advice);
  return { items, fromFindings: count };
}
