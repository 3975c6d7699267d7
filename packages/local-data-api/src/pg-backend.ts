import pg from 'pg';
import { PG_TYPE_SQL, type RawResult, type SqlBackend, toPgTypes, typeCache } from './backend.ts';
import { PgError, toPgError } from './pglite-backend.ts';

const RAW_TYPES = { getTypeParser: () => (value: string) => value };

/** Distinct statement texts kept prepared; services send a few dozen, later ones run unprepared. */
const MAX_PREPARED = 256;
/**
 * Whether Postgres refused a prepared statement that can no longer run as prepared: a table's
 * columns changed under it, or it was deallocated. Either fails before the statement runs.
 */
function isStalePrepared(err: unknown): boolean {
  if (!(err instanceof PgError)) return false;
  const { code, message } = err.info;
  return (
    code === '26000' || (code === '0A000' && message.includes('cached plan must not change result type'))
  );
}

/**
 * Names for the statements run outside transactions, one per distinct text: node-postgres then
 * prepares each once per connection, and Postgres skips parsing and analysing it on every later run
 * (the portfolio's document read: ≈ 0.5 ms a statement unprepared, ≈ 0.15 ms prepared). A statement
 * whose name went stale gets a new one.
 */
function statementNames() {
  const names = new Map<string, string>();
  let next = 0;
  return {
    of(sql: string): string | undefined {
      let name = names.get(sql);
      if (name === undefined && names.size < MAX_PREPARED) {
        name = `alex_${next++}`;
        names.set(sql, name);
      }
      return name;
    },
    forget(sql: string): void {
      names.delete(sql);
    },
  };
}

/** Connects to a PostgreSQL server; each transaction gets its own pooled connection. */
export async function openPostgresBackend(connectionString: string): Promise<SqlBackend> {
  const pool = new pg.Pool({
    connectionString,
    max: 10,
    options: '-c TimeZone=UTC -c DateStyle=ISO,YMD -c IntervalStyle=iso_8601',
    types: RAW_TYPES,
  });
  // An idle client dropped by the server must not crash the process.
  pool.on('error', () => {});
  const sessions = new Map<string, pg.PoolClient>();
  const names = statementNames();

  const run = async (
    runner: pg.Pool | pg.PoolClient,
    sql: string,
    params: (string | null)[],
    name?: string,
  ): Promise<RawResult> => {
    try {
      const result = await runner.query<(string | null)[]>({
        name,
        text: sql,
        values: params,
        rowMode: 'array',
      });
      return {
        fields: result.fields.map((f) => ({ name: f.name, typeId: f.dataTypeID })),
        rows: result.rows,
        affectedRows: result.command === 'SELECT' ? 0 : (result.rowCount ?? 0),
      };
    } catch (err: unknown) {
      throw toPgError(err);
    }
  };

  /**
   * A statement outside a transaction, prepared when it has parameters (it then uses the extended
   * protocol anyway; one without keeps the simple protocol). A stale one runs again under a new name.
   */
  const autocommit = async (sql: string, params: (string | null)[]): Promise<RawResult> => {
    const name = params.length > 0 ? names.of(sql) : undefined;
    try {
      return await run(pool, sql, params, name);
    } catch (err: unknown) {
      if (name === undefined || !isStalePrepared(err)) throw err;
      names.forget(sql);
      return run(pool, sql, params, names.of(sql));
    }
  };

  await run(pool, 'SELECT 1', []);

  return {
    kind: 'postgres',
    query(sql, params, transactionId) {
      const session = transactionId ? sessions.get(transactionId) : undefined;
      return session ? run(session, sql, params) : autocommit(sql, params);
    },
    async begin(transactionId) {
      const client = await pool.connect();
      try {
        await run(client, 'BEGIN', []);
      } catch (err) {
        client.release();
        throw err;
      }
      sessions.set(transactionId, client);
    },
    commit: (transactionId) => end(transactionId, 'COMMIT'),
    rollback: (transactionId) => end(transactionId, 'ROLLBACK'),
    type: typeCache(async (transactionId) => {
      const session = transactionId ? sessions.get(transactionId) : undefined;
      return toPgTypes((await run(session ?? pool, PG_TYPE_SQL, [])).rows);
    }),
    async close() {
      for (const id of [...sessions.keys()]) await end(id, 'ROLLBACK');
      await pool.end();
    },
  };

  async function end(transactionId: string, command: 'COMMIT' | 'ROLLBACK'): Promise<void> {
    const client = sessions.get(transactionId);
    if (!client) return;
    sessions.delete(transactionId);
    try {
      await run(client, command, []);
      client.release();
    } catch (err) {
      client.release(true);
      throw err;
    }
  }
}
