import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { startLocalDataApi } from '@alex/local-data-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../lib/env.ts';

const run = promisify(execFile);

describe('scripts/reset-db.ts and scripts/verify-db.ts', () => {
  let server: Awaited<ReturnType<typeof startLocalDataApi>>;
  const script = async (name: string, args: string[] = [], extraEnv: Record<string, string> = {}) => {
    try {
      const { stdout } = await run('pnpm', ['exec', 'tsx', `scripts/${name}`, ...args], {
        cwd: REPO_ROOT,
        env: {
          ...process.env,
          DATA_API_ENDPOINT: server.url,
          AURORA_CLUSTER_ARN: '',
          AURORA_SECRET_ARN: '',
          ALEX_TARGET: '',
          ...extraEnv,
        },
      });
      return { code: 0, stdout };
    } catch (err: unknown) {
      const e = err as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: `${e.stdout}${e.stderr}` };
    }
  };
  const counts = (stdout: string) =>
    Object.fromEntries([...stdout.matchAll(/^(\w+)\s+(\d+)$/gm)].map((m) => [m[1], Number(m[2])]));

  beforeAll(async () => {
    server = await startLocalDataApi({ port: 0 });
  });
  afterAll(async () => server?.close());

  it('loads the instruments and the test portfolio, and gives the same counts when run twice', async () => {
    const first = await script('reset-db.ts', ['--with-test-data']);
    const second = await script('reset-db.ts', ['--with-test-data']);
    expect(first.code).toBe(0);
    expect(second.code).toBe(0);
    expect(first.stdout).toContain(`local Data API at ${server.url}`);
    expect(counts(first.stdout)).toMatchObject({ users: 1, accounts: 3, positions: 10 });
    expect(counts(first.stdout).instruments).toBeGreaterThanOrEqual(22);
    expect(counts(second.stdout)).toEqual(counts(first.stdout));
  });

  it('verifies the database and reports success', async () => {
    const { code, stdout } = await script('verify-db.ts');
    expect(code).toBe(0);
    expect(stdout).toContain('All instrument allocations sum to 100');
  });

  it('empties user data with --drop-all', async () => {
    const { code, stdout } = await script('reset-db.ts', ['--drop-all']);
    expect(code).toBe(0);
    expect(stdout).toContain('Dropped all tables');
    expect(counts(stdout)).toMatchObject({ users: 0, accounts: 0, positions: 0 });
  });

  it('answers an unknown flag with the usage and exit code 2', async () => {
    const { code, stdout } = await script('reset-db.ts', ['--with-test-dta']);
    expect(code).toBe(2);
    expect(stdout).toContain('Unknown argument: --with-test-dta');
    expect(stdout).toContain('Usage: pnpm tsx scripts/reset-db.ts');
  });

  // The aws target pointed at the local Data API (it accepts any ARN): what Aurora would be sent.
  const aurora = {
    ALEX_TARGET: 'aws',
    AURORA_CLUSTER_ARN: 'arn:aws:rds:us-east-1:123456789012:cluster:alex-test-db',
    AURORA_SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:rds!cluster-test',
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
  };

  it('refuses --drop-all on Aurora without --confirm, names the cluster, and drops nothing', async () => {
    await script('reset-db.ts', ['--with-test-data']);
    const { code, stdout } = await script('reset-db.ts', ['--drop-all'], aurora);
    expect(code).toBe(2);
    expect(stdout).toContain('using Aurora cluster alex-test-db in us-east-1');
    expect(stdout).toContain('every table and all data in Aurora cluster alex-test-db');
    expect(stdout).toContain('--drop-all --confirm');
    expect(stdout).not.toContain('Dropped all tables');
    expect(counts((await script('verify-db.ts')).stdout)).toMatchObject({ users: 1, positions: 10 });
  });

  it('drops every table on Aurora with --drop-all --confirm', async () => {
    const { code, stdout } = await script('reset-db.ts', ['--drop-all', '--confirm'], aurora);
    expect(code).toBe(0);
    expect(stdout).toContain('Database: Aurora arn:aws:rds:us-east-1:123456789012:cluster:alex-test-db');
    expect(stdout).toContain('Dropped all tables');
    expect(counts(stdout)).toMatchObject({ users: 0, positions: 0 });
  });

  it('ALEX_TARGET=local ignores the Aurora ARNs in the environment', async () => {
    const { code, stdout } = await script('verify-db.ts', [], { ...aurora, ALEX_TARGET: 'local' });
    expect(code).toBe(0);
    expect(stdout).toContain('Target: local (ALEX_TARGET=local): using the local Data API');
    expect(stdout).toContain(`local Data API at ${server.url}`);
  });
});
