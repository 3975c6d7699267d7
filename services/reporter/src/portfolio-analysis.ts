import type { PortfolioFacts } from '@alex/analysis';
import { type DriftRow, labelFor } from '@alex/finance';
import { escapeMarkdown } from './format.ts';

/** Percentage points from target that call for rebalancing by default (the usual 5-point band). */
export const DRIFT_THRESHOLD = 5;
/** Holdings listed to the model, largest first; the rest are counted in `holdings_count`. */
export const HOLDINGS_SHOWN = 25;

/** One row of current-versus-target, as the model reads it. */
export interface TargetRow {
  key: string;
  current_percent: number;
  target_percent: number;
  /** current − target, in percentage points (positive = overweight). */
  drift_points: number;
  /** Dollars to buy (positive) or sell (negative) to reach the target. */
  trade_value: number;
}

/** A fact worth a recommendation, computed by code so the model and the offline writer agree. */
export type Finding =
  | { kind: 'asset_class_drift' | 'region_drift'; row: TargetRow }
  | { kind: 'holding_concentration'; symbol: string; percent: number; value: number }
  | { kind: 'sector_concentration'; sector: string; percent: number }
  | { kind: 'cash_drag'; percent: number; value: number }
  | { kind: 'unclassified'; symbols: string[] }
  | { kind: 'unpriced'; symbols: string[] }
  | { kind: 'risk_check'; title: string; message: string };

/** One risk check as the model reads it: the same result the dashboard shows. */
export interface RiskCheckFact {
  title: string;
  status: 'pass' | 'fail' | 'off';
  threshold: number;
  unit: string;
  value: number;
  message: string;
}

/** What `get_portfolio_analysis` returns: the computed facts, compact, in the model's terms. */
export interface PortfolioAnalysis {
  user: {
    name: string | null;
    years_until_retirement: number;
    target_retirement_income: number;
    asset_class_targets: Record<string, number>;
    region_targets: Record<string, number>;
  };
  totals: { total_value: number; invested_value: number; cash_value: number; cash_percent: number };
  accounts: { name: string; total_value: number; cash_value: number }[];
  allocations: Record<
    'asset_class' | 'regions' | 'sectors',
    { key: string; percent: number; value: number }[]
  >;
  vs_targets: {
    asset_class: TargetRow[];
    asset_class_note?: string;
    region: TargetRow[];
    region_note?: string;
  };
  holdings: {
    symbol: string;
    name: string;
    type: string | null;
    value: number;
    percent_of_invested: number;
  }[];
  holdings_count: number;
  data_gaps: { unpriced: string[]; unclassified: string[] };
  /** The user's risk checks with their thresholds: findings come from these, so report and dashboard agree. */
  risk_checks: RiskCheckFact[];
  findings: Finding[];
  thresholds: { drift_points: number; holding_percent: number; cash_percent: number; sector_percent: number };
}

const round2 = (n: number): number => Math.round(n * 100) / 100;
const numbers = (targets: Readonly<Partial<Record<string, number>>>): Record<string, number> =>
  Object.fromEntries(Object.entries(targets).filter((e): e is [string, number] => e[1] !== undefined));

const toRow = (row: DriftRow): TargetRow => ({
  key: row.key,
  current_percent: row.currentPercent,
  target_percent: row.targetPercent,
  drift_points: row.drift,
  trade_value: row.tradeValue,
});

/** Region rows against the user's targets, with a note naming regions counted as international. */
function regionRows(facts: PortfolioFacts): { rows: TargetRow[]; note?: string } {
  const { rows, foldedIntoInternational: folded, excluded } = facts.drift.region;
  const notes: string[] = [];
  if (folded?.length) {
    notes.push(
      `Counted as international: ${folded.map(labelFor).join(', ')} (regions your targets do not name).`,
    );
  }
  const aside = excluded.filter((e) => e.key !== 'unclassified');
  if (aside.length > 0) {
    const list = aside.map((e) => `${labelFor(e.key)} $${e.value.toFixed(2)}`).join(', ');
    notes.push(`Left out of the region comparison: ${list} (funds with no regional split of their own).`);
  }
  return notes.length === 0 ? { rows: rows.map(toRow) } : { rows: rows.map(toRow), note: notes.join(' ') };
}

/** Says what the asset-class comparison leaves out (unclassified value), so its trades net to zero. */
function assetClassNote(facts: PortfolioFacts): { asset_class_note?: string } {
  const left = facts.drift.asset_class.excluded;
  if (left.length === 0) return {};
  const list = left.map((e) => `$${e.value.toFixed(2)} (${e.percent}%)`).join(', ');
  return {
    asset_class_note: `Not classified yet and left out of this comparison: ${list}; the percentages and trades cover the rest.`,
  };
}

type Check = PortfolioFacts['risk_checks'][number];

/** The findings, most pressing first: the failing risk checks, in the terms the recommendations use (data gaps before the other checks: they distort every figure). */
function findingsOf(
  analysis: Omit<PortfolioAnalysis, 'findings' | 'thresholds' | 'risk_checks'>,
  checks: readonly Check[],
): Finding[] {
  const failing = (id: Check['id']) => checks.find((c) => c.id === id && c.status === 'fail');
  const findings: Finding[] = [];
  const driftRule = checks.find((c) => c.id === 'asset_class_drift');
  const band = driftRule?.threshold ?? DRIFT_THRESHOLD;
  const beyond = (row: TargetRow) => Math.abs(row.drift_points) > band && row.key !== 'cash';
  if (failing('asset_class_drift')) {
    for (const row of analysis.vs_targets.asset_class.filter(beyond))
      findings.push({ kind: 'asset_class_drift', row });
  }
  // Region targets say where invested money sits: with nothing invested there is nothing to move.
  const invested = analysis.totals.invested_value > 0;
  if (driftRule?.status !== 'off') {
    for (const row of analysis.vs_targets.region.filter((r) => invested && beyond(r))) {
      findings.push({ kind: 'region_drift', row });
    }
  }
  const holdings = failing('holding_concentration');
  for (const symbol of holdings?.subjects ?? []) {
    const h = analysis.holdings.find((x) => x.symbol === symbol);
    const value = h?.value ?? 0;
    const total = analysis.totals.total_value;
    findings.push({
      kind: 'holding_concentration',
      symbol,
      percent: total > 0 ? round2((value / total) * 100) : 0,
      value,
    });
  }
  for (const sector of failing('sector_concentration')?.subjects ?? []) {
    const percent = analysis.allocations.sectors.find((s) => s.key === sector)?.percent ?? 0;
    findings.push({ kind: 'sector_concentration', sector, percent });
  }
  if (failing('cash_drag')) {
    findings.push({
      kind: 'cash_drag',
      percent: analysis.totals.cash_percent,
      value: analysis.totals.cash_value,
    });
  }
  if (failing('data_gaps')) {
    if (analysis.data_gaps.unclassified.length > 0)
      findings.push({ kind: 'unclassified', symbols: analysis.data_gaps.unclassified });
    if (analysis.data_gaps.unpriced.length > 0)
      findings.push({ kind: 'unpriced', symbols: analysis.data_gaps.unpriced });
  }
  for (const id of ['account_concentration', 'region_concentration', 'too_few_holdings'] as const) {
    const check = failing(id);
    if (check) findings.push({ kind: 'risk_check', title: check.title, message: check.message });
  }
  return findings;
}

/** Builds the analysis the report is written from; every number here is computed, none by the model. */
export function portfolioAnalysis(facts: PortfolioFacts): PortfolioAnalysis {
  const { valuation, allocations, user } = facts;
  const total = valuation.total.value;
  const bucketsOf = (key: keyof PortfolioFacts['allocations']) =>
    allocations[key].buckets.map((b) => ({ key: b.key, percent: b.percent, value: round2(b.value) }));
  const regions = regionRows(facts);
  const base = {
    user: {
      name: user.display_name === null ? null : escapeMarkdown(user.display_name),
      years_until_retirement: user.years_until_retirement,
      target_retirement_income: user.target_retirement_income,
      asset_class_targets: numbers(user.asset_class_targets),
      region_targets: numbers(user.region_targets),
    },
    totals: {
      total_value: total,
      invested_value: valuation.invested.value,
      cash_value: valuation.cash.value,
      cash_percent: total > 0 ? round2((valuation.cash.value / total) * 100) : 0,
    },
    accounts: valuation.accounts.map((a) => ({
      name: escapeMarkdown(a.name),
      total_value: a.total.value,
      cash_value: a.cash.value,
    })),
    allocations: {
      asset_class: bucketsOf('asset_class'),
      regions: bucketsOf('regions'),
      sectors: bucketsOf('sectors'),
    },
    vs_targets: {
      asset_class: facts.drift.asset_class.rows.map(toRow),
      ...assetClassNote(facts),
      region: regions.rows,
      ...(regions.note === undefined ? {} : { region_note: regions.note }),
    },
    holdings: facts.holdings.slice(0, HOLDINGS_SHOWN).map((h) => ({
      symbol: h.symbol,
      name: escapeMarkdown(h.name),
      type: h.instrument_type,
      value: h.value,
      percent_of_invested: h.percent,
    })),
    holdings_count: facts.holdings.length,
    data_gaps: { unpriced: valuation.unpriced, unclassified: valuation.unclassified },
  };
  const checks = facts.risk_checks;
  const threshold = (id: Check['id']) => checks.find((c) => c.id === id)?.threshold ?? 0;
  return {
    ...base,
    risk_checks: checks.map((c) => ({
      title: c.title,
      status: c.status,
      threshold: c.threshold,
      unit: c.unit,
      value: c.value,
      message: c.message,
    })),
    findings: findingsOf(base, checks),
    thresholds: {
      drift_points: threshold('asset_class_drift'),
      holding_percent: threshold('holding_concentration'),
      cash_percent: threshold('cash_drag'),
      sector_percent: threshold('sector_concentration'),
    },
  };
}
