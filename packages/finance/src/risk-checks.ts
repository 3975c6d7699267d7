import {
  effectiveRiskSettings,
  RISK_RULES,
  type RiskRuleDefinition,
  type RiskRuleId,
  type RiskRuleSettings,
} from '@alex/core/risk-rules';
import { allocationBy } from './allocation.ts';
import { assetClassDrift, GLOBAL_KEY, type Targets } from './drift.ts';
import { CASH_KEY, UNCLASSIFIED_KEY } from './keys.ts';
import { labelFor } from './labels.ts';
import { roundTo } from './rounding.ts';
import type { PortfolioValuation } from './valuation.ts';

export type { RiskRuleId, RiskRuleSettings } from '@alex/core/risk-rules';

/** Sector keys that describe a spread, not a sector: never a concentration. */
const NOT_A_SECTOR = new Set(['diversified', 'other', UNCLASSIFIED_KEY]);

/** One rule's outcome: its setting, what was measured and why it passed or failed. */
export interface RiskCheck {
  id: RiskRuleId;
  title: string;
  question: string;
  unit: RiskRuleDefinition['unit'];
  enabled: boolean;
  threshold: number;
  /** `off` when the user switched the rule off (it is still measured, never hidden). */
  status: 'pass' | 'fail' | 'off';
  /** The measured figure the threshold is compared with (the worst one), in the rule's unit. */
  value: number;
  /** What was found, as a sentence with the figures. */
  message: string;
  /** What the rule is about (symbols, accounts or keys), worst first; empty when it passes. */
  subjects: string[];
}

/** The portfolio and targets the rules read. */
export interface RiskCheckInput {
  valuation: PortfolioValuation;
  assetClassTargets: Targets;
}

interface Measure {
  value: number;
  failed: boolean;
  message: string;
  subjects: string[];
}

const pct = (n: number) => `${roundTo(n, 2)}%`;
const share = (part: number, whole: number) => (whole > 0 ? (part / whole) * 100 : 0);

/** The largest keyed share, and every key above the limit, worst first. */
function worst(entries: [string, number][], limit: number): { top?: [string, number]; over: string[] } {
  const sorted = [...entries].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const top = sorted[0];
  return {
    ...(top ? { top } : {}),
    over: sorted.filter(([, value]) => roundTo(value, 2) > limit).map(([key]) => key),
  };
}

function concentration(
  entries: [string, number][],
  limit: number,
  name: (key: string) => string,
  of: string,
  none: string,
): Measure {
  const { top, over } = worst(entries, limit);
  if (!top) return { value: 0, failed: false, message: none, subjects: [] };
  const value = roundTo(top[1], 2);
  if (over.length === 0) {
    return {
      value,
      failed: false,
      message: `The largest is ${name(top[0])} at ${pct(value)} of ${of} (limit ${limit}%).`,
      subjects: [],
    };
  }
  const list = over.map((key) => `${name(key)} ${pct(entries.find(([k]) => k === key)?.[1] ?? 0)}`);
  return {
    value,
    failed: true,
    message: `Over ${limit}% of ${of}: ${list.join(', ')}.`,
    subjects: over,
  };
}

const MEASURES: Record<RiskRuleId, (input: RiskCheckInput, limit: number) => Measure> = {
  holding_concentration: ({ valuation }, limit) => {
    const bySymbol = new Map<string, number>();
    for (const p of valuation.positions) bySymbol.set(p.symbol, (bySymbol.get(p.symbol) ?? 0) + p.value);
    const total = valuation.total.value;
    const entries = [...bySymbol].map(([symbol, value]): [string, number] => [symbol, share(value, total)]);
    return concentration(entries, limit, (s) => s, 'the portfolio', 'You hold no investments yet.');
  },
  account_concentration: ({ valuation }, limit) => {
    const total = valuation.total.value;
    const entries = valuation.accounts.map((a): [string, number] => [a.name, share(a.total.value, total)]);
    if (valuation.accounts.length < 2) {
      const only = valuation.accounts[0];
      return {
        value: only ? 100 : 0,
        failed: false,
        message: only ? 'You have one account, so it holds everything.' : 'You have no accounts yet.',
        subjects: [],
      };
    }
    return concentration(entries, limit, (name) => name, 'the portfolio', 'You have no accounts yet.');
  },
  asset_class_drift: ({ valuation, assetClassTargets }, limit) => {
    const drift = assetClassDrift(valuation, assetClassTargets);
    // Cash is checked by its own rule (cash drag).
    const rows = drift.rows.filter((r) => r.key !== CASH_KEY);
    const beyond = rows.filter((r) => Math.abs(r.drift) > limit);
    const top = rows[0];
    const describe = (r: (typeof rows)[number]) =>
      `${labelFor(r.key)} ${Math.abs(r.drift)} points ${r.drift > 0 ? 'over' : 'under'} its ${r.targetPercent}% target`;
    if (!top || drift.basis === 0) {
      return { value: 0, failed: false, message: 'Nothing to compare with your targets yet.', subjects: [] };
    }
    const value = Math.abs(top.drift);
    if (beyond.length === 0) {
      return {
        value,
        failed: false,
        message: `Every asset class is within ${limit} points of its target (largest: ${describe(top)}).`,
        subjects: [],
      };
    }
    return {
      value,
      failed: true,
      message: `Beyond the ${limit}-point band: ${beyond.map(describe).join('; ')}.`,
      subjects: beyond.map((r) => r.key),
    };
  },
  region_concentration: ({ valuation }, limit) => {
    const regions = allocationBy(valuation, 'regions', { includeCash: false });
    const placed = regions.buckets.filter((b) => b.key !== UNCLASSIFIED_KEY && b.key !== GLOBAL_KEY);
    const basis = placed.reduce((sum, b) => sum + b.value, 0);
    const entries = placed.map((b): [string, number] => [b.key, share(b.value, basis)]);
    return concentration(
      entries,
      limit,
      labelFor,
      'the invested money placed in a region',
      'No invested money is placed in a region yet.',
    );
  },
  sector_concentration: ({ valuation }, limit) => {
    const sectors = allocationBy(valuation, 'sectors', { includeCash: false });
    const entries = sectors.buckets
      .filter((b) => !NOT_A_SECTOR.has(b.key))
      .map((b): [string, number] => [b.key, share(b.value, sectors.total)]);
    return concentration(entries, limit, labelFor, 'the invested money', 'No sector data yet.');
  },
  cash_drag: ({ valuation }, limit) => {
    const value = roundTo(share(valuation.cash.value, valuation.total.value), 2);
    const failed = value > limit;
    return {
      value,
      failed,
      message: `Cash is ${pct(value)} of the portfolio (limit ${limit}%).`,
      subjects: failed ? [CASH_KEY] : [],
    };
  },
  data_gaps: ({ valuation }, limit) => {
    const gaps = [...new Set([...valuation.unpriced, ...valuation.unclassified])].sort();
    const label = (s: string) =>
      `${s} (${[
        valuation.unpriced.includes(s) ? 'no price' : '',
        valuation.unclassified.includes(s) ? 'not classified' : '',
      ]
        .filter(Boolean)
        .join(', ')})`;
    const failed = gaps.length > limit;
    return {
      value: gaps.length,
      failed,
      message:
        gaps.length === 0
          ? 'Every holding has a price and a classification.'
          : `${gaps.length} ${gaps.length === 1 ? 'holding needs' : 'holdings need'} attention: ${gaps.map(label).join(', ')}.`,
      subjects: failed ? gaps : [],
    };
  },
  too_few_holdings: ({ valuation }, limit) => {
    const count = new Set(valuation.positions.map((p) => p.symbol)).size;
    return {
      value: count,
      failed: count < limit,
      message: `You hold ${count} different ${count === 1 ? 'investment' : 'investments'} (at least ${limit} wanted).`,
      subjects: [],
    };
  },
};

/**
 * Runs every risk rule on a portfolio with the user's settings (defaults for rules not set). A rule
 * switched off is still measured and reported as `off`, so the dashboard and the report can say so.
 */
export function runRiskChecks(input: RiskCheckInput, settings: RiskRuleSettings = {}): RiskCheck[] {
  const effective = effectiveRiskSettings(settings);
  return RISK_RULES.map((rule): RiskCheck => {
    const { enabled, threshold } = effective[rule.id];
    const measure = MEASURES[rule.id](input, threshold);
    return {
      id: rule.id,
      title: rule.title,
      question: rule.question.replace(/\bN\b/, String(threshold)),
      unit: rule.unit,
      enabled,
      threshold,
      status: !enabled ? 'off' : measure.failed ? 'fail' : 'pass',
      value: measure.value,
      message: measure.message,
      subjects: measure.subjects,
    };
  });
}
