import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { REPO_ROOT } from '../lib/env.ts';
import type { BenchResult, BenchSuite } from './harness.ts';

const run = promisify(execFile);

/**
 * A stand-in Clerk publishable key (its domain does not exist): the build takes the production shape,
 * with Clerk on demand, and the landing page must not fetch it.
 */
const BENCH_CLERK_KEY = `pk_test_${Buffer.from('alex-bench.clerk.accounts.dev$').toString('base64')}`;

/**
 * The SPA's first load under a throttled 4G profile in Chromium (frontend/scripts/load-time.ts): the
 * landing page's JavaScript (gzipped, target ≤ 100 KB), its LCP (target ≤ 1.0 s), FCP, hydration and
 * load event, and the signed-in shell's FCP. Builds the app as deployed (pre-rendered, Clerk configured).
 */
export const webSuite: BenchSuite = {
  name: 'web',
  async run() {
    await run('pnpm', ['--filter', '@alex/frontend', 'build'], {
      cwd: REPO_ROOT,
      env: { ...process.env, VITE_CLERK_PUBLISHABLE_KEY: BENCH_CLERK_KEY },
      maxBuffer: 16 * 1024 * 1024,
    });
    const { stdout } = await run('pnpm', ['--silent', '--filter', '@alex/frontend', 'bench:web', '--json'], {
      cwd: REPO_ROOT,
      maxBuffer: 16 * 1024 * 1024,
    });
    const line = stdout
      .trim()
      .split('\n')
      .findLast((l) => l.startsWith('['));
    if (!line) throw new Error(`bench:web printed no results:\n${stdout}`);
    return (JSON.parse(line) as BenchResult[]).map((r) => ({ ...r, suite: 'web' }));
  },
};
