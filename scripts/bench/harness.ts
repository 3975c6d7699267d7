/** One measured number. */
export interface BenchResult {
  suite: string;
  name: string;
  value: number;
  unit: string;
  note?: string;
  /**
   * The figure against a baseline measured in the same process (so machine load cancels out), as
   * `ratio`× of `baseline`; e.g. the reference kernel's time over this kernel's (higher is better), or
   * wall time over critical path (1.0 is ideal). The wording of `baseline` says which way round.
   */
  ratio?: number;
  baseline?: string;
}

/** `numerator / denominator` to two decimals, for {@link BenchResult.ratio}. */
export function ratioOf(numerator: number, denominator: number): number {
  return Number((numerator / denominator).toFixed(2));
}

/** A group of measurements; `run` returns what it measured. */
export interface BenchSuite {
  name: string;
  run(): Promise<BenchResult[]>;
}

/** Runs `work` `iterations` times after `warmup` runs; returns the median milliseconds per run. */
export async function medianMs(work: () => Promise<unknown>, iterations = 5, warmup = 1): Promise<number> {
  for (let i = 0; i < warmup; i += 1) await work();
  const times: number[] = [];
  for (let i = 0; i < iterations; i += 1) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

/** Runs `count` calls of `work`, `concurrency` at a time; returns calls per second. */
export async function throughput(
  work: () => Promise<unknown>,
  count: number,
  concurrency: number,
): Promise<number> {
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        next += 1;
        await work();
      }
    }),
  );
  return count / ((performance.now() - start) / 1000);
}
