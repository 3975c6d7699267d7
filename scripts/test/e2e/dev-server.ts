import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../../lib/env.ts';

/** A `pnpm dev` started for a test, on a fresh embedded database. */
export interface DevServer {
  dataApiUrl: string;
  output(): string;
  stop(): Promise<void>;
}

/** Resolves when `url` answers, or rejects with what the server printed when it exits first. */
async function waitFor(url: string, child: ChildProcess, output: () => string): Promise<void> {
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  for (;;) {
    if (exited) throw new Error(`pnpm dev exited before it was ready:\n${output()}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Starts `pnpm dev` as a user would, with its data in a temporary folder. */
export async function startDevServer(options: { dataApiPort: number }): Promise<DevServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'alex-e2e-'));
  let log = '';
  const child = spawn('pnpm', ['dev'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      ALEX_DATA_DIR: join(dataDir, 'pgdata'),
      DATA_API_PORT: String(options.dataApiPort),
      DATA_API_ENDPOINT: '',
      DATABASE_URL: '',
      AURORA_CLUSTER_ARN: '',
      AURORA_SECRET_ARN: '',
      VITE_CLERK_PUBLISHABLE_KEY: '',
      CLERK_ISSUER: '',
      ALEX_MODEL_PROVIDER: 'offline',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout?.on('data', (chunk) => {
    log += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    log += chunk;
  });
  const output = () => log;
  const stop = async () => {
    const signal = (name: NodeJS.Signals) => {
      try {
        if (child.pid) process.kill(-child.pid, name);
      } catch {
        // the process group is already gone
      }
    };
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      signal('SIGINT');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      if (child.exitCode === null) signal('SIGKILL');
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitFor('http://127.0.0.1:5173/', child, output);
    await waitFor('http://127.0.0.1:8000/health', child, output);
  } catch (err) {
    await stop();
    throw err;
  }
  return { dataApiUrl: `http://127.0.0.1:${options.dataApiPort}`, output, stop };
}
