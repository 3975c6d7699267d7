/** A column of a raw result: its name and Postgres type OID. */
export interface RawField {
  name: string;
  typeId: number;
}

/** Rows exactly as Postgres printed them (text format), so nothing is lost before mapping. */
export interface RawResult {
  fields: RawField[];
  rows: (string | null)[][];
  affectedRows: number;
}

/** Where a Postgres error came from, as the local Data API reports it. */
export interface PgErrorInfo {
  message: string;
  code?: string | undefined;
  detail?: string | undefined;
  position?: string | undefined;
}

/** What `pg_type` says of a type. */
export interface PgType {
  oid: number;
  name: string;
  elementOid: number;
  category: string;
}

/**
 * The SQL engine behind the local Data API: embedded PGlite or a PostgreSQL server. Statements run
 * one at a time with positional text parameters; a transaction pins a session until it ends.
 */
export interface SqlBackend {
  readonly kind: 'pglite' | 'postgres';
  query(sql: string, params: (string | null)[], transactionId?: string): Promise<RawResult>;
  begin(transactionId: string): Promise<void>;
  commit(transactionId: string): Promise<void>;
  rollback(transactionId: string): Promise<void>;
  /** Looks a type up in `pg_type` (inside the transaction, if one is given), caching what it finds. */
  type(oid: number, transactionId?: string): Promise<PgType | undefined>;
  close(): Promise<void>;
}

/**
 * A cache of `pg_type`, reloaded when an OID is missing (a type created since). `load` runs the
 * query in the given transaction when there is one: outside it, a single-session engine would wait
 * for the very transaction that is asking.
 */
export function typeCache(
  load: (transactionId: string | undefined) => Promise<PgType[]>,
): (oid: number, transactionId?: string) => Promise<PgType | undefined> {
  let types = new Map<number, PgType>();
  return async (oid, transactionId) => {
    if (!types.has(oid)) types = new Map((await load(transactionId)).map((t) => [t.oid, t]));
    return types.get(oid);
  };
}

export const PG_TYPE_SQL = 'SELECT oid::int8, typname, typelem::int8, typcategory FROM pg_catalog.pg_type';

/** Maps rows of {@link PG_TYPE_SQL} to {@link PgType}. */
export function toPgTypes(rows: (string | null)[][]): PgType[] {
  return rows.map(([oid, name, elem, category]) => ({
    oid: Number(oid),
    name: name ?? '',
    elementOid: Number(elem),
    category: category ?? '',
  }));
}

/** A minimal async mutex: PGlite has one session, so a transaction must hold it alone. */
export class Mutex {
  #tail: Promise<void> = Promise.resolve();

  /** Resolves with a release function once every earlier holder has released. */
  acquire(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const ready = this.#tail.then(() => release);
    this.#tail = this.#tail.then(() => held);
    return ready;
  }
}
