import { type Config, loadConfig } from '../config.ts';
import { PARTS, partByNumber } from '../parts.ts';
import { synthesize } from '../synth.ts';
import { parseDestroyArgs } from './args.ts';
import { isDeployed, type ScriptContext } from './context.ts';
import { ScriptError } from './runner.ts';
import { findTerraform, Terraform } from './terraform.ts';

/**
 * `scripts/destroy.ts [--part N]`: terraform destroy, newest part first. A part that later parts
 * still depend on is refused, so nothing is left reading state that no longer exists.
 */
export async function destroy(argv: readonly string[], ctx: ScriptContext): Promise<void> {
  const args = parseDestroyArgs(argv);
  const config = loadConfig(ctx.env, args.overrides);
  const terraform = new Terraform(
    ctx.runner,
    await findTerraform(ctx.runner, ctx.env.TERRAFORM_BIN),
    ctx.outdir,
  );

  if (args.parts.length === 1) {
    const [part] = args.parts;
    const stack = partByNumber(part ?? 0)?.stack;
    const dependants = PARTS.filter(
      (p) => (p.dependsOn as readonly string[]).includes(stack ?? '') && isDeployed(config, p.stack) === true,
    );
    if (dependants.length > 0) {
      throw new ScriptError(
        `Part ${part} is still used by ${dependants.map((p) => `part ${p.part} (${p.stack})`).join(', ')}: destroy those first.`,
      );
    }
  }

  // Destroy plans need the synthesised JSON but not the Lambda zips.
  synthesize(config, ctx.outdir);
  for (const part of args.parts) {
    const entry = partByNumber(part) as (typeof PARTS)[number];
    if (isDeployed(config, entry.stack) === false) {
      ctx.log(`Part ${part} (${entry.stack}) is not deployed; skipping.`);
      continue;
    }
    ctx.log(`\n== Destroying part ${part}: ${entry.title} ==`);
    await terraform.init(entry.stack);
    if (entry.stack === 'database' && (config.deletionProtection || !config.skipFinalSnapshot)) {
      // Aurora refuses to delete a protected cluster; the course's teardown removes the data on purpose.
      ctx.log(
        "Turning off the cluster's deletion protection and final snapshot first: the database and all its data will be deleted for good.",
      );
      synthesize({ ...config, deletionProtection: false, skipFinalSnapshot: true }, ctx.outdir);
      await terraform.apply(entry.stack, args.yes);
    }
    await terraform.destroy(entry.stack, args.yes);
  }
  ctx.log('\nDone. Secrets are deleted without a recovery window, so a redeploy can reuse their names.');
}

/**
 * Before the course's teardown destroys Part 5: turns off deletion protection and the final snapshot
 * (which a deployed cluster has by default), with one apply of the database stack, and says so.
 * Aurora refuses to delete a protected cluster; here the data is removed on purpose.
 */
export async function unprotectDatabase(
  config: Config,
  terraform: Terraform,
  ctx: ScriptContext,
  autoApprove: boolean,
): Promise<void> {
  if (!config.deletionProtection && config.skipFinalSnapshot) return;
  ctx.log(
    "Turning off the cluster's deletion protection and final snapshot first: the database and all its data will be deleted for good.",
  );
  synthesize({ ...config, deletionProtection: false, skipFinalSnapshot: true }, ctx.outdir);
  await terraform.apply('database', autoApprove);
}
