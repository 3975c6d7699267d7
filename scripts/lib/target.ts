/**
 * The one switch between the local stack and AWS: `ALEX_TARGET=local|aws`. The Aurora ARNs, the
 * queue URL and the knowledge-store settings can stay in `.env` for good; this variable alone says
 * whether a script uses them. Unset, it is inferred (aws when both Aurora ARNs are set), as before.
 */

/** Where a script's database, queue and knowledge store live. */
export type Target = 'local' | 'aws';

/** The resolved target, why it was chosen, and the environment the script runs with. */
export interface ResolvedTarget {
  readonly target: Target;
  /** True when `ALEX_TARGET` named it; false when inferred from the Aurora ARNs. */
  readonly explicit: boolean;
  /** The environment with the AWS-only settings removed for the local target. */
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** Thrown for an `ALEX_TARGET` that cannot be honoured (unknown value, aws without its ARNs). */
export class TargetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** Settings that point a script at AWS resources; the local target ignores them. */
export const AWS_ONLY_VARIABLES = [
  'AURORA_CLUSTER_ARN',
  'AURORA_SECRET_ARN',
  'SQS_QUEUE_URL',
  'VECTOR_BUCKET',
  'VECTOR_INDEX',
  'SAGEMAKER_ENDPOINT',
  'TAGGER_FUNCTION',
  'REPORTER_FUNCTION',
  'CHARTER_FUNCTION',
  'RETIREMENT_FUNCTION',
] as const;

const setValue = (env: Readonly<Record<string, string | undefined>>, name: string) =>
  env[name] === undefined || env[name] === '' ? undefined : env[name];

/** Reads `ALEX_TARGET` (or infers it) and returns the environment a script should run with. */
export function resolveTarget(env: Readonly<Record<string, string | undefined>>): ResolvedTarget {
  const raw = setValue(env, 'ALEX_TARGET')?.trim().toLowerCase();
  if (raw !== undefined && raw !== 'local' && raw !== 'aws')
    throw new TargetError(`ALEX_TARGET must be "local" or "aws", not "${env.ALEX_TARGET}"`);
  const hasAurora = Boolean(setValue(env, 'AURORA_CLUSTER_ARN') && setValue(env, 'AURORA_SECRET_ARN'));
  const target: Target = raw ?? (hasAurora ? 'aws' : 'local');
  if (target === 'aws') {
    const missing = ['AURORA_CLUSTER_ARN', 'AURORA_SECRET_ARN'].filter((name) => !setValue(env, name));
    if (missing.length > 0)
      throw new TargetError(
        `ALEX_TARGET=aws needs ${missing.join(' and ')} (printed by \`pnpm tsx scripts/deploy.ts --part 5\`); set them in .env, or use ALEX_TARGET=local`,
      );
    return { target, explicit: raw !== undefined, env: { ...env, ALEX_TARGET: 'aws' } };
  }
  const local: Record<string, string | undefined> = { ...env, ALEX_TARGET: 'local' };
  for (const name of AWS_ONLY_VARIABLES) delete local[name];
  return { target, explicit: raw !== undefined, env: local };
}

/** The cluster name in an Aurora ARN (`…:cluster:alex-dev-db` → `alex-dev-db`). */
export function clusterName(arn: string): string {
  return arn.split(':').at(-1) || arn;
}

/** The first line every script prints: which target, and why. */
export function describeTarget(resolved: ResolvedTarget): string {
  const why = resolved.explicit ? `ALEX_TARGET=${resolved.target}` : 'ALEX_TARGET unset';
  if (resolved.target === 'local') return `Target: local (${why}): using the local Data API`;
  const arn = resolved.env.AURORA_CLUSTER_ARN ?? '';
  const region = arn.split(':')[3] ?? '?';
  const inferred = resolved.explicit ? '' : ', the Aurora ARNs are set';
  return `Target: aws (${why}${inferred}): using Aurora cluster ${clusterName(arn)} in ${region}`;
}

/** What deploy, destroy and aurora.ts print first: they always act on AWS, whatever ALEX_TARGET says. */
export function describeAwsOnly(script: string): string {
  return `Target: aws (${script} always acts on your AWS account; ALEX_TARGET switches the other scripts)`;
}

/**
 * Why `--drop-all` may not go ahead, or undefined when it may: on AWS it deletes every table of a
 * real cluster, so it needs `--confirm`, and the refusal names the cluster it would have emptied.
 */
export function dropAllRefusal(resolved: ResolvedTarget, confirmed: boolean): string | undefined {
  if (resolved.target === 'local' || confirmed) return undefined;
  const arn = resolved.env.AURORA_CLUSTER_ARN ?? '';
  return `--drop-all deletes every table and all data in Aurora cluster ${clusterName(arn)} (${arn}).\nRun again with --drop-all --confirm to go ahead, or use ALEX_TARGET=local for the local database.`;
}
