import {
  createDataApiClient,
  type DataApiClient,
  type DatabaseConfig,
  DEFAULT_LOCAL_ENDPOINT,
  databaseConfigFromEnv,
} from '@alex/database';
import { defaultDataDir, type LocalStore, startLocalDataApi } from './start.ts';

/** A database a script can use, however it was reached, and how to let go of it. */
export interface OpenedDatabase {
  client: DataApiClient;
  /** Where the statements go, for the script to print. */
  description: string;
  /** The local Data API's URL; undefined for Aurora. */
  endpoint: string | undefined;
  /** True when no local Data API was running and this process started its own. */
  startedInProcess: boolean;
  close(): Promise<void>;
}

/** The store behind a local Data API: `DATABASE_URL`'s server, or PGlite under `.alex/`. */
export function localStoreFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  root: string,
): LocalStore {
  if (env.DATABASE_URL) return { kind: 'postgres', url: env.DATABASE_URL };
  return { kind: 'pglite', dataDir: env.ALEX_DATA_DIR ? env.ALEX_DATA_DIR : defaultDataDir(root) };
}

/** Whether a local Data API answers at `endpoint`. */
export async function localDataApiIsUp(endpoint: string): Promise<boolean> {
  try {
    const response = await fetch(new URL('/health', endpoint), { signal: AbortSignal.timeout(1000) });
    const body = (await response.json()) as { service?: string };
    return body.service === 'alex-local-data-api';
  } catch {
    return false;
  }
}

/**
 * Opens the database a script should use: Aurora when `AURORA_CLUSTER_ARN`/`AURORA_SECRET_ARN` are
 * set; else the running local Data API (`pnpm dev`); else a local Data API started in-process for
 * the script's lifetime, so the embedded data folder never has two writers.
 */
export async function openDatabase(
  env: Readonly<Record<string, string | undefined>>,
  root: string,
): Promise<OpenedDatabase> {
  const config = databaseConfigFromEnv(env);
  if (config.mode === 'aurora') {
    return {
      client: createDataApiClient(config),
      description: `Aurora ${config.resourceArn}`,
      endpoint: undefined,
      startedInProcess: false,
      async close() {},
    };
  }
  if (await localDataApiIsUp(config.endpoint)) {
    return {
      client: createDataApiClient(config),
      description: `local Data API at ${config.endpoint}`,
      endpoint: config.endpoint,
      startedInProcess: false,
      async close() {},
    };
  }
  if (env.DATA_API_ENDPOINT && config.endpoint !== DEFAULT_LOCAL_ENDPOINT) {
    throw new Error(`DATA_API_ENDPOINT is set to ${config.endpoint} but no local Data API answers there`);
  }
  const store = localStoreFromEnv(env, root);
  const server = await startLocalDataApi({ store, port: 0 });
  const local: DatabaseConfig = { ...config, endpoint: server.url };
  return {
    client: createDataApiClient(local),
    endpoint: server.url,
    startedInProcess: true,
    description:
      store.kind === 'postgres'
        ? `PostgreSQL ${redact(store.url)} (in-process Data API)`
        : `embedded PGlite in ${store.dataDir ?? 'memory'} (in-process Data API)`,
    close: () => server.close(),
  };
}

/** Hides the password in a connection URL. */
export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the configured PostgreSQL server';
  }
}
