import { execFile } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { REPO_ROOT } from '../lib/env.ts';
import { LAMBDA_LIKE_ENV } from '../lib/lambda-bundle.ts';
import { availableServices, packageLambda } from '../lib/package-lambdas.ts';
import type { BenchResult, BenchSuite } from './harness.ts';

const run = promisify(execFile);

/** Fresh Node processes per bundle; the median is reported. */
const COLD_RUNS = 5;

/** One cold import: wall-clock milliseconds, and CPU milliseconds (user + system, all threads). */
interface ColdLoad {
  wallMs: number;
  cpuMs: number;
}

/**
 * The median over {@link COLD_RUNS} fresh Node processes importing a bundle (module load, clients at
 * module scope). Wall time is what a cold start waits; CPU time says how much of it is the bundle's
 * own work when other processes share the machine.
 */
export async function coldLoad(bundle: string): Promise<ColdLoad> {
  const script = `const c = process.cpuUsage(); const t = performance.now(); await import(${JSON.stringify(pathToFileURL(bundle).href)}); const wall = performance.now() - t; const u = process.cpuUsage(c); console.log(JSON.stringify({ wallMs: wall, cpuMs: (u.user + u.system) / 1000 }));`;
  const runs: ColdLoad[] = [];
  for (let i = 0; i < COLD_RUNS; i += 1) {
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
      env: { PATH: process.env.PATH ?? '', ...LAMBDA_LIKE_ENV },
    });
    runs.push(JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as ColdLoad);
  }
  return { wallMs: median(runs.map((r) => r.wallMs)), cpuMs: median(runs.map((r) => r.cpuMs)) };
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
}

/** How busy the machine was: the one-minute load average against the core count. */
function machineNote(): string {
  return `load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores`;
}

/** Zip and bundle size and cold-start module load time (wall and CPU) per Lambda. */
export const lambdasSuite: BenchSuite = {
  name: 'lambdas',
  async run() {
    const results: BenchResult[] = [];
    for (const service of availableServices(REPO_ROOT)) {
      const packaged = await packageLambda(REPO_ROOT, service);
      const cold = await coldLoad(join(REPO_ROOT, 'dist', 'lambdas', service, 'index.mjs'));
      results.push(
        {
          suite: 'lambdas',
          name: `${service} zip`,
          value: Math.round(packaged.zipBytes / 1024),
          unit: 'KiB',
          note: 'target ≤ 1,024 KiB',
        },
        {
          suite: 'lambdas',
          name: `${service} bundle`,
          value: Math.round(packaged.bundleBytes / 1024),
          unit: 'KiB',
        },
        {
          suite: 'lambdas',
          name: `${service} cold module load`,
          value: Number(cold.wallMs.toFixed(1)),
          unit: 'ms',
          note: `target ≤ 300 ms; median of ${COLD_RUNS} fresh Node processes importing the bundle; ${machineNote()}`,
        },
        {
          suite: 'lambdas',
          name: `${service} cold module load CPU`,
          value: Number(cold.cpuMs.toFixed(1)),
          unit: 'ms',
          note: 'user + system time of the same imports (less sensitive to a busy machine)',
        },
      );
    }
    return results;
  },
};
