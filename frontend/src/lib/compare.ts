import type { ReportHistoryEntry } from '@alex/contract';

/** One compared figure: its value in each analysis and whether it changed. */
export interface ComparedRow {
  label: string;
  kind: 'money' | 'percent' | 'text';
  before: number | string | null;
  after: number | string | null;
  /** after − before, for numbers both analyses recorded. */
  change: number | null;
  changed: boolean;
}

/** One group of rows (totals, asset classes, regions, checks). */
export interface ComparedGroup {
  title: string;
  rows: ComparedRow[];
}

const LABELS: Record<string, string> = {
  north_america: 'North America',
  latin_america: 'Latin America',
  middle_east: 'Middle East',
};
const label = (key: string) =>
  LABELS[key] ?? key.replace(/_/g, ' ').charAt(0).toUpperCase() + key.replace(/_/g, ' ').slice(1);

function numberRow(
  label: string,
  kind: 'money' | 'percent',
  before: number | null,
  after: number | null,
): ComparedRow {
  const change = before === null || after === null ? null : Math.round((after - before) * 100) / 100;
  return { label, kind, before, after, change, changed: change === null ? before !== after : change !== 0 };
}

function shares(
  title: string,
  before: ReportHistoryEntry['asset_class'],
  after: ReportHistoryEntry['asset_class'],
): ComparedGroup {
  const keys = [...new Set([...(before ?? []), ...(after ?? [])].map((s) => s.key))];
  const find = (list: typeof before, key: string) =>
    list === null ? null : (list.find((s) => s.key === key)?.percent ?? 0);
  return {
    title,
    rows: keys.map((key) => numberRow(label(key), 'percent', find(before, key), find(after, key))),
  };
}

/**
 * Compares two analyses figure by figure (totals, success rate, income, asset-class and region mix,
 * failing risk checks), marking what changed. A figure one run did not record is null there.
 */
export function compareAnalyses(before: ReportHistoryEntry, after: ReportHistoryEntry): ComparedGroup[] {
  const failing = (entry: ReportHistoryEntry) =>
    entry.failing_checks === null
      ? null
      : entry.failing_checks.length === 0
        ? 'None'
        : entry.failing_checks.join(', ');
  const checksBefore = failing(before);
  const checksAfter = failing(after);
  const groups: ComparedGroup[] = [
    {
      title: 'Totals and retirement',
      rows: [
        numberRow('Total value', 'money', before.total_value, after.total_value),
        numberRow('Invested', 'money', before.invested_value, after.invested_value),
        numberRow('Cash', 'money', before.cash_value, after.cash_value),
        numberRow('Chance the money lasts', 'percent', before.success_rate, after.success_rate),
        numberRow('Estimated income a year', 'money', before.estimated_income, after.estimated_income),
      ],
    },
    shares('Asset classes (% of total)', before.asset_class, after.asset_class),
    shares('Regions (% of invested)', before.regions, after.regions),
    {
      title: 'Risk checks',
      rows: [
        {
          label: 'Needing attention',
          kind: 'text',
          before: checksBefore,
          after: checksAfter,
          change: null,
          changed: checksBefore !== checksAfter,
        },
      ],
    },
  ];
  return groups.filter((group) => group.rows.length > 0);
}
