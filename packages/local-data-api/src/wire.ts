import { compileNamedParameters, splitStatements } from '@alex/database';
import { parse as parsePgArray } from 'postgres-array';
import type { PgType, RawResult } from './backend.ts';
import type { ColumnMetadata, DataApiField, SqlParameter } from './protocol.ts';

/** Thrown for a request the Data API would refuse before running any SQL. */
export class BadRequest extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

const HINT_CASTS: Record<string, string> = {
  DECIMAL: 'numeric',
  DATE: 'date',
  TIME: 'time',
  TIMESTAMP: 'timestamp',
  UUID: 'uuid',
  JSON: 'json',
};

/**
 * A statement's SQL lexed once: how many statements it holds, and its text cut around its `:name`
 * placeholders (`pieces[i]`, then the placeholder of `slots[i]`, …, then the last piece). Services
 * send the same few SQL texts over and over, so lexing is cached by text.
 */
interface StatementShape {
  statements: number;
  pieces: string[];
  slots: number[];
  names: string[];
}

const SHAPES = new Map<string, StatementShape>();
/** Distinct SQL texts kept; past this the cache starts again (ad-hoc SQL from the CLI must not grow it). */
const MAX_SHAPES = 1000;
// NUL cannot appear in SQL Postgres accepts, so it safely marks where a placeholder was.
const SLOT = '\u0000';

function shapeOf(sql: string): StatementShape {
  const cached = SHAPES.get(sql);
  if (cached) return cached;
  const slots: number[] = [];
  const { text, names } = compileNamedParameters(sql, (index) => {
    slots.push(index - 1);
    return SLOT;
  });
  const shape = { statements: splitStatements(sql).length, pieces: text.split(SLOT), slots, names };
  if (sql.includes(SLOT)) return shape;
  if (SHAPES.size >= MAX_SHAPES) SHAPES.clear();
  SHAPES.set(sql, shape);
  return shape;
}

/** How many statements `sql` holds (the Data API runs exactly one per `ExecuteStatement`). */
export function statementCount(sql: string): number {
  return shapeOf(sql).statements;
}

/**
 * Turns a Data API statement into positional SQL and text parameters. Each parameter gets the type
 * Aurora gives it (a string is `varchar` unless a `typeHint` says otherwise), so SQL that would
 * fail on Aurora for a missing hint fails here too.
 */
export function bindParameters(sql: string, parameters: readonly SqlParameter[] = []) {
  const shape = shapeOf(sql);
  if (shape.pieces.length !== shape.slots.length + 1) return bindUncached(sql, parameters);
  const byName = new Map(parameters.map((p) => [p.name, p]));
  const values: (string | null)[] = [];
  const placeholders = shape.names.map((name, i) => {
    const parameter = byName.get(name);
    if (!parameter) throw new BadRequest(`No value specified for parameter: ${name}`);
    const [value, cast] = parameterText(parameter);
    values[i] = value;
    return cast ? `$${i + 1}::${cast}` : `$${i + 1}`;
  });
  let text = shape.pieces[0] ?? '';
  shape.slots.forEach((slot, i) => {
    text += `${placeholders[slot]}${shape.pieces[i + 1]}`;
  });
  return { text, values };
}

/** {@link bindParameters} without the cache, for SQL whose text holds a NUL (Postgres refuses it). */
function bindUncached(sql: string, parameters: readonly SqlParameter[]) {
  const byName = new Map(parameters.map((p) => [p.name, p]));
  const values: (string | null)[] = [];
  const compiled = compileNamedParameters(sql, (index, name) => {
    const parameter = byName.get(name);
    if (!parameter) throw new BadRequest(`No value specified for parameter: ${name}`);
    const [value, cast] = parameterText(parameter);
    values[index - 1] = value;
    return cast ? `$${index}::${cast}` : `$${index}`;
  });
  return { text: compiled.text, values };
}

function parameterText({ name, value, typeHint }: SqlParameter): [string | null, string | undefined] {
  if (value.isNull) return [null, typeHint ? HINT_CASTS[typeHint] : undefined];
  if (value.stringValue !== undefined)
    return [value.stringValue, typeHint ? HINT_CASTS[typeHint] : 'varchar'];
  if (value.longValue !== undefined) return [String(value.longValue), 'int8'];
  if (value.doubleValue !== undefined) return [String(value.doubleValue), 'float8'];
  if (value.booleanValue !== undefined) return [value.booleanValue ? 'true' : 'false', 'bool'];
  if (value.blobValue !== undefined)
    return [`\\x${Buffer.from(value.blobValue, 'base64').toString('hex')}`, 'bytea'];
  if (value.arrayValue !== undefined) throw new BadRequest(`Array parameters are not supported: ${name}`);
  throw new BadRequest(`Parameter ${name} has no value`);
}

/** How a column's values travel: which member of the Data API `Field` union carries them. */
type Carrier = 'long' | 'double' | 'boolean' | 'string' | 'blob';

function carrierOf(typeName: string): Carrier {
  switch (typeName) {
    case 'int2':
    case 'int4':
    case 'int8':
    case 'oid':
      return 'long';
    case 'float4':
    case 'float8':
      return 'double';
    case 'bool':
      return 'boolean';
    case 'bytea':
      return 'blob';
    default:
      return 'string';
  }
}

const JDBC_TYPES: Record<string, number> = {
  bool: -7,
  int2: 5,
  int4: 4,
  int8: -5,
  oid: -5,
  float4: 7,
  float8: 8,
  numeric: 2,
  varchar: 12,
  text: 12,
  name: 12,
  bpchar: 1,
  date: 91,
  time: 92,
  timestamp: 93,
  timestamptz: 93,
  bytea: -2,
};
const JDBC_ARRAY = 2003;
const JDBC_OTHER = 1111;

/** Options that change how values are presented (`resultSetOptions`). */
export interface PresentOptions {
  decimalReturnType?: 'STRING' | 'DOUBLE_OR_LONG' | undefined;
  longReturnType?: 'STRING' | 'LONG' | undefined;
}

interface Column {
  name: string;
  type: PgType;
  element: PgType | undefined;
}

/** Resolves each result column's type through `pg_type`. */
export async function describeColumns(
  result: RawResult,
  lookup: (oid: number) => Promise<PgType | undefined>,
): Promise<Column[]> {
  return Promise.all(
    result.fields.map(async (field) => {
      const type = (await lookup(field.typeId)) ?? {
        oid: field.typeId,
        name: 'unknown',
        elementOid: 0,
        category: 'X',
      };
      const element = type.category === 'A' ? await lookup(type.elementOid) : undefined;
      return { name: field.name, type, element };
    }),
  );
}

/** Column metadata in the Data API's shape. */
export function columnMetadata(columns: readonly Column[]): ColumnMetadata[] {
  return columns.map(({ name, type, element }) => {
    const isArray = element !== undefined;
    const carrier = carrierOf(type.name);
    return {
      name,
      label: name,
      type: isArray ? JDBC_ARRAY : (JDBC_TYPES[type.name] ?? JDBC_OTHER),
      typeName: type.name,
      schemaName: '',
      tableName: '',
      isAutoIncrement: false,
      isSigned: carrier === 'long' || carrier === 'double' || type.name === 'numeric',
      isCurrency: type.name === 'money',
      isCaseSensitive: type.category === 'S',
      nullable: 2,
      precision: 0,
      scale: 0,
      arrayBaseColumnType: isArray ? (JDBC_TYPES[element.name] ?? JDBC_OTHER) : 0,
    };
  });
}

/** One raw text value as a Data API `Field`. */
export function toField(text: string | null, column: Column, options: PresentOptions = {}): DataApiField {
  if (text === null) return { isNull: true };
  if (column.element) return { arrayValue: toArrayValue(parsePgArray(text), column.element.name, options) };
  return scalarField(text, column.type.name, options);
}

function scalarField(text: string, typeName: string, options: PresentOptions): DataApiField {
  if (typeName === 'numeric' && options.decimalReturnType === 'DOUBLE_OR_LONG') {
    return /^-?\d+$/.test(text) ? { longValue: Number(text) } : { doubleValue: Number(text) };
  }
  switch (carrierOf(typeName)) {
    case 'long':
      return options.longReturnType === 'STRING' ? { stringValue: text } : { longValue: Number(text) };
    case 'double':
      return { doubleValue: Number(text) };
    case 'boolean':
      return { booleanValue: text === 't' || text === 'true' };
    case 'blob':
      return { blobValue: Buffer.from(text.replace(/^\\x/, ''), 'hex').toString('base64') };
    default:
      return { stringValue: presentString(text, typeName) };
  }
}

/** Aurora shows `timestamptz` in UTC without the offset: `YYYY-MM-DD HH:MM:SS[.ffffff]`. */
function presentString(text: string, typeName: string): string {
  if (typeName === 'timestamptz') return text.replace(/([+-]\d{2}(:\d{2})?)$/, '');
  return text;
}

type NestedText = string | null | NestedText[];

function toArrayValue(
  items: NestedText[],
  elementType: string,
  options: PresentOptions,
): Record<string, unknown> {
  if (items.some(Array.isArray)) {
    return {
      arrayValues: items.map((item) =>
        toArrayValue(Array.isArray(item) ? item : [item], elementType, options),
      ),
    };
  }
  const fields = (items as (string | null)[]).map((item) =>
    item === null ? null : scalarField(item, elementType, options),
  );
  const member = (f: DataApiField | null) => (f ? Object.values(f)[0] : null);
  switch (carrierOf(elementType)) {
    case 'long':
      return options.longReturnType === 'STRING'
        ? { stringValues: fields.map(member) }
        : { longValues: fields.map(member) };
    case 'double':
      return { doubleValues: fields.map(member) };
    case 'boolean':
      return { booleanValues: fields.map(member) };
    default:
      return { stringValues: fields.map(member) };
  }
}

/** A Data API field as a plain JSON value, for `formatRecordsAs: "JSON"`. */
export function fieldToJson(field: DataApiField): unknown {
  if (field.isNull) return null;
  if (field.arrayValue !== undefined) return arrayToJson(field.arrayValue as Record<string, unknown>);
  return Object.values(field)[0];
}

function arrayToJson(array: Record<string, unknown>): unknown[] {
  const [key, values] = Object.entries(array)[0] ?? ['', []];
  if (key === 'arrayValues') return (values as Record<string, unknown>[]).map(arrayToJson);
  return values as unknown[];
}
