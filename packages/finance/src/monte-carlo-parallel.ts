/**
 * The Monte Carlo across `worker_threads` (Node only: browsers import `@alex/finance`, never this
 * entry). Paths split into the kernel's fixed chunks, each on its own random stream, so the result is
 * identical to {@link runMonteCarlo}'s with any number of workers.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { FinanceError } from './errors.ts';
import {
  assembleResult,
  BAND_PROBABILITIES,
  type MonteCarloResult,
  prepareRun,
  runMonteCarlo,
  sustainableCapIndex,
} from './monte-carlo.ts';
import type { MonteCarloInput } from './monte-carlo-input.ts';
import { type WorkerReply, type WorkerTask, workerSource } from './monte-carlo-worker-source.ts';

/** Below this many paths one thread is faster than starting workers (≈ 5 M path-years ≈ 0.1 s). */
export const PARALLEL_MIN_PATHS = 100_000;

/** How {@link runMonteCarloParallel} splits the work. */
export interface ParallelOptions {
  /** Worker threads to start (default: the machine's available parallelism). */
  workers?: number;
  /** Fewer paths than this run in the calling thread (default {@link PARALLEL_MIN_PATHS}). */
  minPaths?: number;
}

/** A worker thread failed or exited while the Monte Carlo was running. */
export class MonteCarloWorkerError extends FinanceError {}

/** Workers fed from a queue: each takes the next task as soon as it answers the last. */
class WorkerPool {
  private readonly workers: Worker[];
  private closing = false;
  private failure: ((error: Error) => void) | undefined;

  constructor(count: number, workerData: unknown) {
    const source = workerSource();
    this.workers = Array.from({ length: count }, () => {
      const worker = new Worker(source, { eval: true, workerData });
      worker.on('error', (error: Error) =>
        this.fail(new MonteCarloWorkerError(error.message, { cause: error })),
      );
      worker.on('exit', (code: number) => {
        if (!this.closing) this.fail(new MonteCarloWorkerError(`worker exited with code ${code}`));
      });
      return worker;
    });
  }

  private fail(error: Error): void {
    this.failure?.(error);
  }

  /** Runs every task; the replies come back in task order, whichever worker ran each. */
  run(tasks: readonly WorkerTask[]): Promise<WorkerReply[]> {
    return new Promise((resolve, reject) => {
      const replies: WorkerReply[] = new Array(tasks.length);
      let next = 0;
      let answered = 0;
      this.failure = reject;
      const give = (worker: Worker) => {
        const index = next;
        next += 1;
        const task = tasks[index];
        if (task === undefined) return;
        worker.once('message', (reply: WorkerReply) => {
          replies[index] = reply;
          answered += 1;
          if (answered === tasks.length) resolve(replies);
          else give(worker);
        });
        worker.postMessage(task);
      };
      if (tasks.length === 0) resolve(replies);
      for (const worker of this.workers) give(worker);
    });
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}

/** Runs the retirement Monte Carlo on worker threads when it is large enough; same result as one thread. */
export async function runMonteCarloParallel(
  input: MonteCarloInput,
  options: ParallelOptions = {},
): Promise<MonteCarloResult> {
  const run = prepareRun(input);
  const { paths, years } = run.params;
  const workers = Math.min(options.workers ?? availableParallelism(), run.chunks);
  if (paths < (options.minPaths ?? PARALLEL_MIN_PATHS) || workers < 1) return runMonteCarlo(input);
  const values = new SharedArrayBuffer(Float64Array.BYTES_PER_ELEMENT * (years + 1) * paths);
  const caps = new SharedArrayBuffer(Float64Array.BYTES_PER_ELEMENT * paths);
  const pool = new WorkerPool(workers, {
    params: run.params,
    probabilities: BAND_PROBABILITIES,
    values,
    caps,
  });
  try {
    const chunks = Array.from({ length: run.chunks }, (_, chunk): WorkerTask => ({ kind: 'chunk', chunk }));
    const failures = (await pool.run(chunks)).reduce(
      (sum, reply) => sum + ('value' in reply ? reply.value : 0),
      0,
    );
    const capIndex = sustainableCapIndex(paths);
    const rows: WorkerTask[] = Array.from({ length: years + 1 }, (_, year) => ({ kind: 'bands', year }));
    const replies = await pool.run([{ kind: 'cap', index: capIndex }, ...rows]);
    const cap = replies[0];
    const bands = new Float64Array(BAND_PROBABILITIES.length * (years + 1));
    replies.slice(1).forEach((reply, year) => {
      if ('band' in reply) bands.set(reply.band, year * BAND_PROBABILITIES.length);
    });
    const income = cap !== undefined && 'value' in cap ? Math.max(0, Math.floor(cap.value)) : 0;
    return assembleResult(run, bands, failures, income);
  } finally {
    await pool.close();
  }
}
