import { relative, resolve } from 'node:path';
import {
  App,
  DataTerraformRemoteStateLocal,
  DataTerraformRemoteStateS3,
  LocalBackend,
  S3Backend,
  type TerraformRemoteState,
  type TerraformStack,
} from 'cdktf';
import type { Construct } from 'constructs';
import type { Config } from './config.ts';
import type { StackName } from './parts.ts';

/** Where a stack's local state file lives (absolute). */
export function localStatePath(config: Pick<Config, 'stateDir' | 'stage'>, stack: StackName): string {
  return resolve(config.stateDir, config.stage, `${stack}.tfstate`);
}

/** The directory terraform runs in for a stack: `<outdir>/stacks/<stack>`. */
export function stackDir(outdir: string, stack: StackName): string {
  return resolve(outdir, 'stacks', stack);
}

/** State key of a stack in the S3 backend. */
function s3Key(config: Pick<Config, 'stage'>, stack: StackName): string {
  return `alex/${config.stage}/${stack}.tfstate`;
}

/**
 * Local state path as terraform sees it from the stack directory. Relative, so the synthesised
 * JSON holds no machine-specific absolute paths, and identical in every stack that reads it.
 */
function relativeStatePath(scope: Construct, config: Config, stack: StackName): string {
  const from = stackDir(App.of(scope).outdir, stack);
  return relative(from, localStatePath(config, stack)).split('\\').join('/');
}

/** Give `stack` its backend: local files under infra/.terraform-state by default, or S3. */
export function configureBackend(stack: TerraformStack, config: Config, name: StackName): void {
  if (config.stateBackend === 's3' && config.stateBucket !== undefined) {
    const backend = new S3Backend(stack, {
      bucket: config.stateBucket,
      key: s3Key(config, name),
      region: config.region,
      encrypt: true,
    });
    // S3-native locking (Terraform 1.10+ / OpenTofu 1.10+): no DynamoDB table to create.
    backend.addOverride('use_lockfile', true);
    return;
  }
  new LocalBackend(stack, { path: relativeStatePath(stack, config, name) });
}

/** Read the outputs of an earlier stack from its state (the student deploys stacks in order). */
export function readStack(scope: Construct, config: Config, from: StackName): TerraformRemoteState {
  const id = `stack-${from}`;
  if (config.stateBackend === 's3' && config.stateBucket !== undefined) {
    return new DataTerraformRemoteStateS3(scope, id, {
      bucket: config.stateBucket,
      key: s3Key(config, from),
      region: config.region,
    });
  }
  // Paths in a remote-state data source are resolved from the reading stack's directory;
  // every stack directory is a sibling, so the path relative to the source stack's dir works.
  return new DataTerraformRemoteStateLocal(scope, id, { path: relativeStatePath(scope, config, from) });
}

/** Where a stack's state lives, for messages. */
export function stateLocation(config: Config, stack: StackName): string {
  return config.stateBackend === 's3'
    ? `s3://${config.stateBucket}/${s3Key(config, stack)}`
    : localStatePath(config, stack);
}
