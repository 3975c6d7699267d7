/** Selects `columns` of table alias `alias` as `<prefix><column>`, for joins whose tables share names. */
export function prefixed(columns: readonly string[], alias: string, prefix: string): string {
  return columns.map((c) => `${alias}.${c} AS ${prefix}${c}`).join(', ');
}

/** Takes the `<prefix>*` fields of a joined row back out, without the prefix. */
export function unprefix(row: Readonly<Record<string, unknown>>, prefix: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (key.startsWith(prefix)) out[key.slice(prefix.length)] = value;
  }
  return out;
}

export const INSTRUMENT_FIELDS = [
  'symbol',
  'name',
  'instrument_type',
  'current_price',
  'price_as_of',
  'allocation_regions',
  'allocation_sectors',
  'allocation_asset_class',
  'is_user_added',
  'tag_failed_at',
  'created_at',
  'updated_at',
] as const;

export const ACCOUNT_FIELDS = [
  'id',
  'clerk_user_id',
  'account_name',
  'account_purpose',
  'cash_balance',
  'cash_interest',
  'created_at',
  'updated_at',
] as const;

export const POSITION_FIELDS = [
  'id',
  'account_id',
  'symbol',
  'quantity',
  'as_of_date',
  'created_at',
  'updated_at',
] as const;

/**
 * Columns of the portfolio's tables that a JSON document must render specially to read as the Data
 * API's fields do (see `mapRecords`): DECIMAL as its exact text, TIMESTAMPTZ as ISO 8601 in UTC with
 * milliseconds. Every other column's JSON (text, integers, booleans, dates, JSONB) is already that.
 * A test checks these against the migrated schema.
 */
export const DECIMAL_COLUMNS: ReadonlySet<string> = new Set([
  'target_retirement_income',
  'annual_contribution',
  'other_retirement_income',
  'annual_fee_percent',
  'cash_balance',
  'cash_interest',
  'quantity',
  'current_price',
]);
export const TIMESTAMP_COLUMNS: ReadonlySet<string> = new Set(['created_at', 'updated_at', 'tag_failed_at']);

/**
 * `json_build_object(…)` of `columns` of table alias `alias`, each rendered as the Data API's
 * fields map to values, so a JSON document parses to the same objects as the table's rows. `more`
 * adds keys: `{ positions: '<SQL>' }`.
 */
export function jsonObjectOf(
  columns: readonly string[],
  alias: string,
  more: Readonly<Record<string, string>> = {},
): string {
  const value = (column: string) => {
    if (DECIMAL_COLUMNS.has(column)) return `${alias}.${column}::text`;
    if (TIMESTAMP_COLUMNS.has(column))
      return `to_char(${alias}.${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
    return `${alias}.${column}`;
  };
  const pairs = [
    ...columns.map((c) => `'${c}', ${value(c)}`),
    ...Object.entries(more).map(([key, sql]) => `'${key}', ${sql}`),
  ];
  return `json_build_object(${pairs.join(', ')})`;
}
