import { decimalString, nameText, Quantity, TickerSymbol } from '@alex/contract';
import type { z } from 'zod';
import { readCsv } from './csv-read.ts';
import { addDecimals, plainNumber } from './decimal.ts';
import { decodeImportFile } from './decode.ts';
import { ImportFileError } from './errors.ts';
import { extractRows, type ImportFormat, type RawRow } from './formats.ts';
import { MAX_IMPORT_ACCOUNTS, MAX_IMPORT_ROWS } from './limits.ts';
import { isFormulaLike } from './spreadsheet-safe.ts';

/** One row of the file as checked: what it says, and why it cannot be imported (if so). */
export interface ImportRow {
  line: number;
  kind: RawRow['kind'];
  account: string | null;
  symbol: string | null;
  quantity: string | null;
  cash: string | null;
  status: 'ok' | 'error' | 'skipped';
  messages: string[];
}

/** An account as the import will leave it: its cash (null: unchanged) and the positions it sets. */
export interface PlannedAccount {
  account_name: string;
  cash_balance: string | null;
  positions: { symbol: string; quantity: string }[];
}

/** Everything an import would write, and every row with its problems; written only when `errors` is 0. */
export interface ImportPlan {
  format: ImportFormat;
  rows: ImportRow[];
  accounts: PlannedAccount[];
  /** Rows with at least one error. */
  errors: number;
  /** Lines after a blank line that ended the table: not read (a footer, or an export's report section). */
  ignoredAfter: { blankLine: number; lines: number } | null;
}

const AccountName = nameText(255);
const Cash = decimalString(12, 2, { min: 0 });
const QUANTITY_SCALE = 8;
const CASH_SCALE = 2;

/**
 * Reads an uploaded positions file into an {@link ImportPlan}: decoded (strict UTF-8, size-checked),
 * split as CSV, its format detected from the header, each row checked. Throws
 * {@link ImportFileError} when the file as a whole is unusable; row problems are in the plan.
 */
export function planImport(bytes: Uint8Array): ImportPlan {
  const extracted = extractRows(readCsv(decodeImportFile(bytes)));
  const rows = extracted.rows.map(checkRow);
  if (rows.length > MAX_IMPORT_ROWS) {
    throw new ImportFileError(
      `The file has ${rows.length} rows; one import takes at most ${MAX_IMPORT_ROWS}`,
    );
  }
  if (!rows.some((r) => r.status !== 'skipped'))
    throw new ImportFileError('The file has no positions or cash rows');
  const accounts = combine(rows, extracted.format);
  if (accounts.length > MAX_IMPORT_ACCOUNTS) {
    throw new ImportFileError(
      `The file names ${accounts.length} accounts; one import takes at most ${MAX_IMPORT_ACCOUNTS}`,
    );
  }
  return {
    format: extracted.format,
    rows,
    accounts,
    errors: rows.filter((r) => r.status === 'error').length,
    ignoredAfter: extracted.ignoredAfter,
  };
}

function checkRow(raw: RawRow): ImportRow {
  const messages: string[] = [];
  const account = field(AccountName, raw.account, 'account', messages, { missing: 'is missing' });
  if (account !== null && isFormulaLike(account)) {
    messages.push(
      'account: must not start with =, +, -, @ or a tab (a spreadsheet would run it as a formula)',
    );
  }
  const row: ImportRow = {
    line: raw.line,
    kind: raw.kind,
    account: raw.account || null,
    symbol: raw.symbol || null,
    quantity: raw.quantity || null,
    cash: raw.cash || null,
    status: 'ok',
    messages,
  };
  if (raw.kind === 'skipped') return { ...row, status: 'skipped', messages: raw.note ? [raw.note] : [] };
  if (raw.kind === 'position') {
    row.symbol = field(TickerSymbol, raw.symbol, 'symbol', messages, { missing: 'is missing' });
    const quantity = plainNumber(raw.quantity);
    row.quantity = field(Quantity, quantity ?? '', 'quantity', messages, { missing: 'is missing' });
  }
  const cash = plainNumber(raw.cash);
  if (cash !== null) row.cash = field(Cash, cash, 'cash', messages, {});
  else if (raw.kind === 'cash' && raw.cash !== '' && raw.cash !== '--')
    messages.push('cash: must be an amount');
  if (messages.length > 0) row.status = 'error';
  return row;
}

/** Parses `text` with `schema`, adding `name: message` to `messages` on failure. */
function field<S extends z.ZodType<string, string | number>>(
  schema: S,
  text: string,
  name: string,
  messages: string[],
  options: { missing?: string },
): string | null {
  if (text.trim() === '') {
    if (options.missing) messages.push(`${name}: ${options.missing}`);
    return null;
  }
  const parsed = schema.safeParse(text);
  if (parsed.success) return parsed.data;
  messages.push(`${name}: ${parsed.error.issues[0]?.message ?? 'is invalid'}`);
  return null;
}

/**
 * Groups good rows by account (names compared case-insensitively). A symbol listed twice in one
 * account is summed, with a note; cash rows of a brokerage add up (several money-market funds),
 * while the generic format's cash column must state one balance per account.
 */
function combine(rows: ImportRow[], format: ImportFormat): PlannedAccount[] {
  const accounts = new Map<string, PlannedAccount & { bySymbol: Map<string, number>; cashLine?: number }>();
  for (const row of rows) {
    if (row.status !== 'ok' || row.account === null) continue;
    const key = row.account.toLowerCase();
    let account = accounts.get(key);
    if (!account) {
      account = { account_name: row.account, cash_balance: null, positions: [], bySymbol: new Map() };
      accounts.set(key, account);
    }
    if (row.cash !== null) {
      if (account.cash_balance === null) {
        account.cash_balance = row.cash;
        account.cashLine = row.line;
      } else if (format !== 'generic' && row.kind === 'cash') {
        account.cash_balance = addDecimals(account.cash_balance, row.cash, CASH_SCALE);
      } else if (Number(account.cash_balance) !== Number(row.cash)) {
        row.status = 'error';
        row.messages.push(
          `cash: line ${account.cashLine} gives this account ${account.cash_balance}; give one balance`,
        );
      }
    }
    if (row.kind !== 'position' || row.symbol === null || row.quantity === null) continue;
    const existing = account.bySymbol.get(row.symbol);
    const held = existing === undefined ? undefined : account.positions[existing];
    if (held) {
      held.quantity = addDecimals(held.quantity, row.quantity, QUANTITY_SCALE);
      row.messages.push(`added to the ${row.symbol} above: ${held.quantity} in all`);
    } else {
      account.bySymbol.set(row.symbol, account.positions.length);
      account.positions.push({ symbol: row.symbol, quantity: row.quantity });
    }
  }
  return [...accounts.values()].map(({ account_name, cash_balance, positions }) => ({
    account_name,
    cash_balance,
    positions,
  }));
}
