/**
 * Runs Alex locally: the local Data API on 127.0.0.1:8010 over embedded PGlite (kept in .alex/),
 * or over the PostgreSQL server in DATABASE_URL, and the analysis worker (planner and agents
 * in-process, fed by a local queue). On first start it migrates and loads the default instruments
 * and the demo portfolio of user_test_123; later starts only apply new migrations.
 *   pnpm dev
 */
import { modelConfigFromEnv } from '@alex/agents';
import { createLogger, parseLogLevel } from '@alex/core';
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

  // The in-process services read their database endpoint when they load: point them here first.
  process.env.DATA_API_ENDPOINT = server.url;
  const logger = createLogger({ level: parseLogLevel(env.LOG_LEVEL ?? 'warn') });
  const { startLocalPipeline } = await import('./lib/local-pipeline.ts');
  const pipeline = await startLocalPipeline({ client, env: process.env, logger, pollMs: 1000 });
  const model = modelConfigFromEnv(process.env);

  console.log(`\n  Local Data API  ${server.url}   (AWS SDK/CLI endpoint; database "alex", any ARNs)`);
  console.log(
    `  Worker          planner + tagger, reporter, charter, retirement on the ${model.provider === 'offline' ? 'offline model' : `Bedrock model ${model.modelId}`}`,
  );
  console.log('\nTry: pnpm tsx scripts/run-analysis.ts    Press Ctrl+C to stop.');

  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  console.log('\nStopping …');
  await pipeline.close();
  await server.close();
  return 0;
}, USAGE);
