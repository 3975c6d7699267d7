/**
 * Runs Alex locally: the local Data API on 127.0.0.1:8010 over embedded PGlite (kept in .alex/),
 * or over the PostgreSQL server in DATABASE_URL. On first start it migrates and loads the default
 * instruments and the demo portfolio of user_test_123; later starts only apply new migrations.
 *   pnpm dev
 */
import { createDataApiClient, databaseConfigFromEnv, resetDatabase, runMigrations } from '@alex/database';
import { localStoreFromEnv, redact, startLocalDataApi } from '@alex/database/local';
import { runMain } from './lib/cli.ts';
import { env, portFromEnv, REPO_ROOT } from './lib/env.ts';

const USAGE = 'Usage: pnpm dev   (environment: DATA_API_PORT, DATABASE_URL, ALEX_DATA_DIR)';

await runMain(async () => {
  const host = '127.0.0.1';
  const port = portFromEnv('DATA_API_PORT', 8010);
  const store = localStoreFromEnv(env, REPO_ROOT);
  const where =
    store.kind === 'postgres' ? `PostgreSQL ${redact(store.url)}` : `embedded PGlite in ${store.dataDir}`;
  console.log(`Starting the local Data API over ${where} …`);

  const server = await startLocalDataApi({ store, host, port }).catch((err: unknown) => {
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new Error(
        `Port ${port} is in use: is another \`pnpm dev\` running? Set DATA_API_PORT to use another.`,
      );
    }
    throw err;
  });
  const client = createDataApiClient({ ...databaseConfigFromEnv({}), endpoint: server.url });

  const migrations = await runMigrations(client);
  if (migrations.applied.includes('001_schema.sql')) {
    const report = await resetDatabase(client, { withTestData: true });
    console.log(
      `✓ New database: loaded ${report.instruments} instruments and the demo portfolio of ${report.testData?.user}`,
    );
  } else {
    console.log(`✓ Database up to date (${migrations.applied.length} new migration(s) applied)`);
  }

  console.log(`\n  Local Data API  ${server.url}   (AWS SDK/CLI endpoint; database "alex", any ARNs)`);
  console.log('\nPress Ctrl+C to stop.');

  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  console.log('\nStopping …');
  await server.close();
  return 0;
}, USAGE);
