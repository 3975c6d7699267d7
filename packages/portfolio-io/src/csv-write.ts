import { inertText } from './spreadsheet-safe.ts';

/** A cell to write: text (made inert if formula-like), a plain decimal number, or empty. */
export type CsvCell = string | { number: string } | null;

const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * Writes rows as RFC 4180 CSV (CRLF line ends, fields quoted when they hold a comma, quote or line
 * break). Text cells go through {@link inertText}, so no cell starts a formula; number cells must
 * be plain decimals, which a spreadsheet reads as numbers and never runs.
 */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return rows
    .map((row) => row.map(renderCell).join(','))
    .join('\r\n')
    .concat('\r\n');
}

function renderCell(cell: CsvCell): string {
  if (cell === null) return '';
  if (typeof cell === 'object') {
    if (!PLAIN_NUMBER.test(cell.number)) throw new TypeError(`not a plain decimal: ${cell.number}`);
    return cell.number;
  }
  const text = inertText(cell);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
