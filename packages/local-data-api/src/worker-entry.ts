/**
 * The local Data API in a worker thread (see start-worker.ts): starts it from `workerData`, posts
 * `{ url, port }` or the start-up error, and closes it (backend included) when told to.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { startLocalDataApi } from './start.ts';
import type { WorkerOptions, WorkerReply } from './start-worker.ts';

const port = parentPort;
if (!port) throw new Error('worker-entry.ts runs only as a worker thread (startLocalDataApiInWorker)');
const reply = (message: WorkerReply) => port.postMessage(message);

try {
  const server = await startLocalDataApi(workerData as WorkerOptions);
  port.on('message', (message: unknown) => {
    if (message !== 'close') return;
    server.close().then(
      () => {
        reply({ kind: 'closed' });
        port.close();
      },
      (err: unknown) => reply({ kind: 'error', ...describe(err) }),
    );
  });
  reply({ kind: 'started', url: server.url, port: server.port });
} catch (err: unknown) {
  reply({ kind: 'error', ...describe(err) });
  port.close();
}

function describe(err: unknown): { name: string; message: string; code?: string } {
  const e = err as NodeJS.ErrnoException;
  return {
    name: e?.name ?? 'Error',
    message: e?.message ?? String(err),
    ...(typeof e?.code === 'string' ? { code: e.code } : {}),
  };
}
