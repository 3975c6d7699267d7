import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localDataApiClient } from '@alex/database';
import { afterAll, describe, expect, it } from 'vitest';
import { startLocalDataApiInWorker } from '../src/start-worker.ts';

const folder = mkdtempSync(join(tmpdir(), 'alex-data-api-thread-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('the local Data API in a worker thread', () => {
  it('serves SQL over PGlite from its thread and keeps the data when closed and started again', async () => {
    const store = { kind: 'pglite' as const, dataDir: join(folder, 'pgdata') };
    const first = await startLocalDataApiInWorker({ store, port: 0 });
    const client = localDataApiClient(first.url, { retry: { maxAttempts: 1 } });
    await client.execute('CREATE TABLE notes (id int PRIMARY KEY, body text NOT NULL)');
    await client.execute('INSERT INTO notes VALUES (1, :body)', { body: 'kept' });
    await first.close();

    const second = await startLocalDataApiInWorker({ store, port: 0 });
    try {
      const rows = await localDataApiClient(second.url).query('SELECT body FROM notes');
      expect(rows).toEqual([{ body: 'kept' }]);
    } finally {
      await second.close();
    }
  });

  it('rethrows a start-up error with its code, e.g. a port in use', async () => {
    const holder: Server = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const { port } = holder.address() as { port: number };
    try {
      await expect(startLocalDataApiInWorker({ host: '127.0.0.1', port })).rejects.toMatchObject({
        code: 'EADDRINUSE',
      });
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
  });
});
