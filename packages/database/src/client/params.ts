import type { SqlParameter } from '@aws-sdk/client-rds-data';

/** A value with an explicit Data API `typeHint`, so Postgres receives the right type. */
export interface TypedValue {
  readonly kind: 'typed';
  readonly typeHint: 'JSON' | 'DECIMAL' | 'DATE' | 'TIME' | 'TIMESTAMP' | 'UUID';
  readonly text: string | null;
}

/** What a named parameter may hold. Objects and arrays travel as JSON. */
export type SqlValue = string | number | boolean | null | Date | TypedValue | object;

export type SqlParams = Readonly<Record<string, SqlValue | undefined>>;

const typed = (typeHint: TypedValue['typeHint'], text: string | null): TypedValue => ({
  kind: 'typed',
  typeHint,
  text,
});

/** Builders for parameters that need a type hint. */
export const sql = {
  /** An exact decimal (NUMERIC), given as a string so no digit is lost. */
  decimal: (value: string | null) => typed('DECIMAL', value),
  uuid: (value: string | null) => typed('UUID', value),
  /** A JSON document (JSONB columns accept it). */
  json: (value: unknown) =>
    typed('JSON', value === null || value === undefined ? null : JSON.stringify(value)),
  /** A calendar date, `YYYY-MM-DD`. */
  date: (value: string | null) => typed('DATE', value),
  /** A point in time, sent in UTC. */
  timestamp: (value: Date | null) => typed('TIMESTAMP', value ? formatTimestamp(value) : null),
};

function formatTimestamp(date: Date): string {
  return date.toISOString().replace('T', ' ').replace('Z', '');
}

function isTyped(value: unknown): value is TypedValue {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'typed';
}

/** Converts named values to Data API parameters; `undefined` entries are left out. */
export function toSqlParameters(params: SqlParams = {}): SqlParameter[] {
  const out: SqlParameter[] = [];
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined) continue;
    out.push(toSqlParameter(name, value));
  }
  return out;
}

function toSqlParameter(name: string, value: SqlValue): SqlParameter {
  if (value === null) return { name, value: { isNull: true } };
  if (isTyped(value)) {
    return value.text === null
      ? { name, value: { isNull: true }, typeHint: value.typeHint }
      : { name, value: { stringValue: value.text }, typeHint: value.typeHint };
  }
  if (typeof value === 'string') return { name, value: { stringValue: value } };
  if (typeof value === 'boolean') return { name, value: { booleanValue: value } };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`Parameter ${name} is not a finite number`);
    return Number.isSafeInteger(value)
      ? { name, value: { longValue: value } }
      : { name, value: { doubleValue: value } };
  }
  if (value instanceof Date) return toSqlParameter(name, sql.timestamp(value));
  return toSqlParameter(name, sql.json(value));
}
