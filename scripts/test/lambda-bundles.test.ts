import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { type SeededDatabase, startSeededDatabase } from '@alex/local-data-api';
import type { Metafile } from 'esbuild';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../lib/env.ts';
import { FORBIDDEN_MODULES, forbiddenInputs, LAMBDA_LIKE_ENV } from '../lib/lambda-bundle.ts';
import {
  availableServices,
  foreignServiceInputs,
  type PackagedLambda,
  packageLambda,
} from '../lib/package-lambdas.ts';

const run = promisify(execFile);
const SERVICES = availableServices(REPO_ROOT);

/** Imports a bundle in a fresh Node process, as Lambda does, and optionally invokes its handler once. */
async function inFreshNode(
  bundle: string,
  env: Record<string, string>,
  event?: unknown,
): Promise<{ handlerType: string; result?: unknown }> {
  const script = `const m = await import(${JSON.stringify(pathToFileURL(bundle).href)});
    const out = { handlerType: typeof m.handler };
    if (process.env.ALEX_TEST_EVENT) out.result = await m.handler(JSON.parse(process.env.ALEX_TEST_EVENT));
    process.stdout.write('\\nRESULT ' + JSON.stringify(out) + '\\n');
    process.exit(0);`;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
    env: {
      PATH: process.env.PATH ?? '',
      ...env,
      ...(event === undefined ? {} : { ALEX_TEST_EVENT: JSON.stringify(event) }),
    },
    maxBuffer: 16 * 1024 * 1024,
  });
  const line = stdout.split('\n').findLast((l) => l.startsWith('RESULT '));
  if (!line) throw new Error(`the bundle printed no result:\n${stdout}`);
  return JSON.parse(line.slice('RESULT '.length));
}

describe('the Lambda bundles', () => {
  const outRoot = mkdtempSync(join(tmpdir(), 'alex-lambdas-'));
  const packaged = new Map<string, PackagedLambda>();

  beforeAll(async () => {
    for (const service of SERVICES)
      packaged.set(service, await packageLambda(REPO_ROOT, service, { outRoot }));
  });
  afterAll(() => rmSync(outRoot, { recursive: true, force: true }));

  it('finds a forbidden module in a metafile that has one', () => {
    const metafile = {
      inputs: {},
      outputs: {
        'index.mjs': {
          bytes: 3,
          imports: [],
          exports: [],
          inputs: {
            'node_modules/.pnpm/openai@7.57.0/node_modules/openai/client.mjs': { bytesInOutput: 1 },
            'node_modules/.pnpm/openai@7.57.0/node_modules/openai/helpers/zod.mjs': { bytesInOutput: 1 },
            'node_modules/.pnpm/@electric-sql+pglite@0.3.0/node_modules/@electric-sql/pglite/dist/index.js': {
              bytesInOutput: 1,
            },
            'node_modules/.pnpm/ws@8.23.0/node_modules/ws/index.js': { bytesInOutput: 0 },
            'packages/database/src/local/server.ts': { bytesInOutput: 1 },
          },
        },
      },
    } satisfies Metafile;
    expect(forbiddenInputs(metafile).map((f) => f.module)).toEqual([
      'the OpenAI HTTP client (openai)',
      'PGlite',
      'the local Data API',
    ]);
  });

  it.each(SERVICES)('%s holds no forbidden module and no other service', (service) => {
    const bundle = packaged.get(service);
    if (!bundle) throw new Error(`${service} was not packaged`);
    const written = JSON.parse(readFileSync(join(outRoot, service, 'meta.json'), 'utf8')) as Metafile;
    expect(forbiddenInputs(written)).toEqual([]);
    expect(foreignServiceInputs(bundle)).toEqual([]);
    // The check sees the dependencies it guards against: the bundle is built from real packages.
    expect(Object.keys(written.inputs).some((i) => i.includes('node_modules/'))).toBe(true);
    expect(FORBIDDEN_MODULES.length).toBeGreaterThan(5);
  });

  it.each(SERVICES)('%s zips the bundle alone, with the handler index.handler', async (service) => {
    const bundle = packaged.get(service);
    if (!bundle) throw new Error(`${service} was not packaged`);
    const files = unzipSync(new Uint8Array(readFileSync(bundle.zipPath)));
    expect(Object.keys(files)).toEqual(['index.mjs']);
    const loaded = await inFreshNode(join(outRoot, service, 'index.mjs'), LAMBDA_LIKE_ENV);
    expect(loaded.handlerType).toBe('function');
  });

  describe('invoked end to end against a local Data API with the offline model', () => {
    let db: SeededDatabase;
    const env = (service: string): Record<string, string> => ({
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
      AWS_LAMBDA_FUNCTION_NAME: `alex-test-${service}`,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      ALEX_MODEL_PROVIDER: 'offline',
      DATA_API_ENDPOINT: db.url,
      LOG_LEVEL: 'error',
    });

    beforeAll(async () => {
      db = await startSeededDatabase();
    });
    // One analysis at a time per user: each test's job is closed once its agent has run.
    const jobs: string[] = [];
    const newJob = async () => {
      for (const id of jobs.splice(0)) await db.repos.jobs.fail(id, 'closed by the test');
      const job = await db.repos.jobs.create('user_test_123');
      jobs.push(job.id);
      return job;
    };
    afterAll(async () => {
      await db?.close();
    });

    it('the tagger bundle classifies an instrument and stores it', async () => {
      const { result } = await inFreshNode(join(outRoot, 'tagger', 'index.mjs'), env('tagger'), {
        instruments: [{ symbol: 'AAPL', name: 'Apple Inc.', instrument_type: 'stock' }],
      });
      expect(result).toMatchObject({ tagged: ['AAPL'], unresolved: [], skipped: [] });
      expect(
        (result as { classifications: { symbol: string }[] }).classifications.map((c) => c.symbol),
      ).toEqual(['AAPL']);
      const stored = await db.repos.instruments.get('AAPL');
      expect(stored?.allocation_asset_class).toMatchObject({ equity: 100 });
      expect(Object.keys(stored?.allocation_sectors ?? {}).length).toBeGreaterThan(0);
    });

    it('the charter bundle draws and stores the charts for a job', async () => {
      const job = await newJob();
      const { result } = await inFreshNode(join(outRoot, 'charter', 'index.mjs'), env('charter'), {
        job_id: job.id,
        clerk_user_id: 'user_test_123',
      });
      const report = await db.repos.reports.getForJob('user_test_123', job.id);
      expect(report.charts.map((c) => c.key)).toEqual(
        expect.arrayContaining(['asset_class', 'regions', 'sectors']),
      );
      expect(result).toMatchObject({ charts: expect.arrayContaining(['asset_class']) });
    });

    it('the retirement bundle runs the projection and stores it', async () => {
      const job = await newJob();
      await inFreshNode(join(outRoot, 'retirement', 'index.mjs'), env('retirement'), {
        job_id: job.id,
        clerk_user_id: 'user_test_123',
      });
      const projection = await db.repos.retirement.getForJob('user_test_123', job.id);
      expect(Number(projection.success_rate)).toBeGreaterThanOrEqual(0);
      expect(projection.chart?.data.length).toBeGreaterThan(25);
    });
  });
});
