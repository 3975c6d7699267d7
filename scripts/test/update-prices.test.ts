import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createRepositories, localDataApiClient } from '@alex/database';
import { startLocalDataApi } from '@alex/local-data-api';
import { startPolygonFake } from '@alex/market-data/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../lib/env.ts';

const run = promisify(execFile);

describe('scripts/update-prices.ts', () => {
  let server: Awaited<ReturnType<typeof startLocalDataApi>>;
  const dir = mkdtempSync(join(tmpdir(), 'alex-prices-'));
  const script = async (args: string[], extraEnv: Record<string, string> = {}) => {
    try {
      const { stdout, stderr } = await run('pnpm', ['exec', 'tsx', 'scripts/update-prices.ts', ...args], {
        cwd: REPO_ROOT,
        env: {
          ...process.env,
          DATA_API_ENDPOINT: server.url,
          AURORA_CLUSTER_ARN: '',
          AURORA_SECRET_ARN: '',
          ALEX_TARGET: '',
          POLYGON_API_KEY: '',
          ...extraEnv,
        },
      });
      return { code: 0, out: `${stdout}${stderr}` };
    } catch (err: unknown) {
      const e = err as { code: number; stdout: string; stderr: string };
      return { code: e.code, out: `${e.stdout}${e.stderr}` };
    }
  };
  const instrument = (symbol: string) =>
    createRepositories(localDataApiClient(server.url)).instruments.get(symbol);

  beforeAll(async () => {
    server = await startLocalDataApi({ port: 0 });
    await run('pnpm', ['exec', 'tsx', 'scripts/reset-db.ts'], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        DATA_API_ENDPOINT: server.url,
        AURORA_CLUSTER_ARN: '',
        AURORA_SECRET_ARN: '',
        ALEX_TARGET: '',
      },
    });
  });
  afterAll(async () => server?.close());

  it('--from-csv stores each price with its date', async () => {
    const path = join(dir, 'prices.csv');
    writeFileSync(path, 'symbol,price,date\nSPY,612.34,2026-01-02\n');

    const { code, out } = await script(['--from-csv', path]);

    expect(code).toBe(0);
    expect(out).toContain('✓ 1 prices updated: SPY');
    expect(await instrument('SPY')).toMatchObject({ current_price: '612.3400', price_as_of: '2026-01-02' });
  });

  it('--from-csv with a bad row changes nothing', async () => {
    const path = join(dir, 'bad.csv');
    writeFileSync(path, 'symbol,price,date\nBND,-3,2026-01-02\n');
    const before = await instrument('BND');

    const { code, out } = await script(['--from-csv', path]);

    expect(code).toBe(1);
    expect(out).toContain('line 2: price: must be greater than 0');
    expect(await instrument('BND')).toEqual(before);
  });

  it('--polygon without a key changes nothing and does not fail', async () => {
    const before = await instrument('BND');

    const { code, out } = await script(['--polygon']);

    expect(code).toBe(0);
    expect(out).toContain('POLYGON_API_KEY is not set: no prices fetched, nothing changed.');
    expect(await instrument('BND')).toEqual(before);
  });

  it('--polygon with a key takes the last closes from Polygon (a local fake)', async () => {
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const fake = await startPolygonFake({
      key: 'test-key',
      closes: { [yesterday]: { BND: 73.21 } },
      perMinute: 50,
    });
    try {
      const { code, out } = await script(['--polygon'], {
        POLYGON_API_KEY: 'test-key',
        POLYGON_BASE_URL: fake.url,
      });

      expect(code, out).toBe(0);
      expect(out).toContain('Source: Polygon.io');
      expect(await instrument('BND')).toMatchObject({ current_price: '73.2100', price_as_of: yesterday });
    } finally {
      await fake.close();
    }
  });
});
