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
      'database destroy -auto-approve',
    ]);
    expect(lines).toContain('Part 8 (observability) is not deployed; skipping.');
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
