import { Worker } from 'node:worker_threads';
import type { LocalStore } from './start.ts';

/** What {@link startLocalDataApiInWorker} starts the server with. */
export interface WorkerOptions {
  store?: LocalStore;
  host?: string;
  port?: number;
  transactionIdleMs?: number;
}

/** Messages from the worker thread. */
export type WorkerReply =
  | { kind: 'started'; url: string; port: number }
  | { kind: 'closed' }
  | { kind: 'error'; name: string; message: string; code?: string };

/** A local Data API running in a worker thread: its base URL and how to stop it. */
export interface DataApiThread {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Starts the local Data API in a worker thread of its own, as `pnpm dev` does: it is a separate
 * service on AWS, and here it keeps the database's work (PGlite runs Postgres synchronously in
 * wasm) and its HTTP handling off the thread that serves the API and the SPA, so the two use both
 * cores. The same server as {@link startLocalDataApi}; a start-up error (a port in use, a locked
 * data folder) is rethrown here with its name, message and code.
 */
export async function startLocalDataApiInWorker(options: WorkerOptions = {}): Promise<DataApiThread> {
  // Workers do not inherit tsx's loader: register it in the worker, then load the TypeScript entry.
  const loader = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./worker-entry.ts', import.meta.url).href;
  const worker = new Worker(
    `import(${JSON.stringify(loader)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`,
    { eval: true, workerData: options, name: 'local-data-api' },
  );
  const started = await new Promise<Extract<WorkerReply, { kind: 'started' }>>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`The local Data API thread exited (code ${code})`)));
    worker.once('message', (message: WorkerReply) => {
      if (message.kind === 'started') resolve(message);
      else if (message.kind === 'error') reject(rebuild(message));
    });
  }).catch(async (err: unknown) => {
    await worker.terminate();
    throw err;
  });
  worker.removeAllListeners();
  let closing = false;
  worker.on('error', (err) => console.error('The local Data API thread failed:', err));
  worker.on('exit', (code) => {
    if (!closing)
      console.error(`The local Data API thread stopped (code ${code}); restart to reach the database.`);
  });
  return {
    url: started.url,
    port: started.port,
    async close() {
      closing = true;
      const closed = new Promise<void>((resolve, reject) => {
        worker.on('message', (message: WorkerReply) => {
          if (message.kind === 'closed') resolve();
          else if (message.kind === 'error') reject(rebuild(message));
        });
        worker.once('exit', () => resolve());
      });
      worker.postMessage('close');
      try {
        await closed;
      } finally {
        await worker.terminate();
      }
    },
  };
}

function rebuild(reply: Extract<WorkerReply, { kind: 'error' }>): Error {
  const err = new Error(reply.message) as NodeJS.ErrnoException;
  err.name = reply.name;
  if (reply.code !== undefined) err.code = reply.code;
  return err;
}
