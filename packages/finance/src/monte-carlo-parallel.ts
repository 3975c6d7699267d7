/**
 * The Monte Carlo across `worker_threads` (Node only: browsers import `@alex/finance`, never this
 * entry). Each worker simulates a contiguous share of the kernel's fixed chunks, each chunk on its own
 * random stream, a year at a time, and counts its part of each year's row; this thread merges the
 * counts, plans which buckets hold the percentiles, and the workers gather those while they simulate
 * the next year. The merged counts and the gathered values do not depend on the split, so the result
 * is identical to {@link runMonteCarlo}'s with any number of workers.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { FinanceError, MonteCarloValueError } from './errors.ts';
import {
  assembleResult,
  BAND_PROBABILITIES,
  type MonteCarloResult,
  prepareRun,
  runMonteCarlo,
  sustainableIncomeOf,
} from './monte-carlo.ts';
import type { MonteCarloInput } from './monte-carlo-input.ts';
import { countFailures } from './monte-carlo-simulation.ts';
import {
  type WorkerReply,
  type WorkerSetup,
  type WorkerStep,
  workerSource,
} from './monte-carlo-worker-source.ts';
import { addBuckets, type QuantileScratch, quantileScratch } from './quantile-buckets.ts';
import { finishGathered, planCounted } from './quantile-plan.ts';

/**
 * Below this many paths one thread is about as fast as starting workers, and costs less CPU: on two
 * cores the two broke even near 250,000 paths (≈ 0.2 s).
 */
export const PARALLEL_MIN_PATHS = 300_000;

/** How {@link runMonteCarloParallel} splits the work. */
export interface ParallelOptions {
  /** Worker threads to start (default: the machine's available parallelism). */
  workers?: number;
  /** Fewer paths than this run in the calling thread (default {@link PARALLEL_MIN_PATHS}). */
  minPaths?: number;
}

/** A worker thread failed or exited while the Monte Carlo was running. */
export class MonteCarloWorkerError extends FinanceError {}

/** Workers that each answer one step at a time; a failure of any rejects the step in progress. */
class WorkerGroup {
  private readonly workers: Worker[];
  private closing = false;
  private failure: ((error: Error) => void) | undefined;

  constructor(setups: readonly WorkerSetup[]) {
    const source = workerSource();
    this.workers = setups.map((workerData) => {
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

  /** Sends `step` to every worker; the replies come back in worker order. */
  step(step: WorkerStep): Promise<WorkerReply[]> {
    return new Promise((resolve, reject) => {
      const replies: WorkerReply[] = new Array(this.workers.length);
      let answered = 0;
      this.failure = reject;
      this.workers.forEach((worker, index) => {
        worker.once('message', (reply: WorkerReply) => {
          replies[index] = reply;
          answered += 1;
          if (answered === this.workers.length) resolve(replies);
        });
        worker.postMessage(step);
      });
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
  const { params } = run;
  const { paths, years, chunkPaths } = params;
  const workers = Math.min(options.workers ?? availableParallelism(), run.chunks);
  if (paths < (options.minPaths ?? PARALLEL_MIN_PATHS) || workers < 1) return runMonteCarlo(input);
  const caps = new SharedArrayBuffer(Float64Array.BYTES_PER_ELEMENT * paths);
  const setups = Array.from({ length: workers }, (_, w): WorkerSetup => {
    const first = Math.floor((w * run.chunks) / workers) * chunkPaths;
    const end = Math.min(paths, Math.floor(((w + 1) * run.chunks) / workers) * chunkPaths);
    return { params, first, paths: end - first, caps };
  });
  const group = new WorkerGroup(setups);
  try {
    const width = BAND_PROBABILITIES.length;
    const bands = new Float64Array(width * (years + 1));
    // Year 0: every path holds the current value, so every band is that value.
    bands.fill(params.currentValue, 0, width);
    const scratch = quantileScratch(paths);
    const band = new Float64Array(width);
    let replies = await group.step({ year: 1 });
    for (let year = 1; year <= years; year += 1) {
      for (const reply of replies) addBuckets(scratch, reply.counts ?? new Uint32Array(0), reply.lowest ?? 0);
      const last = planCounted(paths, BAND_PROBABILITIES, scratch);
      // Only negative numbers, infinities or NaN need plain selection; the kernel writes none of them.
      if (last < 0) throw new MonteCarloValueError(year);
      const ranges: number[] = [];
      for (let g = 0; g <= last; g += 1)
        ranges.push(scratch.groups[6 * g] ?? 0, scratch.groups[6 * g + 1] ?? 0);
      replies = await group.step({ ranges, year: year < years ? year + 1 : 0 });
      placeGathered(scratch, replies, last);
      finishGathered(paths, BAND_PROBABILITIES, band, scratch, last);
      bands.set(band, year * width);
    }
    const allCaps = new Float64Array(caps);
    const failures = countFailures(params, allCaps, 0, paths);
    return assembleResult(run, bands, failures, sustainableIncomeOf(allCaps));
  } finally {
    await group.close();
  }
}

/** Copies each worker's gathered values into its groups' slices of the buffer, in worker order. */
function placeGathered(scratch: QuantileScratch, replies: readonly WorkerReply[], last: number): void {
  const { buffer, groups } = scratch;
  for (let g = 0; g <= last; g += 1) groups[6 * g + 4] = groups[6 * g + 3] ?? 0;
  for (const reply of replies) {
    const { values, sizes } = reply.gathered ?? { values: new Float64Array(0), sizes: [] };
    let offset = 0;
    sizes.forEach((size, g) => {
      const cursor = groups[6 * g + 4] ?? 0;
      buffer.set(values.subarray(offset, offset + size), cursor);
      groups[6 * g + 4] = cursor + size;
      offset += size;
    });
  }
}
