/**
 * Runs the benchmarks, prints a table and writes bench/results.json.
 *   pnpm bench [suite…]      suites: api, database, finance, lambdas, pipeline, web, what-if (default: all)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { join } from 'node:path';
import { apiSuite } from './bench/api.ts';
import { databaseSuite } from './bench/database.ts';
import { financeSuite } from './bench/finance.ts';
import type { BenchResult, BenchSuite } from './bench/harness.ts';
import { lambdasSuite } from './bench/lambdas.ts';
import { pipelineSuite } from './bench/pipeline.ts';
import { webSuite } from './bench/web.ts';
import { whatIfSuite } from './bench/what-if.ts';
import { runMain, UsageError } from './lib/cli.ts';
import { REPO_ROOT } from './lib/env.ts';

const SUITES: BenchSuite[] = [
  apiSuite,
  databaseSuite,
  financeSuite,
  lambdasSuite,
  pipelineSuite,
  webSuite,
  whatIfSuite,
];
const USAGE = `Usage: pnpm bench [${SUITES.map((s) => s.name).join('|')} …]`;

await runMain(async () => {
  const wanted = process.argv.slice(2);
  if (wanted.includes('--help')) {
    console.log(USAGE);
    return 0;
  }
  const unknown = wanted.filter((name) => !SUITES.some((s) => s.name === name));
  if (unknown.length > 0) throw new UsageError(`Unknown suite: ${unknown.join(', ')}`);
  const results: BenchResult[] = [];
  for (const suite of SUITES.filter((s) => wanted.length === 0 || wanted.includes(s.name))) {
    console.log(`Running ${suite.name} …`);
    results.push(...(await suite.run()));
  }
  const width = Math.max(...results.map((r) => r.name.length));
  console.log(
    `\n${'Benchmark'.padEnd(width)}  ${'Value'.padStart(12)}  ${'Unit'.padEnd(12)}  ${'Ratio'.padStart(7)}  Baseline`,
  );
  for (const r of results) {
    const value = Number.isNaN(r.value) ? 'n/a' : r.value.toLocaleString('en-US');
    const ratio = r.ratio === undefined || Number.isNaN(r.ratio) ? '' : `${r.ratio}×`;
    const baseline = [r.baseline, r.note && `(${r.note})`].filter(Boolean).join(' ');
    console.log(
      `${r.name.padEnd(width)}  ${value.padStart(12)}  ${r.unit.padEnd(12)}  ${ratio.padStart(7)}  ${baseline}`,
    );
  }
  const dir = join(REPO_ROOT, 'bench');
  mkdirSync(dir, { recursive: true });
  const machine = { cores: availableParallelism(), cpu: cpus()[0]?.model ?? 'unknown' };
  const out = { generatedAt: new Date().toISOString(), node: process.version, ...machine, results };
  writeFileSync(join(dir, 'results.json'), `${JSON.stringify(out, null, 2)}\n`);
  console.log(`\nWrote ${join('bench', 'results.json')}`);
  return 0;
}, USAGE);
