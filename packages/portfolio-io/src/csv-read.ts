import { CsvError, parse } from 'csv-parse/sync';
import { ImportFileError } from './errors.ts';

/** One record of a CSV file, with the line it starts on (1-based, as an editor shows it). */
export interface CsvLine {
  line: number;
  cells: string[];
}

/**
 * Splits CSV text into records (RFC 4180: quoted fields, doubled quotes, newlines inside quotes;
 * CRLF, LF or CR line ends, mixed). Every line yields a record, so line numbers stay true; an
 * unclosed quote or a stray quote is a file error naming its line.
 */
export function readCsv(text: string): CsvLine[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // With `info`, each record comes as `{ record, info }` (the typings do not follow the option).
    records = parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: false,
      record_delimiter: ['\r\n', '\n', '\r'],
    }) as unknown as typeof records;
  } catch (err: unknown) {
    if (err instanceof CsvError) {
      const line = (err as CsvError & { lines?: number }).lines;
      throw new ImportFileError(`This is not a well-formed CSV file (${describe(err.code)})`, line);
    }
    throw err;
  }
  const out: CsvLine[] = [];
  let next = 1;
  for (const { record, info } of records) {
    out.push({ line: next, cells: record.map((cell) => cell.trim()) });
    next = info.lines + 1;
  }
  return out;
}

/** True when a record has no text in any cell (a blank line, or a row of empty quotes). */
export function isBlank(cells: readonly string[]): boolean {
  return cells.every((cell) => cell === '');
}

function describe(code: string): string {
  switch (code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted field is never closed';
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'INVALID_OPENING_QUOTE':
      return 'a quote inside a field that is not quoted';
    default:
      return code.toLowerCase().replaceAll('_', ' ');
  }
}
