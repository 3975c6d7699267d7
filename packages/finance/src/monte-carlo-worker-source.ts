import {
  accumulateDraws,
  accumulateMisses,
  advanceChunk,
  nextWord,
  retireDraws,
  retireMisses,
  retirementYear,
  retirePath,
  yearPass,
  zigguratEdge,
} from './monte-carlo-kernel.ts';
import { chunkStates, seedStream, zigguratTables } from './monte-carlo-normals.ts';
import type { KernelParams } from './monte-carlo-params.ts';
import { collectCaps, startSimulation } from './monte-carlo-simulation.ts';
import {
  BUCKET_COUNT,
  BUCKET_FLOOR,
  BUCKET_LIMIT,
  countBuckets,
  gatherMarked,
  markRanges,
  quantileScratch,
  takeGathered,
  wordsOf,
} from './quantile-buckets.ts';

/** The kernel's functions, shipped as source text: each references only these and its parameters. */
const KERNEL_FUNCTIONS = [
  zigguratTables,
  seedStream,
  chunkStates,
  startSimulation,
  collectCaps,
  nextWord,
  zigguratEdge,
  yearPass,
  advanceChunk,
  accumulateDraws,
  accumulateMisses,
  retirementYear,
  retireDraws,
  retireMisses,
  retirePath,
  quantileScratch,
  wordsOf,
  countBuckets,
  gatherMarked,
  markRanges,
  takeGathered,
];

/** The module constants those functions use, shipped by name. */
const KERNEL_CONSTANTS = { BUCKET_FLOOR, BUCKET_LIMIT, BUCKET_COUNT };

/** What a worker simulates: paths `first … first + paths − 1` (whole chunks), caps into the shared buffer. */
export interface WorkerSetup {
  params: KernelParams;
  first: number;
  paths: number;
  /** A SharedArrayBuffer of every path's cap (Float64), written after the last year. */
  caps: SharedArrayBuffer;
}

/**
 * One step: simulate `year` and count its row, chunk by chunk, gathering the previous year's row for
 * `ranges` (the main thread's plan: first and last bucket of each group; absent before the first
 * year) on the way; or, with `year` 0, gather the last year's row and write the caps.
 */
export interface WorkerStep {
  ranges?: number[];
  year: number;
}

/** A worker's answer: its gathered values (when asked) and its counts of the new row from bucket `lowest`. */
export interface WorkerReply {
  gathered?: { values: Float64Array; sizes: number[] };
  counts?: Uint32Array;
  lowest?: number;
}

const WORKER_MAIN = `
const { parentPort, workerData } = require('node:worker_threads');
const { params, first, paths } = workerData;
const scratch = quantileScratch(paths);
const sim = startSimulation(
  params,
  first,
  paths,
  {
    rows: [new Float64Array(paths), new Float64Array(paths)],
    caps: new Float64Array(workerData.caps, 8 * first, paths),
    retirement: new Float64Array(4 * paths),
  },
  {
    states: chunkStates(params.seed, first / params.chunkPaths, Math.ceil(paths / params.chunkPaths)),
    tables: zigguratTables(Math.min(params.chunkPaths, paths)),
  },
);
const row = { gather: gatherMarked, count: countBuckets };
let year = 0;
parentPort.on('message', (step) => {
  const reply = {};
  const sizes = step.ranges ? markRanges(step.ranges, scratch) : undefined;
  if (step.year === 0) {
    if (sizes) gatherMarked(sim.rows[year % 2], 0, paths, scratch.marks, scratch.buffer, scratch.groups);
    collectCaps(sim);
  } else {
    year = step.year;
    yearPass(sim, year, scratch, sizes !== undefined, row);
    reply.lowest = scratch.range[0];
    reply.counts = scratch.histogram.slice(scratch.range[0], scratch.range[1] + 1);
  }
  if (sizes) reply.gathered = { values: takeGathered(step.ranges, sizes, scratch), sizes };
  parentPort.postMessage(reply);
});`;

/**
 * The source of a `worker_threads` worker (run with `eval: true`) that simulates its share of the
 * paths a year at a time, counts each row and gathers what the main thread's plan asks for. Built from
 * the kernel's own functions, so workers run exactly the code `runMonteCarlo` runs, whatever loader
 * (tsx, vitest) compiled it.
 */
export function workerSource(): string {
  const functions = KERNEL_FUNCTIONS.map((fn) => {
    const text = fn.toString();
    if (!text.startsWith(`function ${fn.name}(`)) {
      throw new Error(`Monte Carlo kernel function ${fn.name} was compiled to a form workers cannot load`);
    }
    return text;
  });
  return [
    "'use strict';",
    // esbuild's keepNames (used by tsx) may wrap nested functions in __name(); make it harmless.
    'const __name = (target) => target;',
    ...Object.entries(KERNEL_CONSTANTS).map(([name, value]) => `const ${name} = ${value};`),
    ...functions,
    WORKER_MAIN,
  ].join('\n');
}
