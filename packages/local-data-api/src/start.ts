import { join } from 'node:path';
import type { SqlBackend } from './backend.ts';
import { LocalDataApi } from './data-api.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { openPostgresBackend } from './pg-backend.ts';
import { openPgliteBackend } from './pglite-backend.ts';
import { type RunningDataApi, serveDataApi } from './server.ts';

/** Where the embedded database lives: which backend, and for PGlite which folder. */
export type LocalStore = { kind: 'pglite'; dataDir?: string | undefined } | { kind: 'postgres'; url: string };

/** The folder of embedded data under a project root: `<root>/.alex/pgdata`. */
export function defaultDataDir(root: string): string {
  return join(root, '.alex', 'pgdata');
}

/** Opens the backend a store describes; a PGlite folder is locked to this process. */
export async function openBackend(store: LocalStore): Promise<SqlBackend> {
  if (store.kind === 'postgres') return openPostgresBackend(store.url);
  if (!store.dataDir) return openPgliteBackend();
  const unlock = lockDataDir(store.dataDir);
  try {
    const backend = await openPgliteBackend(store.dataDir);
    return {
      ...backend,
      async close() {
        try {
          await backend.close();
        } finally {
          unlock();
        }
      },
    };
  } catch (err) {
    unlock();
    throw err;
  }
}

/** Starts the local Data API on `host:port` over `store` (PGlite in memory when none given). */
export async function startLocalDataApi(
  options: { store?: LocalStore; host?: string; port?: number; transactionIdleMs?: number } = {},
): Promise<RunningDataApi & { api: LocalDataApi }> {
  const backend = await openBackend(options.store ?? { kind: 'pglite' });
  const api = new LocalDataApi(
    backend,
    options.transactionIdleMs ? { transactionIdleMs: options.transactionIdleMs } : {},
  );
  let running: RunningDataApi;
  try {
    running = await serveDataApi(api, {
      ...(options.host ? { host: options.host } : {}),
      port: options.port ?? 0,
    });
  } catch (err) {
    await api.close();
    throw err;
  }
  return {
    ...running,
    api,
    async close() {
      await running.close();
      await api.close();
    },
  };
}
