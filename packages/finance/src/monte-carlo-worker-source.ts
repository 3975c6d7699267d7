import {
  advanceYear,
  countFailures,
  drawNormals,
  fillNormals,
  finishMisses,
  nextWord,
  seedStream,
  simulateChunk,
  zigguratEdge,
  zigguratTables,
} from './monte-carlo-kernel.ts';
import {
  quantileScratch,
  quantilesBySelection,
  quantilesOf,
  rankIn,
  selectInPlace,
  swap,
} from './quantile-select.ts';

/** The kernel's functions, shipped as source text: each references only these and its parameters. */
const KERNEL_FUNCTIONS = [
  zigguratTables,
  seedStream,
  nextWord,
  fillNormals,
  drawNormals,
  finishMisses,
  zigguratEdge,
  advanceYear,
  countFailures,
  simulateChunk,
  swap,
  selectInPlace,
  quantilesBySelection,
  quantileScratch,
  rankIn,
  quantilesOf,
];

/** One unit of work for a worker: simulate a chunk, compute a year's bands, or select the income cap. */
export type WorkerTask =
  | { kind: 'chunk'; chunk: number }
  | { kind: 'bands'; year: number }
  | { kind: 'cap'; index: number };

/** A worker's answer: a chunk's failures, a year's band values or the selected cap. */
export type WorkerReply = { value: number } | { band: number[] };

const WORKER_MAIN = `
const { parentPort, workerData } = require('node:worker_threads');
const { params, probabilities } = workerData;
const values = new Float64Array(workerData.values);
const caps = new Float64Array(workerData.caps);
const band = new Float64Array(probabilities.length);
const scratch = quantileScratch(params.paths);
parentPort.on('message', (task) => {
  if (task.kind === 'chunk') {
    parentPort.postMessage({ value: simulateChunk(params, task.chunk, values, caps) });
  } else if (task.kind === 'bands') {
    quantilesOf(values, task.year * params.paths, params.paths, probabilities, band, scratch);
    parentPort.postMessage({ band: Array.from(band) });
  } else {
    selectInPlace(caps, 0, params.paths - 1, task.index);
    parentPort.postMessage({ value: caps[task.index] });
  }
});`;

/**
 * The source of a `worker_threads` worker (run with `eval: true`) that executes kernel tasks on the
 * shared `values` and `caps` buffers. Built from the kernel's own functions, so workers run exactly the
 * code `runMonteCarlo` runs, whatever loader (tsx, vitest) compiled it.
 */
export function workerSource(): string {
  const functions = KERNEL_FUNCTIONS.map((fn) => {
    const text = fn.toString();
    if (!text.startsWith(`function ${fn.name}(`)) {
      throw new Error(`Monte Carlo kernel function ${fn.name} was compiled to a form workers cannot load`);
    }
    return text;
  });
  // esbuild's keepNames (used by tsx) may wrap nested functions in __name(); make it harmless.
  return ["'use strict';", 'const __name = (target) => target;', ...functions, WORKER_MAIN].join('\n');
}
