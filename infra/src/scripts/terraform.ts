import type { StackName } from '../parts.ts';
import { stackDir } from '../state.ts';
import { type CommandRunner, runOrFail, ScriptError } from './runner.ts';

/** Neither terraform nor OpenTofu is installed. */
export class TerraformMissingError extends ScriptError {
  constructor() {
    super(
      [
        'terraform was not found (nor OpenTofu `tofu`).',
        'The stacks synthesise to plain Terraform JSON; one of these applies them:',
        '  Terraform ≥ 1.10: https://developer.hashicorp.com/terraform/install (macOS: brew install hashicorp/tap/terraform)',
        '  OpenTofu  ≥ 1.10: https://opentofu.org/docs/intro/install/     (macOS: brew install opentofu)',
        'Or point TERRAFORM_BIN at the binary. Then run this command again.',
      ].join('\n'),
      127,
    );
  }
}

/** Find the binary: TERRAFORM_BIN, then terraform, then tofu. */
export async function findTerraform(runner: CommandRunner, preferred?: string): Promise<string> {
  const candidates = preferred === undefined ? ['terraform', 'tofu'] : [preferred];
  for (const candidate of candidates) {
    if (await runner.exists(candidate)) return candidate;
  }
  throw new TerraformMissingError();
}

/** Terraform commands on one synthesised stack directory. */
export class Terraform {
  constructor(
    private readonly runner: CommandRunner,
    private readonly binary: string,
    private readonly outdir: string,
  ) {}

  private chdir(stack: StackName): string {
    return `-chdir=${stackDir(this.outdir, stack)}`;
  }

  /** `init`: downloads the AWS provider and connects the backend. */
  async init(stack: StackName): Promise<void> {
    await runOrFail(this.runner, this.binary, [this.chdir(stack), 'init', '-input=false']);
  }

  /** `apply`: shows the plan and asks for approval unless `autoApprove`. */
  async apply(stack: StackName, autoApprove: boolean): Promise<void> {
    await runOrFail(this.runner, this.binary, [
      this.chdir(stack),
      'apply',
      ...(autoApprove ? ['-auto-approve'] : []),
    ]);
  }

  /** `destroy`: asks for approval unless `autoApprove`. */
  async destroy(stack: StackName, autoApprove: boolean): Promise<void> {
    await runOrFail(this.runner, this.binary, [
      this.chdir(stack),
      'destroy',
      ...(autoApprove ? ['-auto-approve'] : []),
    ]);
  }

  /** The stack's outputs as plain strings. */
  async outputs(stack: StackName): Promise<Record<string, string>> {
    const { stdout } = await runOrFail(this.runner, this.binary, [this.chdir(stack), 'output', '-json'], {
      capture: true,
    });
    const parsed = JSON.parse(stdout === '' ? '{}' : stdout) as Record<string, { value: unknown }>;
    return Object.fromEntries(Object.entries(parsed).map(([key, { value }]) => [key, String(value)]));
  }
}
