import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import {
  Mutex,
  PG_TYPE_SQL,
  type PgErrorInfo,
  type RawResult,
  type SqlBackend,
  toPgTypes,
  typeCache,
} from './backend.ts';

const identity = (value: string) => value;

/**
 * Leaves every type as Postgres printed it (the wire layer decides how to present it) by making each
 * of the instance's own parsers the identity, in place. PGlite copies its parser table into a new
 * object on every query given per-query `parsers` (≈ 320 entries, a tenth of a query's CPU), and
 * falls back to its built-in parsers for an OID missing from the table, so every known OID needs an
 * entry; types created later (e.g. a new enum) have no parser and already arrive as text.
 */
function keepRawText(db: PGlite): void {
  for (const oid of Object.keys(db.parsers)) db.parsers[Number(oid)] = identity;
}

/** Opens embedded Postgres in `dataDir` (in memory when undefined). One process per folder. */
export async function openPgliteBackend(dataDir?: string): Promise<SqlBackend> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir ? { dataDir } : {});
  await db.exec("SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD'; SET IntervalStyle = 'iso_8601'");
  keepRawText(db);
  const mutex = new Mutex();
  const sessions = new Map<string, () => void>();

  const run = async (sql: string, params: (string | null)[]): Promise<RawResult> => {
    try {
      const result = await db.query<unknown[]>(sql, params, { rowMode: 'array' });
      return {
        fields: result.fields.map((f) => ({ name: f.name, typeId: f.dataTypeID })),
        rows: result.rows as (string | null)[][],
        affectedRows: result.affectedRows ?? 0,
      };
    } catch (err: unknown) {
      throw toPgError(err);
    }
  };

  const locked = async <T>(work: () => Promise<T>): Promise<T> => {
    const release = await mutex.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  };

  const type = typeCache(async (transactionId) => {
    const result = transactionId ? await run(PG_TYPE_SQL, []) : await locked(() => run(PG_TYPE_SQL, []));
    return toPgTypes(result.rows);
  });
  await type(0);

  return {
    kind: 'pglite',
    query: (sql, params, transactionId) =>
      transactionId ? run(sql, params) : locked(() => run(sql, params)),
    async begin(transactionId) {
      const release = await mutex.acquire();
      try {
        await run('BEGIN', []);
      } catch (err) {
        release();
        throw err;
      }
      sessions.set(transactionId, release);
    },
    commit: (transactionId) => end(transactionId, 'COMMIT'),
    rollback: (transactionId) => end(transactionId, 'ROLLBACK'),
    type,
    async close() {
      await locked(() => db.close());
    },
  };

  async function end(transactionId: string, command: 'COMMIT' | 'ROLLBACK'): Promise<void> {
    const release = sessions.get(transactionId);
    if (!release) return;
    sessions.delete(transactionId);
    try {
      await run(command, []);
    } finally {
      release();
    }
  }
}

/** The parts of a Postgres error (PGlite and node-postgres share the field names). */
export function toPgError(err: unknown): PgError {
  if (err instanceof PgError) return err;
  const e = err as { message?: unknown; code?: unknown; detail?: unknown; position?: unknown };
  return new PgError({
    message: typeof e.message === 'string' ? e.message : String(err),
    code: typeof e.code === 'string' ? e.code : undefined,
    detail: typeof e.detail === 'string' ? e.detail : undefined,
    position: typeof e.position === 'string' ? e.position : undefined,
  });
}

/** An error the database raised, carried to the wire as a BadRequestException. */
export class PgError extends Error {
  readonly info: PgErrorInfo;
  constructor(info: PgErrorInfo) {
    super(info.message);
    this.name = new.target.name;
    this.info = info;
  }
}
