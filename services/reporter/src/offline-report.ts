import { DISCLAIMER, OFFLINE_LABEL } from '@alex/agents';
import type { MarketInsights } from '@alex/knowledge';
import { label, listOf, money, percent, points, table } from './format.ts';
import type { PortfolioAnalysis, TargetRow } from './portfolio-analysis.ts';
import { recommendationsFor } from './recommendations.ts';

/** The report the offline model writes: every figure from the tool results, nothing invented. */
export interface OfflineReport {
  executive_summary: string;
  report_markdown: string;
}

const targetTable = (rows: TargetRow[]): string =>
  table(
    ['', 'Current', 'Target', 'Gap', 'To reach target'],
    rows.map((r) => [
      label(r.key),
      percent(r.current_percent),
      percent(r.target_percent),
      points(r.drift_points),
      r.trade_value === 0 ? '-' : `${r.trade_value > 0 ? 'buy' : 'sell'} ${money(Math.abs(r.trade_value))}`,
    ]),
  );

function summaryOf(a: PortfolioAnalysis, firstRecommendation: string): string {
  const worst = a.vs_targets.asset_class.find((r) => r.key !== 'cash');
  const gap =
    worst === undefined
      ? 'There are no asset-class targets to compare against.'
      : `The largest gap to your targets is ${label(worst.key)} at ${percent(worst.current_percent)} against ${percent(worst.target_percent)} (${points(worst.drift_points)}).`;
  return [
    `Your portfolio is worth ${money(a.totals.total_value)} across ${a.accounts.length} account${a.accounts.length === 1 ? '' : 's'}, with ${money(a.totals.cash_value)} (${percent(a.totals.cash_percent)}) in cash.`,
    gap,
    `First recommendation: ${firstRecommendation.replaceAll('**', '')}`,
  ].join(' ');
}

function composition(a: PortfolioAnalysis): string {
  const accounts = table(
    ['Account', 'Value', 'Cash'],
    a.accounts.map((x) => [x.name, money(x.total_value), money(x.cash_value)]),
  );
  const top = a.holdings.slice(0, 10);
  const holdings = table(
    ['Symbol', 'Name', 'Value', 'Share of invested'],
    top.map((h) => [h.symbol, h.name, money(h.value), percent(h.percent_of_invested)]),
  );
  return [
    `Total value ${money(a.totals.total_value)}: ${money(a.totals.invested_value)} invested in ${a.holdings_count} holdings and ${money(a.totals.cash_value)} in cash.`,
    accounts,
    `**Asset classes against your targets**\n\n${targetTable(a.vs_targets.asset_class)}`,
    ...(a.vs_targets.asset_class_note === undefined ? [] : [`_${a.vs_targets.asset_class_note}_`]),
    `**Largest holdings**${a.holdings_count > top.length ? ` (top ${top.length} of ${a.holdings_count})` : ''}\n\n${holdings}`,
  ].join('\n\n');
}

function diversification(a: PortfolioAnalysis): string {
  const sectors = a.allocations.sectors.slice(0, 5).map((s) => `${label(s.key)} ${percent(s.percent)}`);
  const largest = a.holdings[0];
  return [
    `**Regions against your targets** (share of invested value)\n\n${targetTable(a.vs_targets.region)}`,
    ...(a.vs_targets.region_note === undefined ? [] : [`_${a.vs_targets.region_note}_`]),
    sectors.length > 0 ? `Largest sectors: ${listOf(sectors)}.` : 'No sector data is available.',
    largest === undefined
      ? 'The portfolio holds no positions yet.'
      : `${a.holdings_count} holdings; the largest, ${largest.symbol}, is ${percent(largest.percent_of_invested)} of invested value.`,
  ].join('\n\n');
}

function risk(a: PortfolioAnalysis, insights: MarketInsights | undefined): string {
  const share = (key: string) => a.allocations.asset_class.find((b) => b.key === key)?.percent ?? 0;
  const lines = [
    `Growth assets (equity ${percent(share('equity'))}, real estate ${percent(share('real_estate'))}, commodities ${percent(share('commodities'))}) set most of the portfolio's ups and downs; fixed income (${percent(share('fixed_income'))}) and cash (${percent(share('cash'))}) cushion them.`,
  ];
  const concentrated = a.findings.filter(
    (f) => f.kind === 'holding_concentration' || f.kind === 'sector_concentration',
  );
  lines.push(
    concentrated.length === 0
      ? `No single holding is above ${percent(a.thresholds.holding_percent)} of the portfolio and no sector above ${percent(a.thresholds.sector_percent)} of invested value.`
      : `Concentration: ${listOf(concentrated.map((f) => (f.kind === 'holding_concentration' ? `${f.symbol} ${percent(f.percent)}` : f.kind === 'sector_concentration' ? `${label(f.sector)} ${percent(f.percent)}` : '')))}.`,
  );
  const failing = a.risk_checks.filter((c) => c.status === 'fail');
  const off = a.risk_checks.filter((c) => c.status === 'off');
  lines.push(
    [
      `**Risk checks** (the same as on your dashboard): ${a.risk_checks.length - failing.length - off.length} of ${a.risk_checks.length} pass.`,
      ...failing.map((c) => `- ${c.title}: ${c.message}`),
      off.length > 0 ? `Switched off: ${listOf(off.map((c) => c.title))}.` : '',
    ]
      .filter((line) => line !== '')
      .join('\n'),
  );
  // One entry per symbol, naming everything it lacks.
  const unpriced = new Set(a.data_gaps.unpriced);
  const unclassified = new Set(a.data_gaps.unclassified);
  const gaps = [...new Set([...unpriced, ...unclassified])].map((s) =>
    unpriced.has(s) && unclassified.has(s)
      ? `${s} (no price and no classification)`
      : unpriced.has(s)
        ? `${s} (no price)`
        : `${s} (no classification)`,
  );
  if (gaps.length > 0) lines.push(`Data gaps limit this analysis: ${listOf(gaps)}.`);
  if (insights === undefined) {
    lines.push('Market insights were not requested: the portfolio holds no positions to research.');
  } else if (!insights.available) {
    lines.push(`Market insights were unavailable for this report (${insights.reason}).`);
  } else if (insights.insights.length > 0) {
    lines.push(
      `**Market context**\n\n${insights.insights.map((i) => `- _${i.title}_ (${i.source}): ${excerpt(i.text)}`).join('\n')}`,
    );
  }
  return lines.join('\n\n');
}

function readiness(a: PortfolioAnalysis): string {
  const { years_until_retirement: years, target_retirement_income: income } = a.user;
  const multiple = income > 0 ? (a.totals.total_value / income).toFixed(1) : undefined;
  return [
    `You plan to retire in ${years} years with an income of ${money(income)} a year (today's dollars).`,
    multiple === undefined ? '' : `Today's portfolio is ${multiple} times that annual income.`,
    'The retirement projection in this analysis simulates contributions, market returns and withdrawals to estimate how likely that income is to last.',
  ]
    .filter((s) => s !== '')
    .join(' ');
}

function conclusion(fromFindings: number): string {
  if (fromFindings === 0) {
    return 'The portfolio sits within your targets: keep contributing, and rebalance when an asset class leaves the band.';
  }
  const first =
    fromFindings === 1
      ? 'the first recommendation closes'
      : `the first ${Math.min(fromFindings, 3)} recommendations close`;
  return `The portfolio is off your targets in ${fromFindings} respect${fromFindings === 1 ? '' : 's'}; ${first} most of the gap. Run a new analysis after rebalancing.`;
}

/** The first sentences of a passage, at most `limit` characters, ending on a sentence or an ellipsis. */
function excerpt(text: string, limit = 300): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= limit) return flat;
  const cut = flat.slice(0, limit);
  const end = cut.lastIndexOf('. ');
  return end > limit / 3 ? cut.slice(0, end + 1) : `${cut.slice(0, cut.lastIndexOf(' '))}…`;
}

/** Writes the whole report from the two tool results. */
export function writeOfflineReport(
  a: PortfolioAnalysis,
  insights: MarketInsights | undefined,
): OfflineReport {
  const { items: recommendations, fromFindings } = recommendationsFor(a);
  const summary = summaryOf(a, recommendations[0] ?? '');
  const name = a.user.name ?? 'your portfolio';
  const markdown = [
    OFFLINE_LABEL,
    `# Portfolio Analysis Report: ${name}`,
    `## Executive Summary\n\n${summary}`,
    `## Portfolio Composition\n\n${composition(a)}`,
    `## Diversification Analysis\n\n${diversification(a)}`,
    `## Risk Assessment\n\n${risk(a, insights)}`,
    `## Retirement Readiness\n\n${readiness(a)}`,
    `## Recommendations\n\n${recommendations.map((r, i) => `${i + 1}. ${r}`).join('\n')}`,
    `## Conclusion\n\n${conclusion(fromFindings)}`,
    `---\n\n_${DISCLAIMER}_`,
  ].join('\n\n');
  return { executive_summary: `${OFFLINE_LABEL}\n\n${summary}`, report_markdown: markdown };
}
