import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Config, loadConfig } from '../config.ts';
import { AGENTS, type Service } from '../naming.ts';
import { PARTS, type PartNumber, partByNumber } from '../parts.ts';
import { stateLocation } from '../state.ts';
import { synthesize } from '../synth.ts';
import { parseDeployArgs } from './args.ts';
import { hasRootScript, isDeployed, type ScriptContext } from './context.ts';
import { runOrFail, ScriptError } from './runner.ts';
import { clerkWebhookSecretFrom, langfuseSecretFrom, putSecret } from './secrets.ts';
import { findTerraform, Terraform } from './terraform.ts';
import { invalidate, uploadSpa } from './upload.ts';

/** Which zips each part needs in dist/lambdas. */
const ZIPS_BY_PART: Partial<Record<PartNumber, readonly Service[]>> = {
  6: [...AGENTS, 'prices'],
  7: ['api'],
};

/**
 * `scripts/deploy.ts [--part N]`: package, synthesise, terraform apply each part in order, then for
 * Part 7 build the SPA against the deployed API, upload it and invalidate CloudFront.
 */
export async function deploy(argv: readonly string[], ctx: ScriptContext): Promise<void> {
  const args = parseDeployArgs(argv);
  const config = loadConfig(ctx.env, args.overrides);
  checkSettings(config, args.parts, ctx);
  checkEarlierParts(config, args.parts);
  const terraform = new Terraform(
    ctx.runner,
    await findTerraform(ctx.runner, ctx.env.TERRAFORM_BIN),
    ctx.outdir,
  );

  const zips = args.parts.flatMap((part) => ZIPS_BY_PART[part] ?? []);
  if (zips.length > 0) await packageLambdas(config, zips, ctx);

  ctx.log(`Synthesising the stacks for stage "${config.stage}" in ${config.region} ...`);
  synthesize(config, ctx.outdir);

  for (const part of args.parts) {
    const entry = partByNumber(part) as (typeof PARTS)[number];
    ctx.log(`\n== Part ${part}: ${entry.title} (stack ${entry.stack}) ==`);
    await terraform.init(entry.stack);
    await terraform.apply(entry.stack, args.yes);
    const outputs = await terraform.outputs(entry.stack);
    await storeSecrets(part, config, outputs, ctx);
    if (part === 7) await publishSpa(config, outputs, ctx);
    printNextSteps(part, outputs, config, ctx);
  }
}

/** Each part's earlier stacks must be deployed already, or be deployed earlier in this run. */
function checkEarlierParts(config: Config, parts: readonly PartNumber[]): void {
  for (const part of parts) {
    const entry = partByNumber(part) as (typeof PARTS)[number];
    for (const dependency of entry.dependsOn) {
      const needed = (PARTS.find((p) => p.stack === dependency) as (typeof PARTS)[number]).part;
      if (parts.includes(needed) || isDeployed(config, dependency) !== false) continue;
      throw new ScriptError(
        `Part ${part} reads the outputs of the ${dependency} stack, which has no state yet ` +
          `(${stateLocation(config, dependency)}): deploy --part ${needed} first.`,
      );
    }
  }
}

/** Settings a part cannot do without, checked before anything is created. */
function checkSettings(config: Config, parts: readonly PartNumber[], ctx: ScriptContext): void {
  const missing: string[] = [];
  if (parts.includes(7) && config.clerkIssuer === undefined) {
    missing.push('CLERK_ISSUER (your Clerk Frontend API URL, e.g. https://<name>.clerk.accounts.dev)');
  }
  if (parts.includes(7) && ctx.env.VITE_CLERK_PUBLISHABLE_KEY === undefined) {
    missing.push('VITE_CLERK_PUBLISHABLE_KEY (pk_test_... from the Clerk dashboard)');
  }
  if (parts.includes(8) && config.budgetEmail === undefined && config.budgetSnsTopicArn === undefined) {
    missing.push('ALEX_BUDGET_EMAIL or ALEX_BUDGET_SNS_TOPIC_ARN (where budget alerts go)');
  }
  if (missing.length > 0) {
    throw new ScriptError(`Set these in .env or the environment first:\n  ${missing.join('\n  ')}`);
  }
}

async function packageLambdas(config: Config, zips: readonly Service[], ctx: ScriptContext): Promise<void> {
  if (hasRootScript(ctx.repoDir, 'package')) {
    ctx.log('Packaging the Lambdas (pnpm run package) ...');
    await runOrFail(ctx.runner, 'pnpm', ['run', 'package'], { cwd: ctx.repoDir });
  } else {
    ctx.log('No `package` script in the root package.json yet: using the zips already in place.');
  }
  const absent = zips.filter((service) => !existsSync(join(config.lambdaDistDir, `${service}.zip`)));
  if (absent.length > 0) {
    throw new ScriptError(
      `Missing Lambda bundles in ${config.lambdaDistDir}: ${absent.map((s) => `${s}.zip`).join(', ')}.\n` +
        'Build them with `pnpm run package` (each zip holds index.mjs exporting handler).',
    );
  }
}

/** Copy the Langfuse keys (Part 6) and the Clerk webhook secret (Part 7) from .env into Secrets Manager. */
async function storeSecrets(
  part: PartNumber,
  config: Config,
  outputs: Record<string, string>,
  ctx: ScriptContext,
): Promise<void> {
  const wanted =
    part === 6
      ? { value: langfuseSecretFrom(ctx.env), output: 'langfuse_secret_arn', what: 'Langfuse keys' }
      : part === 7
        ? {
            value: clerkWebhookSecretFrom(ctx.env),
            output: 'clerk_webhook_secret_arn',
            what: 'Clerk webhook secret',
          }
        : undefined;
  if (wanted?.value === undefined) return;
  await putSecret(ctx.clients(config).secrets, required(outputs, wanted.output), wanted.value);
  ctx.log(`Stored the ${wanted.what} in Secrets Manager.`);
}

async function publishSpa(
  config: Config,
  outputs: Record<string, string>,
  ctx: ScriptContext,
): Promise<void> {
  const frontend = resolve(ctx.repoDir, 'frontend');
  if (!existsSync(join(frontend, 'package.json'))) {
    ctx.log(
      'frontend/package.json does not exist yet: the API and CloudFront are deployed, the SPA upload is skipped.',
    );
    return;
  }
  // One origin: CloudFront serves the SPA and forwards /api/* to the API, so the SPA calls its own
  // origin (an empty VITE_API_URL) and the WAF sees every API call.
  ctx.log('Building the SPA to call the API on its own origin (CloudFront forwards /api/*) ...');
  await runOrFail(ctx.runner, 'pnpm', ['--filter', './frontend', 'build'], {
    cwd: ctx.repoDir,
    env: { VITE_API_URL: '', VITE_CLERK_PUBLISHABLE_KEY: ctx.env.VITE_CLERK_PUBLISHABLE_KEY },
  });
  const dist = join(frontend, 'dist');
  if (!existsSync(join(dist, 'index.html')))
    throw new ScriptError(`The SPA build left no ${dist}/index.html.`);
  const { s3, cloudfront } = ctx.clients(config);
  const keys = await uploadSpa(s3, required(outputs, 'frontend_bucket'), dist);
  ctx.log(`Uploaded ${keys.length} files (assets/* immutable for a year, the rest no-cache).`);
  const id = await invalidate(
    cloudfront,
    required(outputs, 'distribution_id'),
    `alex-${config.stage}-${Date.now()}`,
  );
  ctx.log(`CloudFront invalidation ${id} started (takes a minute or two).`);
}

function required(outputs: Record<string, string>, name: string): string {
  const value = outputs[name];
  if (value === undefined || value === '') throw new ScriptError(`terraform output "${name}" is missing`);
  return value;
}

function printNextSteps(
  part: PartNumber,
  out: Record<string, string>,
  config: Config,
  ctx: ScriptContext,
): void {
  const lines: Record<PartNumber, string[]> = {
    5: [
      `AURORA_CLUSTER_ARN=${out.cluster_arn ?? ''}`,
      `AURORA_SECRET_ARN=${out.secret_arn ?? ''}`,
      'Put both in .env, then load the schema and data: pnpm tsx scripts/reset-db.ts --with-test-data',
      'Costs ≈ $0.06/hour while awake at 0.5 ACU; it pauses at 0 ACU after 5 idle minutes (storage only).',
    ],
    6: [
      `Queue: ${out.queue_url ?? ''}`,
      'Langfuse keys (optional): put LANGFUSE_PUBLIC_KEY/LANGFUSE_SECRET_KEY in .env and redeploy, or:',
      'aws secretsmanager put-secret-value --secret-id ' +
        `${out.langfuse_secret_arn ?? ''} --secret-string '{"LANGFUSE_PUBLIC_KEY":"pk-lf-...","LANGFUSE_SECRET_KEY":"sk-lf-...","LANGFUSE_HOST":"https://cloud.langfuse.com"}'`,
    ],
    7: [
      `App: ${out.frontend_url ?? ''}`,
      `API: ${out.frontend_url ?? ''}/api/ (the execute-api URL refuses calls that skip CloudFront)`,
      `Add ${out.frontend_url ?? ''} to the allowed origins of your Clerk application.`,
    ],
    8: [
      `Dashboard: ${out.dashboard_url ?? ''}`,
      `Confirm the SNS subscription email sent to ${config.alertEmail ?? ''}, or alarms reach nobody.`,
    ],
  };
  for (const line of lines[part]) ctx.log(`  ${line}`);
}
