import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { MonteCarloInput } from '@alex/finance';
import { chromium } from 'playwright-core';
import { REPO_ROOT } from '../lib/env.ts';
import type { BenchResult, BenchSuite } from './harness.ts';

const run = promisify(execFile);
const ASSETS = join(REPO_ROOT, 'frontend', 'dist', 'assets');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * What runs in the page, as source text (tsx would wrap a compiled function in helpers the page lacks):
 * the worker from its built source, 2 warm-up runs, then 7 timed round trips.
 */
const MEASURE = `async ({ source, input }) => {
  const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  const worker = new Worker(url);
  let id = 0;
  const once = () => new Promise((resolve, reject) => {
    id += 1;
    const started = performance.now();
    worker.onmessage = (event) => event.data.ok
      ? resolve({ roundTrip: performance.now() - started, compute: event.data.milliseconds })
      : reject(new Error(event.data.message));
    worker.postMessage({ id, input, currentAge: null });
  });
  for (let i = 0; i < 2; i += 1) await once();
  const runs = [];
  for (let i = 0; i < 7; i += 1) runs.push(await once());
  worker.terminate();
  return runs;
}`;

/** The what-if the bench times: 10,000 paths over 30 years of saving and 30 of retirement. */
const INPUT: MonteCarloInput = {
  currentValue: 500_000,
  annualContribution: 10_000,
  yearsToRetirement: 30,
  targetIncome: 60_000,
  allocation: { equity: 70, fixed_income: 30 },
  retirementYears: 30,
  paths: 10_000,
  seed: 1,
};

/** The built what-if worker (frontend/dist/assets/what-if-worker-*.js), building the SPA if needed. */
async function workerSource(): Promise<string> {
  const find = () =>
    existsSync(ASSETS) ? readdirSync(ASSETS).find((f) => /^what-if-worker-.*\.js$/.test(f)) : undefined;
  if (find() === undefined) {
    await run('pnpm', ['--filter', '@alex/frontend', 'build'], {
      cwd: REPO_ROOT,
      maxBuffer: 16 * 1024 * 1024,
    });
  }
  const file = find();
  if (file === undefined) throw new Error(`no what-if worker in ${ASSETS} after building the SPA`);
  return readFileSync(join(ASSETS, file), 'utf8');
}

/**
 * The in-browser what-if: the SPA's own built Web Worker (the same `@alex/finance` Monte Carlo the
 * server runs) answering one slider move of 10,000 paths × 60 years in headless Chromium, as the
 * median of 7 round trips after 2 warm-ups, and the worker's own compute time.
 */
export const whatIfSuite: BenchSuite = {
  name: 'what-if',
  async run() {
    const source = await workerSource();
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage();
      const times = (await page.evaluate(`(${MEASURE})(${JSON.stringify({ source, input: INPUT })})`)) as {
        roundTrip: number;
        compute: number;
      }[];
      const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
      const round = (value: number) => Number(value.toFixed(1));
      return [
        {
          suite: 'what-if',
          name: 'what-if in Chromium, 10,000 paths × 60 years (slider move to figures)',
          value: round(median(times.map((t) => t.roundTrip))),
          unit: 'ms',
          note: 'median of 7 round trips to the SPA’s Web Worker',
        },
        {
          suite: 'what-if',
          name: 'what-if in Chromium, 10,000 paths × 60 years (Monte Carlo in the worker)',
          value: round(median(times.map((t) => t.compute))),
          unit: 'ms',
        },
      ] satisfies BenchResult[];
    } finally {
      await browser.close();
    }
  },
};
