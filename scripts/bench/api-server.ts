/**
 * The API as `pnpm dev` serves it, in a process of its own for the api bench to load: the local Data
 * API over `store` (a fresh PGlite folder, or the PostgreSQL database in the URL), migrated and
 * seeded with the demo portfolio, then the API Lambda's handler behind the local HTTP adapter on a
 * free port, with the local issuer. Prints one JSON line `{ url, token }` (a token for the demo user)
 * and serves until SIGTERM. `folder` holds the PGlite data (unless a PostgreSQL URL is given) and the
 * local issuer's key.
 *   tsx scripts/bench/api-server.ts <folder> [postgres://…]
 */
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createLocalIssuer } from '@alex/api';
import { createLogger } from '@alex/core';
import { localDataApiClient, resetDatabase, runMigrations } from '@alex/database';
import { DEMO_USER } from '@alex/database/testing';
import { type LocalStore, startLocalDataApiInWorker } from '@alex/local-data-api';
import { env } from '../lib/env.ts';
import { startLocalApi } from '../lib/local-api.ts';

const HOST = '127.0.0.1';

/** A port nothing listens on now (the API's JWKS URL names its own port, so it is chosen first). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, HOST, resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

const [folder, postgresUrl] = process.argv.slice(2);
if (!folder) throw new Error('Usage: tsx scripts/bench/api-server.ts <folder> [postgres://…]');
const store: LocalStore = postgresUrl
  ? { kind: 'postgres', url: postgresUrl }
  : { kind: 'pglite', dataDir: join(folder, 'pgdata') };

const dataApi = await startLocalDataApiInWorker({ store, host: HOST, port: 0 });
const client = localDataApiClient(dataApi.url);
await runMigrations(client);
await resetDatabase(client, { withTestData: true });

/** The API on a free port; another process may take the port between the probe and the listen, so retry. */
async function startApi(attempt = 1): Promise<Awaited<ReturnType<typeof startLocalApi>>> {
  const port = await freePort();
  try {
    return await startLocalApi({
      client,
      env: {
        ...env,
        DATA_API_ENDPOINT: dataApi.url,
        CLERK_JWKS_URL: `http://${HOST}:${port}/.well-known/jwks.json`,
      },
      root: folder as string,
      logger: createLogger({ level: 'warn' }),
      host: HOST,
      port,
      enqueue: () => {},
    });
  } catch (err: unknown) {
    if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt >= 5) throw err;
    return startApi(attempt + 1);
  }
}

const api = await startApi();
const issuer = await createLocalIssuer(join(folder, '.alex', 'dev-issuer'));
console.log(JSON.stringify({ url: api.url, token: await issuer.sign(DEMO_USER) }));

await new Promise<void>((resolve) => {
  process.once('SIGTERM', () => resolve());
  process.once('SIGINT', () => resolve());
});
await api.close();
await dataApi.close();
// Idle sockets and timers would keep the process (and the profile it writes on exit) for a while.
process.exit(0);
