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
