import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { postgresReachable } from '@alex/local-data-api';
import autocannon from 'autocannon';
import pg from 'pg';
import { env, REPO_ROOT } from '../lib/env.ts';
import { type BenchResult, type BenchSuite, ratioOf } from './harness.ts';

const POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const CONNECTIONS = 50;
const SECONDS = 10;
/** Load before each measured run, not counted: the route's code is compiled and its caches warm. */
const WARM_UP_SECONDS = 2;
/** The trivial handler every figure is compared with: no token, no database, same server and handler. */
const TRIVIAL = '/health';
const ENDPOINTS = ['/api/accounts', '/api/portfolio'];

interface Load {
  perSecond: number;
  p50: number;
  p99: number;
  /** CPU time the API process spent per request (user + system), when /proc tells it; else NaN. */
  cpuMs: number;
}

/** The API process (scripts/bench/api-server.ts): its URL, a demo-user token, and how to stop it. */
interface ApiProcess {
  url: string;
  token: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * Starts scripts/bench/api-server.ts in its own process (the load generator must not share its event
 * loop). With `BENCH_API_CPU_PROF=<folder>` the server writes a V8 CPU profile there when it stops.
 */
async function startApi(folder: string, postgresUrl?: string): Promise<ApiProcess> {
  const profile = env.BENCH_API_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${env.BENCH_API_CPU_PROF}`] : [];
  const child = spawn(
    process.execPath,
    [...profile, '--import', 'tsx', join(REPO_ROOT, 'scripts', 'bench', 'api-server.ts'), folder].concat(
      postgresUrl ? [postgresUrl] : [],
    ),
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = await firstJsonLine(child);
  return {
    ...ready,
    pid: child.pid ?? 0,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

function firstJsonLine(child: ChildProcess): Promise<{ url: string; token: string }> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.on('line', (line) => {
      if (line.startsWith('{"url"')) resolve(JSON.parse(line) as { url: string; token: string });
    });
    child.once('exit', (code) => reject(new Error(`the API process exited (${code}) before it was ready`)));
  });
}

/**
 * 50 clients for 10 s on `path`, after 2 s of the same load that is not counted (V8 compiles the
 * route's code during its first requests: steady state is what is measured); throws if any response
 * was not a 2xx (a fast error is no result).
 */
async function load(api: ApiProcess, path: string): Promise<Load> {
  const options = {
    url: `${api.url}${path}`,
    connections: CONNECTIONS,
    headers: { authorization: `Bearer ${api.token}` },
  };
  await autocannon({ ...options, duration: WARM_UP_SECONDS });
  const cpuBefore = cpuMsOf(api.pid);
  const result = await autocannon({ ...options, duration: SECONDS });
  const failed = result.non2xx + result.errors + result.timeouts;
  if (failed > 0) throw new Error(`GET ${path}: ${failed} of ${result.requests.total} requests failed`);
  return {
    perSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    cpuMs: (cpuMsOf(api.pid) - cpuBefore) / result.requests.total,
  };
}

/**
 * CPU milliseconds a process has used (Linux /proc; NaN elsewhere). Unlike req/s, CPU time per
 * request barely moves when other work shares the machine, so before/after comparisons use it.
 */
function cpuMsOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    // utime and stime, the 14th and 15th fields, in clock ticks (100 per second on Linux).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

/** Answers once per endpoint before the load, so a broken setup fails fast and readably. */
async function checkAnswers(api: ApiProcess): Promise<void> {
  for (const path of [TRIVIAL, ...ENDPOINTS]) {
    const response = await fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${api.token}` } });
    if (!response.ok) throw new Error(`GET ${path} answered ${response.status}: ${await response.text()}`);
  }
}

function resultsFor(backend: string, trivial: Load, path: string, measured: Load): BenchResult[] {
  const name = `GET ${path} (${backend})`;
  const note = `${CONNECTIONS} clients, ${SECONDS} s after ${WARM_UP_SECONDS} s of warm-up, autocannon`;
  return [
    {
      suite: 'api',
      name: `${name} throughput`,
      value: Math.round(measured.perSecond),
      unit: 'req/s',
      ratio: ratioOf(trivial.perSecond, measured.perSecond),
      baseline: `fewer than GET ${TRIVIAL}'s ${Math.round(trivial.perSecond)} req/s`,
      note,
    },
    {
      suite: 'api',
      name: `${name} CPU per request`,
      value: Number(measured.cpuMs.toFixed(2)),
      unit: 'ms',
      ratio: ratioOf(measured.cpuMs, trivial.cpuMs),
      baseline: `of GET ${TRIVIAL}'s ${trivial.cpuMs.toFixed(3)} ms, in the API process`,
    },
    {
      suite: 'api',
      name: `${name} p50`,
      value: measured.p50,
      unit: 'ms',
      ratio: ratioOf(measured.p50, Math.max(trivial.p50, 1)),
      baseline: `of GET ${TRIVIAL}'s p50 ${trivial.p50} ms`,
    },
    {
      suite: 'api',
      name: `${name} p99`,
      value: measured.p99,
      unit: 'ms',
      ratio: ratioOf(measured.p99, Math.max(trivial.p99, 1)),
      baseline: `of GET ${TRIVIAL}'s p99 ${trivial.p99} ms`,
    },
  ];
}

/** Loads one backend: the trivial handler first, then each endpoint, on the same server process. */
async function measure(backend: 'pglite' | 'postgres'): Promise<BenchResult[]> {
  const folder = mkdtempSync(join(tmpdir(), 'alex-bench-api-'));
  const database = `alex_bench_${randomBytes(6).toString('hex')}`;
  let postgresUrl: string | undefined;
  if (backend === 'postgres') {
    await admin(`CREATE DATABASE ${database}`);
    const url = new URL(POSTGRES_URL);
    url.pathname = `/${database}`;
    postgresUrl = url.toString();
  }
  try {
    const api = await startApi(folder, postgresUrl);
    try {
      await checkAnswers(api);
      const trivial = await load(api, TRIVIAL);
      const results: BenchResult[] = [
        {
          suite: 'api',
          name: `GET ${TRIVIAL} (${backend}) throughput`,
          value: Math.round(trivial.perSecond),
          unit: 'req/s',
          note: `trivial handler; p50 ${trivial.p50} ms, p99 ${trivial.p99} ms, ${trivial.cpuMs.toFixed(3)} ms CPU per request`,
        },
      ];
      for (const path of ENDPOINTS)
        results.push(...resultsFor(backend, trivial, path, await load(api, path)));
      return results;
    } finally {
      await api.stop();
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
    if (backend === 'postgres') await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  }
}

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * The API under load as `pnpm dev` serves it (local HTTP adapter, API handler, local Data API): req/s,
 * p50 and p99 for `GET /api/accounts` and `GET /api/portfolio` with 50 clients for 10 s, each as a
 * ratio of the trivial `GET /health` on the same server; on PGlite, and on PostgreSQL when it answers.
 */
export const apiSuite: BenchSuite = {
  name: 'api',
  async run() {
    const results = await measure('pglite');
    if (await postgresReachable(POSTGRES_URL, 1000)) results.push(...(await measure('postgres')));
    else
      results.push({
        suite: 'api',
        name: 'API under load (postgres)',
        value: Number.NaN,
        unit: 'req/s',
        note: `not measured: nothing at ${POSTGRES_URL}`,
      });
    return results;
  },
};
