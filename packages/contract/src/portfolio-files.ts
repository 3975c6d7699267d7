import { z } from 'zod';
import { endpoint } from './endpoint.ts';
import { MAX_IMPORT_FILE_BYTES, ROUTES } from './plain.ts';
import { IsoDate, IsoTimestamp, moneyText } from './primitives.ts';
import { Report, Retirement } from './responses.ts';

/** Base64 characters of a file of {@link MAX_IMPORT_FILE_BYTES} (4 per 3 bytes, padded). */
const MAX_IMPORT_BASE64 = Math.ceil(MAX_IMPORT_FILE_BYTES / 3) * 4;

/** The largest import request body: the base64 file and a few small fields. */
export const MAX_IMPORT_BODY_BYTES = MAX_IMPORT_BASE64 + 4 * 1024;

/** The formats Alex reads, by the name the preview reports. */
export const ImportFormat = z.enum(['generic', 'fidelity', 'schwab']);
export type ImportFormat = z.infer<typeof ImportFormat>;

/**
 * A positions file to preview or import. The file travels as base64 of its exact bytes, so the
 * server, not the browser, judges its encoding (a non-UTF-8 file is refused, never mangled).
 */
export const ImportRequest = z.strictObject({
  file_base64: z
    .string()
    .max(MAX_IMPORT_BASE64, `must be a file of at most ${MAX_IMPORT_FILE_BYTES / (1024 * 1024)} MB`)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64')
    .describe('The CSV file, base64-encoded'),
  replace: z
    .boolean()
    .optional()
    .describe('Also remove the positions of the imported accounts that the file does not list'),
});
export type ImportRequest = z.input<typeof ImportRequest>;

/** One row of the file as checked: `messages` says why it cannot be imported (or what was done to it). */
export const ImportRow = z.strictObject({
  line: z.number().int().describe('Line of the file, from 1'),
  kind: z.enum(['position', 'cash', 'skipped']),
  account: z.string().nullable(),
  symbol: z.string().nullable(),
  quantity: z.string().nullable(),
  cash: z.string().nullable(),
  status: z.enum(['ok', 'error', 'skipped']),
  messages: z.array(z.string()),
});
export type ImportRow = z.infer<typeof ImportRow>;

/** What an import would do, before anything is written. */
export const ImportPreview = z.strictObject({
  format: ImportFormat,
  format_label: z.string(),
  rows: z.array(ImportRow),
  accounts: z.array(
    z.strictObject({
      account_name: z.string(),
      exists: z.boolean().describe('An account of this name (any case) exists and will be updated'),
      cash_balance: moneyText('Cash the account will have; null: unchanged').nullable(),
      positions: z.number().int(),
    }),
  ),
  new_symbols: z.array(z.string()).describe('Symbols Alex does not know yet: added for the tagger'),
  errors: z.number().int().describe('Rows with an error; the import is refused while any remain'),
  ignored: z
    .strictObject({ after_line: z.number().int(), lines: z.number().int() })
    .nullable()
    .describe('Lines after a blank line that ended the table, not read'),
  can_import: z.boolean(),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

/** What an import wrote, all in one transaction. */
export const ImportResult = z.strictObject({
  format: ImportFormat,
  accounts_created: z.number().int(),
  accounts_updated: z.number().int(),
  positions_written: z.number().int(),
  positions_removed: z.number().int(),
  new_symbols: z.array(z.string()),
});
export type ImportResult = z.infer<typeof ImportResult>;

/** `GET /api/export`: `format=json` (the default) or `format=csv`. */
export const ExportQuery = z.strictObject({ format: z.enum(['csv', 'json']).default('json') });
export type ExportQuery = z.input<typeof ExportQuery>;

/** One position in an export: quantity, price with its date, value. */
export const ExportedPosition = z.strictObject({
  symbol: z.string(),
  name: z.string(),
  quantity: z.string(),
  as_of_date: IsoDate,
  price: z.string().nullable(),
  price_as_of: IsoDate.nullable(),
  value: moneyText('Quantity × price, rounded to the cent').nullable(),
});

/** Everything a user entered, and their latest analysis: the JSON export (the CSV is a flat view of it). */
export const ExportDocument = z.strictObject({
  format_version: z.literal(1),
  exported_at: IsoTimestamp,
  accounts: z.array(
    z.strictObject({
      account_name: z.string(),
      account_purpose: z.string().nullable(),
      cash_balance: z.string(),
      cash_interest: z.string(),
      positions: z.array(ExportedPosition),
    }),
  ),
  total_value: moneyText('Cash plus every priced position'),
  latest_report: z
    .strictObject({
      report: Report.omit({ charts: true }),
      retirement: Retirement.omit({ chart: true }).nullable(),
    })
    .nullable(),
});
export type ExportDocument = z.infer<typeof ExportDocument>;

/** The import and export operations (merged into `endpoints`). */
export const portfolioFileEndpoints = {
  previewImport: endpoint({
    ...ROUTES.previewImport,
    auth: 'user',
    summary: 'Checks a positions CSV row by row and says what importing it would do; writes nothing',
    body: ImportRequest,
    status: 200,
    response: ImportPreview,
  }),
  importPositions: endpoint({
    ...ROUTES.importPositions,
    auth: 'user',
    summary:
      'Imports a positions CSV in one transaction; any bad row refuses the whole file (400, each row named)',
    body: ImportRequest,
    status: 201,
    response: ImportResult,
  }),
  exportPortfolio: endpoint({
    ...ROUTES.exportPortfolio,
    auth: 'user',
    summary:
      'Accounts, positions and the latest report as a download: JSON (this schema) or, with format=csv, a CSV file',
    query: ExportQuery,
    status: 200,
    response: ExportDocument,
  }),
};
