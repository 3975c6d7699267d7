import type { PortfolioFacts } from '@alex/analysis';
import { type DriftRow, labelFor } from '@alex/finance';
import { escapeMarkdown } from './format.ts';

/** Percentage points from target that call for rebalancing (the usual 5-point band). */
export const DRIFT_THRESHOLD = 5;
/** Share of invested value in one holding above which the report flags concentration. */
export const HOLDING_CONCENTRATION_PERCENT = 25;
/** Share of the whole portfolio in cash above which the report flags cash drag. */
export const CASH_PERCENT_LIMIT = 10;
/** Holdings listed to the model, largest first; the rest are counted in `holdings_count`. */
export const HOLDINGS_SHOWN = 25;
/** Share of invested value in one sector above which the report flags concentration. */
export const SECTOR_CONCENTRATION_PERCENT = 30;
/** Sector keys that describe a spread, not a sector: never a concentration. */
const NOT_A_SECTOR = new Set(['diversified', 'other']);

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
  | { kind: 'unpriced'; symbols: string[] };

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
  vs_targets: { asset_class: TargetRow[]; region: TargetRow[]; region_note?: string };
  holdings: {
    symbol: string;
    name: string;
    type: string | null;
    value: number;
    percent_of_invested: number;
  }[];
  holdings_count: number;
  data_gaps: { unpriced: string[]; unclassified: string[] };
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

/** The findings, most pressing first: drift beyond the band, concentration, cash, data gaps. */
function findingsOf(analysis: Omit<PortfolioAnalysis, 'findings' | 'thresholds'>): Finding[] {
  const findings: Finding[] = [];
  const beyond = (row: TargetRow) => Math.abs(row.drift_points) >= DRIFT_THRESHOLD && row.key !== 'cash';
  for (const row of analysis.vs_targets.asset_class.filter(beyond))
    findings.push({ kind: 'asset_class_drift', row });
  // Region targets say where invested money sits: with nothing invested there is nothing to move.
  const invested = analysis.totals.invested_value > 0;
  for (const row of analysis.vs_targets.region.filter((r) => invested && beyond(r))) {
    findings.push({ kind: 'region_drift', row });
  }
  for (const h of analysis.holdings.filter((h) => h.percent_of_invested > HOLDING_CONCENTRATION_PERCENT)) {
    findings.push({
      kind: 'holding_concentration',
      symbol: h.symbol,
      percent: h.percent_of_invested,
      value: h.value,
    });
  }
  const sectors = analysis.allocations.sectors.filter((s) => !NOT_A_SECTOR.has(s.key));
  for (const s of sectors.filter((s) => s.percent > SECTOR_CONCENTRATION_PERCENT)) {
    findings.push({ kind: 'sector_concentration', sector: s.key, percent: s.percent });
  }
  if (analysis.totals.cash_percent > CASH_PERCENT_LIMIT) {
    findings.push({
      kind: 'cash_drag',
      percent: analysis.totals.cash_percent,
      value: analysis.totals.cash_value,
    });
  }
  if (analysis.data_gaps.unclassified.length > 0)
    findings.push({ kind: 'unclassified', symbols: analysis.data_gaps.unclassified });
  if (analysis.data_gaps.unpriced.length > 0)
    findings.push({ kind: 'unpriced', symbols: analysis.data_gaps.unpriced });
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
  return {
    ...base,
    findings: findingsOf(base),
    thresholds: {
      drift_points: DRIFT_THRESHOLD,
      holding_percent: HOLDING_CONCENTRATION_PERCENT,
      cash_percent: CASH_PERCENT_LIMIT,
      sector_percent: SECTOR_CONCENTRATION_PERCENT,
    },
  };
}
