import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INFRA_DIR } from '../../src/config.ts';
import { synthAll, TEST_ENV } from '../synth-helpers.ts';

describe('the S3 state backend', () => {
  const { stacks } = synthAll({ ...TEST_ENV, ALEX_STATE_BACKEND: 's3', ALEX_STATE_BUCKET: 'my-tf-state' });

  it('keeps each stack under its own key with S3-native locking', () => {
    expect((stacks.agents.terraform as { backend: unknown }).backend).toEqual({
      s3: {
        bucket: 'my-tf-state',
        key: 'alex/test/agents.tfstate',
        region: 'eu-west-2',
        encrypt: true,
        use_lockfile: true,
      },
    });
  });

  it('reads earlier stacks from the same bucket', () => {
    expect(stacks.agents.data?.terraform_remote_state?.['stack-database']).toMatchObject({
      backend: 's3',
      config: { bucket: 'my-tf-state', key: 'alex/test/database.tfstate' },
    });
  });
});

describe('synthesis speed', () => {
  function sources(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory()
        ? sources(join(dir, entry.name))
        : entry.name.endsWith('.ts')
          ? [join(dir, entry.name)]
          : [],
    );
  }

  it('imports provider resources by path, never from the provider root', () => {
    const rootImports = sources(join(INFRA_DIR, 'src')).filter((file) =>
      /from '@cdktf\/provider-aws'/.test(readFileSync(file, 'utf8')),
    );
    expect(rootImports).toEqual([]);
  });
});
