/**
 * Runs Alex locally, in one process: the local Data API on 127.0.0.1:8010 over embedded PGlite
 * (kept in .alex/) or over the PostgreSQL server in DATABASE_URL; the analysis worker (planner and
 * agents, fed by a local queue); the API Lambda's handler on 127.0.0.1:8000; and the SPA (Vite) on
 * 127.0.0.1:5173. On first start it migrates and loads the default instruments and the demo
 * portfolio of user_test_123; later starts only apply new migrations.
 *   pnpm dev
 */
import { join } from 'node:path';
import { modelConfigFromEnv } from '@alex/agents';
import { createLogger, parseLogLevel } from '@alex/core';
import { localDataApiClient, resetDatabase, runMigrations } from '@alex/database';
import { localStoreFromEnv, redact, startLocalDataApiInWorker } from '@alex/local-data-api';
import { runMain, UsageError } from './lib/cli.ts';
import { announceTarget, env, portFromEnv, REPO_ROOT } from './lib/env.ts';

const USAGE = 'Usage: pnpm dev   (environment: DATA_API_PORT, DATABASE_URL, ALEX_DATA_DIR, LOG_LEVEL)';
const HOST = '127.0.0.1';
// The SPA, the local issuer and CORS all expect these two (see services/api/src/local-defaults.ts).
const API_PORT = 8000;
const WEB_PORT = 5173;

/** Turns "address in use" into a message that says what to do. */
function portInUse(port: number, variable?: string) {
  return (err: unknown): never => {
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      const hint = variable ? ` Set ${variable} to use another.` : ' Stop whatever holds it.';
      throw new Error(`Port ${port} is in use: is another \`pnpm dev\` running?${hint}`);
    }
    throw err;
  };
}

await runMain(async () => {
  if (process.argv.slice(2).includes('--help')) {
    console.log(USAGE);
    return 0;
  }
  if (process.argv.length > 2) throw new UsageError(`Unknown argument: ${process.argv[2]}`);
  // Everything started is stopped again, in reverse order, on Ctrl+C or when a later step fails.
  const stops: (() => Promise<void>)[] = [];
  if (announceTarget().target === 'aws') {
    throw new Error(
      '`pnpm dev` runs the local stack only; set ALEX_TARGET=local in .env (or run ALEX_TARGET=local pnpm dev)',
    );
  }
  try {
    const port = portFromEnv('DATA_API_PORT', 8010);
    const store = localStoreFromEnv(env, REPO_ROOT);
    const where =
      store.kind === 'postgres' ? `PostgreSQL ${redact(store.url)}` : `embedded PGlite in ${store.dataDir}`;
    console.log(`Starting the local Data API over ${where} …`);
    // In a worker thread: the database's work stays off the thread serving the API and the SPA.
    const server = await startLocalDataApiInWorker({ store, host: HOST, port }).catch(
      portInUse(port, 'DATA_API_PORT'),
    );
    stops.push(() => server.close());
    const client = localDataApiClient(server.url);

    const migrations = await runMigrations(client);
    if (migrations.applied.includes('001_schema.sql')) {
      const report = await resetDatabase(client, { withTestData: true });
      console.log(
        `✓ New database: loaded ${report.instruments} instruments and the demo portfolio of ${report.testData?.user}`,
      );
    } else {
      console.log(`✓ Database up to date (${migrations.applied.length} new migration(s) applied)`);
    }

    // The in-process services are built from this environment: pointed at the server just started.
    const serviceEnv = { ...env, DATA_API_ENDPOINT: server.url };
    const logger = createLogger({ level: parseLogLevel(env.LOG_LEVEL) });
    const { startLocalPipeline } = await import('./lib/local-pipeline.ts');
    const pipeline = await startLocalPipeline({ client, env: serviceEnv, logger, pollMs: 1000 });
    stops.push(() => pipeline.close());
    const model = modelConfigFromEnv(serviceEnv);

    const { startLocalApi } = await import('./lib/local-api.ts');
    const api = await startLocalApi({
      client,
      env: serviceEnv,
      root: REPO_ROOT,
      logger,
      host: HOST,
      port: API_PORT,
      enqueue: (jobId) => pipeline.queue.send(jobId),
    }).catch(portInUse(API_PORT));
    stops.push(() => api.close());

    const { createServer } = await import('vite');
    const web = await createServer({
      root: join(REPO_ROOT, 'frontend'),
      configFile: join(REPO_ROOT, 'frontend', 'vite.config.ts'),
      server: { host: HOST, port: WEB_PORT, strictPort: true },
      logLevel: 'warn',
    });
    stops.push(() => web.close());
    await web.listen().catch(portInUse(WEB_PORT));

    const worker = model.provider === 'offline' ? 'the offline model' : `Bedrock ${model.modelId}`;
    const auth = api.clerk
      ? 'Clerk tokens'
      : 'local sign-in; tokens: pnpm tsx scripts/dev-token.ts <user_id>';
    console.log(
      `\n  App             http://${HOST}:${WEB_PORT}   (sign in as user_test_123 for the demo portfolio)`,
    );
    console.log(`  API             ${api.url}   (${auth})`);
    console.log(`  Worker          planner + tagger, reporter, charter, retirement on ${worker}`);
    console.log(`  Local Data API  ${server.url}   (AWS SDK/CLI endpoint; database "alex", any ARNs)`);
    console.log('\nPress Ctrl+C to stop.');

    await new Promise<void>((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    });
    console.log('\nStopping …');
    return 0;
  } finally {
    for (const stop of stops.reverse()) await stop().catch(() => {});
  }
}, USAGE);
