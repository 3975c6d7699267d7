import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { CloudFrontClient } from '@aws-sdk/client-cloudfront';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { RDSClient } from '@aws-sdk/client-rds';
import { S3Client } from '@aws-sdk/client-s3';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { ScriptContext } from '../../src/scripts/context.ts';
import type { CommandRunner, RunOptions, RunResult } from '../../src/scripts/runner.ts';

/** One recorded command. */
export interface Call {
  readonly command: string;
  readonly args: readonly string[];
  readonly options: RunOptions | undefined;
}

/** A runner that records calls, knows which binaries "exist", and answers `output -json` per stack. */
export class FakeRunner implements CommandRunner {
  readonly calls: Call[] = [];

  constructor(
    private readonly installed: readonly string[] = ['terraform'],
    private readonly outputs: Record<string, Record<string, string>> = {},
    private readonly failing: (call: Call) => boolean = () => false,
  ) {}

  async exists(command: string): Promise<boolean> {
    return this.installed.includes(command);
  }

  async run(command: string, args: readonly string[], options?: RunOptions): Promise<RunResult> {
    const call = { command, args, options };
    this.calls.push(call);
    if (this.failing(call)) return { code: 1, stdout: '' };
    if (args.includes('output')) {
      const stack = String(args[0]).split('/').pop() ?? '';
      const values = this.outputs[stack] ?? {};
      return {
        code: 0,
        stdout: JSON.stringify(
          Object.fromEntries(Object.entries(values).map(([k, value]) => [k, { value }])),
        ),
      };
    }
    return { code: 0, stdout: '' };
  }

  /** Terraform calls as "<stack> <verb> [flags]". */
  terraformCalls(): string[] {
    return this.calls
      .filter((c) => c.command === 'terraform')
      .map((c) => [String(c.args[0]).split('/').pop(), ...c.args.slice(1)].join(' '));
  }
}

/** A temp workspace: repo dir, outdir, state dir and dist dir, plus a context using them. */
export function workspace(
  runner: CommandRunner,
  env: Record<string, string> = {},
): { ctx: ScriptContext; repo: string; lines: string[]; stateDir: string; dist: string } {
  const root = mkdtempSync(join(tmpdir(), 'alex-scripts-'));
  const repo = join(root, 'repo');
  const stateDir = join(root, 'state');
  const dist = join(repo, 'dist', 'lambdas');
  mkdirSync(dist, { recursive: true });
  writeFileSync(join(repo, 'package.json'), JSON.stringify({ name: 'alex', scripts: {} }));
  const lines: string[] = [];
  const ctx: ScriptContext = {
    env: {
      ALEX_STAGE: 'test',
      ALEX_STATE_DIR: stateDir,
      ALEX_LAMBDA_DIST_DIR: dist,
      CLERK_ISSUER: 'https://happy-cat-1.clerk.accounts.dev',
      VITE_CLERK_PUBLISHABLE_KEY: 'pk_test_abc',
      ALEX_BUDGET_EMAIL: 'ada@example.com',
      ...env,
    },
    runner,
    clients: () => ({
      s3: new S3Client({ region: 'us-east-1' }),
      cloudfront: new CloudFrontClient({ region: 'us-east-1' }),
      rds: new RDSClient({ region: 'us-east-1' }),
      cloudwatch: new CloudWatchClient({ region: 'us-east-1' }),
      secrets: new SecretsManagerClient({ region: 'us-east-1' }),
    }),
    log: (line) => lines.push(line),
    repoDir: repo,
    outdir: join(root, 'cdktf.out'),
  };
  return { ctx, repo, lines, stateDir, dist };
}

/** Pretend a stack has been applied by writing a local state file with one resource. */
export function markDeployed(stateDir: string, stack: string, stage = 'test'): void {
  const path = join(stateDir, stage, `${stack}.tfstate`);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify({ version: 4, resources: [{ type: 'x' }] }));
}

/** Write a file, creating its folders. */
export function writeFile(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}
