import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { REPO_ROOT } from '../lib/env.ts';
import type { BenchResult, BenchSuite } from './harness.ts';

const run = promisify(execFile);

/**
 * The SPA's first load: initial JavaScript (gzipped, budget 200 KB) and load time of the landing page
 * in Chromium under a throttled 4G profile. Builds the app, then runs the frontend's own measurement.
 */
export const webSuite: BenchSuite = {
  name: 'web',
  async run() {
    await run('pnpm', ['--filter', '@alex/frontend', 'build'], {
      cwd: REPO_ROOT,
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
