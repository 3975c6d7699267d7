import type { ExportDocument } from '@alex/contract';
import { type CsvCell, toCsv } from './csv-write.ts';

const num = (value: string | null): CsvCell => (value === null ? null : { number: value });

/** The columns of the export's positions table: the generic import format first, so it imports back. */
export const EXPORT_COLUMNS = [
  'account',
  'symbol',
  'quantity',
  'cash',
  'name',
  'price',
  'price_as_of',
  'value',
  'as_of_date',
  'account_purpose',
] as const;

/**
 * The export as one CSV file: the positions table (one row per account with its cash, then one per
 * position), which Alex's import reads back as is; then, after a blank line, the latest report's
 * figures and text as `field,value` rows (an import stops at that blank line).
 */
export function exportToCsv(doc: ExportDocument): string {
  const rows: CsvCell[][] = [[...EXPORT_COLUMNS]];
  for (const account of doc.accounts) {
    rows.push([
      account.account_name,
      null,
      null,
      num(account.cash_balance),
      null,
      null,
      null,
      null,
      null,
      account.account_purpose,
    ]);
    for (const p of account.positions) {
      rows.push([
        account.account_name,
        p.symbol,
        num(p.quantity),
        null,
        p.name,
        num(p.price),
        p.price_as_of,
        num(p.value),
        p.as_of_date,
        null,
      ]);
    }
  }
  rows.push([]);
  rows.push(['field', 'value']);
  rows.push(['exported_at', doc.exported_at]);
  rows.push(['total_value', num(doc.total_value)]);
  const latest = doc.latest_report;
  if (latest === null) {
    rows.push(['report', 'none yet: run an analysis first']);
  } else {
    const { report, retirement } = latest;
    rows.push(['report_date', report.report_date]);
    rows.push(['report_generated_by', report.generated_by]);
    rows.push(['report_summary', report.summary]);
    rows.push(['report_markdown', report.markdown]);
    if (retirement) {
      rows.push(['retirement_estimated_income', num(retirement.estimated_income)]);
      rows.push(['retirement_success_rate', num(retirement.success_rate)]);
      rows.push(['retirement_summary', retirement.summary]);
    }
  }
  return toCsv(rows);
}
