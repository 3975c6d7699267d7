import { randomBytes } from 'node:crypto';
import { type DataApiClient, localDataApiClient } from '@alex/database';
import pg from 'pg';
import { postgresReachable } from './postgres-reachable.ts';
import { type LocalStore, startLocalDataApi } from './start.ts';

/** The PostgreSQL server the suite also runs against when it is reachable. */
export const TEST_POSTGRES_URL =
  process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const hasPostgres = await postgresReachable(TEST_POSTGRES_URL);
if (!hasPostgres && process.env.ALEX_REQUIRE_POSTGRES === '1') {
  throw new Error(`ALEX_REQUIRE_POSTGRES=1 but PostgreSQL is not reachable at ${TEST_POSTGRES_URL}`);
}

/** The backends to run a suite against: PGlite always, PostgreSQL when the server is up. */
export const BACKENDS: readonly ('pglite' | 'postgres')[] = hasPostgres ? ['pglite', 'postgres'] : ['pglite'];

/** A local Data API over a fresh, empty database of the given kind, and a client pointed at it. */
export interface TestDatabase {
  url: string;
  client: DataApiClient;
  close(): Promise<void>;
}

/** Starts a local Data API over a new empty database (in-memory PGlite, or a new PostgreSQL database). */
export async function startTestDatabase(
  kind: 'pglite' | 'postgres',
  options: { transactionIdleMs?: number } = {},
): Promise<TestDatabase> {
  let store: LocalStore = { kind: 'pglite' };
  let dropDatabase = async () => {};
  if (kind === 'postgres') {
    const name = `alex_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(TEST_POSTGRES_URL);
    url.pathname = `/${name}`;
    store = { kind: 'postgres', url: url.toString() };
    dropDatabase = async () => {
      const c = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  }
  const server = await startLocalDataApi({ store, port: 0, ...options });
  const client = localDataApiClient(server.url, { retry: { maxAttempts: 1 } });
  return {
    url: server.url,
    client,
    async close() {
      await server.close();
      await dropDatabase();
    },
  };
}
