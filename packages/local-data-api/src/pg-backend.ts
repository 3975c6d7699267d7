import pg from 'pg';
import { PG_TYPE_SQL, type RawResult, type SqlBackend, toPgTypes, typeCache } from './backend.ts';
import { toPgError } from './pglite-backend.ts';

const RAW_TYPES = { getTypeParser: () => (value: string) => value };

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

  const run = async (
    runner: pg.Pool | pg.PoolClient,
    sql: string,
    params: (string | null)[],
  ): Promise<RawResult> => {
    try {
      const result = await runner.query<(string | null)[]>({ text: sql, values: params, rowMode: 'array' });
      return {
        fields: result.fields.map((f) => ({ name: f.name, typeId: f.dataTypeID })),
        rows: result.rows,
        affectedRows: result.command === 'SELECT' ? 0 : (result.rowCount ?? 0),
      };
    } catch (err: unknown) {
      throw toPgError(err);
    }
  };

  await run(pool, 'SELECT 1', []);

  return {
    kind: 'postgres',
    query(sql, params, transactionId) {
      const session = transactionId ? sessions.get(transactionId) : undefined;
      return run(session ?? pool, sql, params);
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
