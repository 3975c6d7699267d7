import type { ArrayValue, ColumnMetadata, Field } from '@aws-sdk/client-rds-data';

/** A row mapped to plain values by its column metadata. */
export type Row = Record<string, unknown>;

/**
 * Maps Data API records to objects using `columnMetadata` (never by sniffing values): JSON columns
 * are parsed, NUMERIC stays an exact string, timestamps become ISO 8601 in UTC, arrays become
 * arrays, NULL becomes null.
 */
export function mapRecords(records: readonly Field[][] = [], columns: readonly ColumnMetadata[] = []): Row[] {
  const names = columns.map((c, i) => c.label || c.name || `column_${i}`);
  const types = columns.map((c) => (c.typeName ?? '').toLowerCase());
  return records.map((record) => {
    const row: Row = {};
    record.forEach((field, i) => {
      row[names[i] ?? `column_${i}`] = fieldValue(field, types[i] ?? '');
    });
    return row;
  });
}

function fieldValue(field: Field, typeName: string): unknown {
  if (field.isNull) return null;
  if (field.arrayValue !== undefined) return arrayValue(field.arrayValue, typeName.replace(/^_/, ''));
  if (field.stringValue !== undefined) return stringValue(field.stringValue, typeName);
  if (field.longValue !== undefined) return field.longValue;
  if (field.doubleValue !== undefined) return field.doubleValue;
  if (field.booleanValue !== undefined) return field.booleanValue;
  if (field.blobValue !== undefined) return field.blobValue;
  return null;
}

function stringValue(text: string, typeName: string): unknown {
  switch (typeName) {
    case 'json':
    case 'jsonb':
      return JSON.parse(text);
    case 'timestamptz':
    case 'timestamp':
      return toIsoUtc(text);
    default:
      return text;
  }
}

/** `2024-05-01 12:30:00.123456` (UTC, as the Data API shows it) → `2024-05-01T12:30:00.123Z`. */
export function toIsoUtc(text: string): string {
  const date = new Date(`${text.replace(' ', 'T').replace(/([+-]\d{2}(:?\d{2})?|Z)$/, '')}Z`);
  return Number.isNaN(date.getTime()) ? text : date.toISOString();
}

function arrayValue(array: ArrayValue, elementType: string): unknown[] {
  if (array.arrayValues)
    return array.arrayValues.map((inner) => (inner ? arrayValue(inner, elementType) : null));
  if (array.stringValues)
    return array.stringValues.map((s) => (s === null ? null : stringValue(s, elementType)));
  return array.longValues ?? array.doubleValues ?? array.booleanValues ?? [];
}
