import { describe, expect, it } from 'vitest';
import { findTerraform, Terraform, TerraformMissingError } from '../../src/scripts/terraform.ts';
import { FakeRunner } from './fakes.ts';

describe('findTerraform', () => {
  it('uses terraform when it is installed', async () => {
    expect(await findTerraform(new FakeRunner(['terraform', 'tofu']))).toBe('terraform');
  });

  it('falls back to OpenTofu', async () => {
    expect(await findTerraform(new FakeRunner(['tofu']))).toBe('tofu');
  });

  it('explains how to install terraform or OpenTofu when neither is there', async () => {
    const found = findTerraform(new FakeRunner([]));
    await expect(found).rejects.toBeInstanceOf(TerraformMissingError);
    await expect(found).rejects.toThrow(/terraform was not found \(nor OpenTofu/);
    await expect(found).rejects.toThrow(/developer\.hashicorp\.com\/terraform\/install/);
    await expect(found).rejects.toThrow(/opentofu\.org/);
  });
});

describe('Terraform', () => {
  it('runs apply in the stack directory and auto-approves only when asked', async () => {
    const runner = new FakeRunner();
    const terraform = new Terraform(runner, 'terraform', '/out');
    await terraform.apply('database', false);
    await terraform.apply('database', true);
    expect(runner.calls.map((c) => c.args)).toEqual([
      ['-chdir=/out/stacks/database', 'apply'],
      ['-chdir=/out/stacks/database', 'apply', '-auto-approve'],
    ]);
  });

  it('reads outputs as plain strings', async () => {
    const runner = new FakeRunner(['terraform'], { database: { cluster_arn: 'arn:aws:rds:x' } });
    expect(await new Terraform(runner, 'terraform', '/out').outputs('database')).toEqual({
      cluster_arn: 'arn:aws:rds:x',
    });
  });

  it('fails with the command line when terraform exits non-zero', async () => {
    const runner = new FakeRunner(['terraform'], {}, () => true);
    await expect(new Terraform(runner, 'terraform', '/out').init('agents')).rejects.toThrow(
      '`terraform -chdir=/out/stacks/agents init -input=false` failed with exit code 1',
    );
  });
});
