import pg from 'pg';

/** Whether a PostgreSQL server answers at `url` within `timeoutMs` (for suites and benchmarks that use one when it is up). */
export async function postgresReachable(url: string, timeoutMs = 1500): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}
