import { type CsvLine, isBlank } from './csv-read.ts';
import { ImportFileError } from './errors.ts';

/** The layouts Alex reads: its own generic one, and two brokerages' positions exports. */
export const IMPORT_FORMATS = {
  generic: 'Generic CSV (account, symbol, quantity, cash)',
  fidelity: 'Fidelity positions export',
  schwab: 'Charles Schwab positions export',
} as const;
export type ImportFormat = keyof typeof IMPORT_FORMATS;

/**
 * One data row as the file states it, before any check: `position` rows name a holding, `cash`
 * rows an account's cash (brokerages list cash as a row; the generic format as a column).
 */
export interface RawRow {
  line: number;
  kind: 'position' | 'cash' | 'skipped';
  account: string;
  symbol: string;
  quantity: string;
  cash: string;
  note?: string;
}

/** A file's rows in its detected format; `ignoredAfter` is the blank line that ended its table. */
export interface ExtractedFile {
  format: ImportFormat;
  rows: RawRow[];
  ignoredAfter: { blankLine: number; lines: number } | null;
}

/** The generic format's columns (any order, matched case-insensitively; other columns are ignored). */
export const GENERIC_COLUMNS = {
  account: ['account', 'account_name', 'account name'],
  symbol: ['symbol', 'ticker'],
  quantity: ['quantity', 'shares'],
  cash: ['cash', 'cash_balance', 'cash balance'],
} as const;

// Brokerage headers can sit below a title line or two; look this far down for one.
const HEADER_SEARCH_LINES = 15;

/** Detects the file's format from its header row and takes out its rows. */
export function extractRows(lines: readonly CsvLine[]): ExtractedFile {
  const content = lines.filter((l) => !isBlank(l.cells));
  const first = content[0];
  if (!first) throw new ImportFileError('The file has no rows');
  for (const candidate of content.slice(0, HEADER_SEARCH_LINES)) {
    const names = candidate.cells.map(headerName);
    if (isFidelityHeader(names)) return extractFidelity(lines, lines.indexOf(candidate));
    if (isSchwabHeader(names)) return extractSchwab(lines);
  }
  const generic = genericColumns(first.cells.map(headerName));
  if (!generic) {
    throw new ImportFileError(
      `Unknown header "${first.cells.slice(0, 6).join(',').slice(0, 120)}": the first row must name the columns account, symbol, quantity (and optionally cash), or the file must be a Fidelity or Charles Schwab positions export`,
      first.line,
    );
  }
  return extractGeneric(lines, lines.indexOf(first), generic);
}

/** Lower-case, single-spaced: how header cells are compared. */
function headerName(cell: string): string {
  return cell.trim().toLowerCase().replace(/\s+/g, ' ');
}

function columnOf(names: readonly string[], aliases: readonly string[]): number {
  return names.findIndex((name) => aliases.includes(name));
}

function genericColumns(names: readonly string[]) {
  const account = columnOf(names, GENERIC_COLUMNS.account);
  const symbol = columnOf(names, GENERIC_COLUMNS.symbol);
  const quantity = columnOf(names, GENERIC_COLUMNS.quantity);
  if (account < 0 || symbol < 0 || quantity < 0) return null;
  return { account, symbol, quantity, cash: columnOf(names, GENERIC_COLUMNS.cash) };
}

function cell(cells: readonly string[], index: number): string {
  return index < 0 ? '' : (cells[index] ?? '');
}

/** Rows up to the first blank line; what follows (a brokerage's footnotes, a report section) is counted, not read. */
function tableAfter(lines: readonly CsvLine[], headerIndex: number) {
  const body = lines.slice(headerIndex + 1);
  const blank = body.findIndex((l) => isBlank(l.cells));
  if (blank < 0) return { rows: body, ignoredAfter: null };
  const rest = body.slice(blank).filter((l) => !isBlank(l.cells));
  return {
    rows: body.slice(0, blank),
    ignoredAfter: rest.length > 0 ? { blankLine: body[blank]?.line ?? 0, lines: rest.length } : null,
  };
}

function extractGeneric(
  lines: readonly CsvLine[],
  headerIndex: number,
  columns: NonNullable<ReturnType<typeof genericColumns>>,
): ExtractedFile {
  const { rows, ignoredAfter } = tableAfter(lines, headerIndex);
  return {
    format: 'generic',
    ignoredAfter,
    rows: rows.map(({ line, cells }) => {
      const symbol = cell(cells, columns.symbol);
      const quantity = cell(cells, columns.quantity);
      return {
        line,
        kind: symbol === '' && quantity === '' ? 'cash' : 'position',
        account: cell(cells, columns.account),
        symbol,
        quantity,
        cash: cell(cells, columns.cash),
      };
    }),
  };
}

// Fidelity: "Account Number","Account Name","Symbol","Description","Quantity","Last Price",
// "Last Price Change","Current Value",…,"Type"; the core money market shows as e.g. "SPAXX**" with
// no quantity; "Pending Activity" is a cash movement, not a holding; disclaimers follow a blank line.
function isFidelityHeader(names: readonly string[]): boolean {
  return ['account number', 'account name', 'symbol', 'quantity'].every((n) => names.includes(n));
}

function extractFidelity(lines: readonly CsvLine[], headerIndex: number): ExtractedFile {
  const names = (lines[headerIndex]?.cells ?? []).map(headerName);
  const at = (name: string) => names.indexOf(name);
  const [number, name, symbol, description, quantity, value] = [
    at('account number'),
    at('account name'),
    at('symbol'),
    at('description'),
    at('quantity'),
    at('current value'),
  ];
  const { rows, ignoredAfter } = tableAfter(lines, headerIndex);
  const accountNames = uniqueAccountNames(rows.map((r) => [cell(r.cells, number), cell(r.cells, name)]));
  return {
    format: 'fidelity',
    ignoredAfter,
    rows: rows.map(({ line, cells }): RawRow => {
      const account = accountNames.get(cell(cells, number)) ?? cell(cells, name);
      const ticker = cell(cells, symbol);
      const base = { line, account, symbol: ticker, quantity: cell(cells, quantity), cash: '' };
      if (/^pending activity$/i.test(ticker)) {
        return { ...base, kind: 'skipped', note: 'pending activity is not a holding' };
      }
      if (ticker.endsWith('**') || /money market/i.test(cell(cells, description))) {
        return { ...base, kind: 'cash', symbol: ticker.replace(/\*+$/, ''), cash: cell(cells, value) };
      }
      return { ...base, kind: 'position' };
    }),
  };
}

/** Account names by account number; two numbers sharing a name get the number's last four appended. */
function uniqueAccountNames(pairs: readonly (readonly [string, string])[]): Map<string, string> {
  const numbersByName = new Map<string, Set<string>>();
  for (const [number, name] of pairs) {
    const set = numbersByName.get(name) ?? new Set<string>();
    set.add(number);
    numbersByName.set(name, set);
  }
  const out = new Map<string, string>();
  for (const [name, numbers] of numbersByName) {
    for (const number of numbers) {
      out.set(
        number,
        numbers.size > 1 || name === '' ? `${name || 'Account'} …${number.slice(-4)}`.trim() : name,
      );
    }
  }
  return out;
}

// Schwab: a title `Positions for account Individual ...123 as of 12:33 PM ET, 2025/05/04`, then
// "Symbol","Description","Qty (Quantity)" (older files: "Quantity"),"Price",…,"Mkt Val (Market Value)"
// (older: "Market Value"),…,"Security Type"; then "Cash & Cash Investments" and "Account Total" rows.
// The all-accounts export repeats a title line (the account's name) and the header per account.
const SCHWAB_QUANTITY = ['qty (quantity)', 'quantity'];
const SCHWAB_VALUE = ['mkt val (market value)', 'market value'];

function isSchwabHeader(names: readonly string[]): boolean {
  return (
    names.includes('symbol') &&
    names.includes('description') &&
    !names.includes('account number') &&
    columnOf(names, SCHWAB_QUANTITY) >= 0 &&
    columnOf(names, SCHWAB_VALUE) >= 0
  );
}

function extractSchwab(lines: readonly CsvLine[]): ExtractedFile {
  const rows: RawRow[] = [];
  let account = 'Schwab';
  let columns: { symbol: number; quantity: number; value: number } | null = null;
  for (const { line, cells } of lines) {
    const filled = cells.filter((c) => c !== '');
    if (filled.length === 0) continue;
    const names = cells.map(headerName);
    if (isSchwabHeader(names)) {
      columns = {
        symbol: names.indexOf('symbol'),
        quantity: columnOf(names, SCHWAB_QUANTITY),
        value: columnOf(names, SCHWAB_VALUE),
      };
      continue;
    }
    if (filled.length === 1) {
      const title = filled[0] ?? '';
      const single = /^positions for account (.+?) as of /i.exec(title);
      if (single?.[1]) account = single[1];
      else if (!/^positions for /i.test(title)) account = title;
      columns = null;
      continue;
    }
    if (!columns) continue;
    const symbol = cell(cells, columns.symbol);
    const base = { line, account, symbol, quantity: cell(cells, columns.quantity), cash: '' };
    if (/^account total$/i.test(symbol)) continue;
    if (/^cash & cash investments$/i.test(symbol)) {
      rows.push({ ...base, kind: 'cash', symbol: '', quantity: '', cash: cell(cells, columns.value) });
    } else {
      rows.push({ ...base, kind: 'position' });
    }
  }
  return { format: 'schwab', rows, ignoredAfter: null };
}
