import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { destroy } from '../../src/scripts/destroy.ts';
import { FakeRunner, markDeployed, workspace } from './fakes.ts';

describe('destroy', () => {
  it('destroys the deployed parts newest first and skips the others', async () => {
    const runner = new FakeRunner();
    const { ctx, stateDir, lines } = workspace(runner);
    markDeployed(stateDir, 'database');
    markDeployed(stateDir, 'agents');
    await destroy(['--yes'], ctx);
    expect(runner.terraformCalls()).toEqual([
      'agents init -input=false',
      'agents destroy -auto-approve',
      'database init -input=false',
      'database apply -auto-approve',
      'database destroy -auto-approve',
    ]);
    expect(lines).toContain('Part 8 (observability) is not deployed; skipping.');
  });

  it('turns off deletion protection and the final snapshot before destroying the database, and says so', async () => {
    const runner = new FakeRunner();
    const { ctx, stateDir, lines } = workspace(runner);
    const outdir = ctx.outdir;
    markDeployed(stateDir, 'database');
    await destroy(['--yes'], ctx);
    expect(lines.join('\n')).toMatch(/Turning off the cluster's deletion protection and final snapshot/);
    const synthesised = JSON.parse(readFileSync(join(outdir, 'stacks/database/cdk.tf.json'), 'utf8'));
    const [cluster] = Object.values(synthesised.resource.aws_rds_cluster) as Record<string, unknown>[];
    expect(cluster).toMatchObject({ deletion_protection: false, skip_final_snapshot: true });
  });

  it('destroys the database directly when it is already unprotected', async () => {
    const runner = new FakeRunner();
    const { ctx, stateDir } = workspace(runner, {
      ALEX_DELETION_PROTECTION: 'false',
      ALEX_SKIP_FINAL_SNAPSHOT: 'true',
    });
    markDeployed(stateDir, 'database');
    await destroy(['--yes'], ctx);
    expect(runner.terraformCalls()).toEqual(['database init -input=false', 'database destroy -auto-approve']);
  });

  it('lets terraform ask for confirmation without --yes', async () => {
    const runner = new FakeRunner();
    const { ctx, stateDir } = workspace(runner);
    markDeployed(stateDir, 'observability');
    await destroy(['--part', '8'], ctx);
    expect(runner.terraformCalls()).toContain('observability destroy');
  });

  it('refuses to destroy a part that a deployed later part still reads', async () => {
    const runner = new FakeRunner();
    const { ctx, stateDir } = workspace(runner);
    markDeployed(stateDir, 'database');
    markDeployed(stateDir, 'agents');
    await expect(destroy(['--part', '5'], ctx)).rejects.toThrow('still used by part 6 (agents)');
    expect(runner.terraformCalls()).toEqual([]);
  });
});
