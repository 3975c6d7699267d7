import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createRepositories, localDataApiClient } from '@alex/database';
import { startLocalDataApi } from '@alex/local-data-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../lib/env.ts';

const run = promisify(execFile);

describe('scripts/import.ts', () => {
  let server: Awaited<ReturnType<typeof startLocalDataApi>>;
  const dir = mkdtempSync(join(tmpdir(), 'alex-import-'));
  const file = (name: string, content: string | Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  const script = async (name: string, args: string[]) => {
    try {
      const { stdout, stderr } = await run('pnpm', ['exec', 'tsx', `scripts/${name}`, ...args], {
        cwd: REPO_ROOT,
        env: {
          ...process.env,
          DATA_API_ENDPOINT: server.url,
          AURORA_CLUSTER_ARN: '',
          AURORA_SECRET_ARN: '',
          ALEX_TARGET: '',
        },
      });
      return { code: 0, out: `${stdout}${stderr}` };
    } catch (err: unknown) {
      const e = err as { code: number; stdout: string; stderr: string };
      return { code: e.code, out: `${e.stdout}${e.stderr}` };
    }
  };
  const accountsOf = async (user: string) => {
    const repos = createRepositories(localDataApiClient(server.url));
    return (await repos.accounts.list(user)).map((a) => a.account_name);
  };

  beforeAll(async () => {
    server = await startLocalDataApi({ port: 0 });
    expect((await script('reset-db.ts', ['--with-test-data'])).code).toBe(0);
  });
  afterAll(async () => server?.close());

  it('refuses a file with a bad row, naming the line, and writes nothing', async () => {
    const path = file('bad.csv', 'account,symbol,quantity\nScript IRA,SPY,2\nScript IRA,BND,-1\n');

    const { code, out } = await script('import.ts', ['--user', 'user_test_123', path]);

    expect(code).toBe(1);
    expect(out).toContain('✖ line 3: quantity: must be greater than 0');
    expect(out).toContain('nothing was imported');
    expect(await accountsOf('user_test_123')).not.toContain('Script IRA');
  });

  it('refuses a file that is not UTF-8', async () => {
    const path = file(
      'latin1.csv',
      Buffer.from([...Buffer.from('account,symbol,quantity\nCaf'), 0xe9, 0x0a]),
    );

    const { code, out } = await script('import.ts', ['--user', 'user_test_123', path]);

    expect(code).toBe(1);
    expect(out).toContain('✖ Line 2: The file is not UTF-8 text');
  });

  it('imports a good file for the user, and --dry-run writes nothing', async () => {
    const path = file('good.csv', 'account,symbol,quantity,cash\nScript Roth,VTI,4,10\n');

    const dry = await script('import.ts', ['--user', 'user_test_123', '--dry-run', path]);
    expect(dry.code).toBe(0);
    expect(await accountsOf('user_test_123')).not.toContain('Script Roth');

    const { code, out } = await script('import.ts', ['--user', 'user_test_123', path]);

    expect(code).toBe(0);
    expect(out).toContain('✓ Imported for user_test_123: 1 positions, 1 accounts created, 0 updated');
    expect(await accountsOf('user_test_123')).toContain('Script Roth');
  });

  it('needs --user and a file, and refuses an unknown user', async () => {
    expect((await script('import.ts', [])).code).toBe(2);
    const path = file('one.csv', 'account,symbol,quantity\nA,SPY,1\n');
    const unknown = await script('import.ts', ['--user', 'user_nobody', path]);
    expect(unknown.code).toBe(1);
    expect(unknown.out).toContain('No user user_nobody');
  });
});
