import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CloudFrontClient } from '@aws-sdk/client-cloudfront';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { RDSClient } from '@aws-sdk/client-rds';
import { S3Client } from '@aws-sdk/client-s3';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { type Config, INFRA_DIR, REPO_DIR } from '../config.ts';
import type { StackName } from '../parts.ts';
import { localStatePath } from '../state.ts';
import { type CommandRunner, nodeRunner } from './runner.ts';

/** AWS clients the scripts use, made once the region is known. */
export interface AwsClients {
  readonly s3: S3Client;
  readonly cloudfront: CloudFrontClient;
  readonly rds: RDSClient;
  readonly cloudwatch: CloudWatchClient;
  readonly secrets: SecretsManagerClient;
}

/** Everything a script touches outside itself; tests replace each piece. */
export interface ScriptContext {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly runner: CommandRunner;
  readonly clients: (config: Config) => AwsClients;
  readonly log: (line: string) => void;
  readonly repoDir: string;
  readonly outdir: string;
}

/** The real context: this process's environment, real processes, real AWS. */
export function defaultContext(env: Readonly<Record<string, string | undefined>>): ScriptContext {
  return {
    env,
    runner: nodeRunner,
    clients: (config) => ({
      s3: new S3Client({ region: config.region }),
      // CloudFront is global; its API lives in us-east-1.
      cloudfront: new CloudFrontClient({ region: 'us-east-1' }),
      rds: new RDSClient({ region: config.region }),
      cloudwatch: new CloudWatchClient({ region: config.region }),
      secrets: new SecretsManagerClient({ region: config.region }),
    }),
    log: (line) => console.log(line),
    repoDir: REPO_DIR,
    outdir: resolve(INFRA_DIR, 'cdktf.out'),
  };
}

/** Whether a stack has been applied (local backend: a state file holding resources). */
export function isDeployed(config: Config, stack: StackName): boolean | 'unknown' {
  if (config.stateBackend !== 'local') return 'unknown';
  const path = localStatePath(config, stack);
  if (!existsSync(path)) return false;
  try {
    const state = JSON.parse(readFileSync(path, 'utf8')) as { resources?: unknown[] };
    return (state.resources?.length ?? 0) > 0;
  } catch {
    return false;
  }
}

/** Whether the root package.json defines a script (e.g. `package`). */
export function hasRootScript(repoDir: string, script: string): boolean {
  const path = resolve(repoDir, 'package.json');
  if (!existsSync(path)) return false;
  const pkg = JSON.parse(readFileSync(path, 'utf8')) as { scripts?: Record<string, string> };
  return pkg.scripts?.[script] !== undefined;
}
