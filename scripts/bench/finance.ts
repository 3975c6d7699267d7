import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import type { BenchResult, BenchSuite } from './harness.ts';

const run = promisify(execFile);

/**
 * Monte Carlo speed: path-years per second, and how many times the reference kernel's. Measured in a
 * plain Node process on an esbuild bundle, as the retirement Lambda and the browser run the kernel:
 * under tsx, whose loader detaches an ArrayBuffer at start-up, V8 turns off a typed-array fast path
 * for the whole process and both kernels run 15–20% slower (scripts/bench/README.md).
 */
export const financeSuite: BenchSuite = {
  name: 'finance',
  async run() {
    const folder = mkdtempSync(join(tmpdir(), 'alex-bench-finance-'));
    try {
      const bundle = join(folder, 'finance-runner.mjs');
      await build({
        entryPoints: [join(import.meta.dirname, 'finance-runner.ts')],
        outfile: bundle,
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        logLevel: 'error',
      });
      const { stdout } = await run(process.execPath, [bundle], { maxBuffer: 16 * 1024 * 1024 });
      return JSON.parse(stdout.trim().split('\n').at(-1) ?? '[]') as BenchResult[];
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  },
};
