/**
 * The Monte Carlo measurements, bundled and run by plain Node by finance.ts. Prints one JSON line:
 * the results.
 */
import { availableParallelism } from 'node:os';
import { type MonteCarloInput, runMonteCarlo } from '@alex/finance';
import { runMonteCarloParallel } from '@alex/finance/parallel';
import { runMonteCarloReference } from '@alex/finance/reference';
import type { BenchResult } from './harness.ts';
import { medianMs, ratioOf } from './harness.ts';

const YEARS = 25 + 30;
const PLAN: MonteCarloInput = {
  currentValue: 500_000,
  annualContribution: 10_000,
  yearsToRetirement: 25,
  targetIncome: 60_000,
  allocation: { equity: 70, fixed_income: 30 },
  seed: 1,
};
/** Median CPU milliseconds per run (every thread of the process): steadier than wall time on a shared machine. */
async function cpuMs(work: () => Promise<unknown>, iterations: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < iterations; i += 1) {
    const start = process.cpuUsage();
    await work();
    const used = process.cpuUsage(start);
    times.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

const SIX_CLASSES = {
  equity: 40,
  fixed_income: 20,
  real_estate: 10,
  commodities: 10,
  cash: 10,
  alternatives: 10,
};

/** One thread, 10,000 × 55, against the reference kernel measured alternately in the same process. */
async function oneCore(classes: 2 | 6): Promise<BenchResult[]> {
  const input = { ...PLAN, paths: 10_000, ...(classes === 6 ? { allocation: SIX_CLASSES } : {}) };
  const ms = await medianMs(async () => runMonteCarlo(input), 15, 3);
  const referenceMs = await medianMs(async () => runMonteCarloReference(input), 5, 1);
  const cpu = await cpuMs(async () => runMonteCarlo(input), 15);
  const referenceCpu = await cpuMs(async () => runMonteCarloReference(input), 5);
  const baseline = `reference kernel: ${referenceMs.toFixed(1)} ms`;
  return [
    {
      suite: 'finance',
      name: `Monte Carlo 10,000 × 55, ${classes} classes, one core`,
      value: Number(ms.toFixed(2)),
      unit: 'ms',
      ratio: ratioOf(referenceMs, ms),
      baseline: `faster than the ${baseline}`,
    },
    {
      suite: 'finance',
      name: `Monte Carlo throughput, ${classes} classes, one core`,
      value: Math.round((10_000 * YEARS) / (ms / 1000)),
      unit: 'path-years/s',
      ratio: ratioOf(referenceMs, ms),
      baseline: `of the reference's ${Math.round((10_000 * YEARS) / (referenceMs / 1000)).toLocaleString('en-US')}`,
    },
    {
      suite: 'finance',
      name: `Monte Carlo throughput, ${classes} classes, one core, CPU time`,
      value: Math.round((10_000 * YEARS) / (cpu / 1000)),
      unit: 'path-years/s',
      ratio: ratioOf(referenceCpu, cpu),
      baseline: `of the reference's ${Math.round((10_000 * YEARS) / (referenceCpu / 1000)).toLocaleString('en-US')} (CPU ms per run ${cpu.toFixed(2)} vs ${referenceCpu.toFixed(1)})`,
    },
  ];
}

/** 1,000,000 × 55 on every core, against one thread of the same kernel and one run of the reference. */
async function allCores(): Promise<BenchResult[]> {
  const input = { ...PLAN, paths: 1_000_000 };
  const ms = await medianMs(async () => runMonteCarloParallel(input), 3, 1);
  const cpu = await cpuMs(async () => runMonteCarloParallel(input), 1);
  const oneThreadMs = await medianMs(async () => runMonteCarlo(input), 1, 0);
  const referenceMs = await medianMs(async () => runMonteCarloReference(input), 1, 0);
  const cores = availableParallelism();
  return [
    {
      suite: 'finance',
      name: `Monte Carlo 1,000,000 × 55, ${cores} cores`,
      value: Math.round(ms),
      unit: 'ms',
      ratio: ratioOf(referenceMs, ms),
      baseline: `faster than the reference kernel: ${Math.round(referenceMs).toLocaleString('en-US')} ms (one run)`,
    },
    {
      suite: 'finance',
      name: `Monte Carlo 1,000,000 × 55, worker speed-up`,
      value: Math.round((1_000_000 * YEARS) / (ms / 1000)),
      unit: 'path-years/s',
      ratio: ratioOf(oneThreadMs, ms),
      baseline: `of this kernel on one thread: ${Math.round(oneThreadMs).toLocaleString('en-US')} ms (one run)`,
    },
    {
      suite: 'finance',
      name: `Monte Carlo 1,000,000 × 55, ${cores} cores, CPU time`,
      value: Math.round(cpu),
      unit: 'ms',
      ratio: ratioOf(cpu, cores * ms),
      baseline: `of ${cores} cores × wall time: the share of the cores the run had`,
    },
  ];
}

// Run as a bundle by plain Node (see finance.ts): prints the results as one JSON line.
const results = [...(await oneCore(2)), ...(await oneCore(6)), ...(await allCores())];
console.log(JSON.stringify(results));
