import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { PROFILE_REGIONS } from './bedrock.ts';

/** Absolute path of the infra package (used to resolve default paths). */
export const INFRA_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Absolute path of the repository root. */
export const REPO_DIR = resolve(INFRA_DIR, '..');

/** Retention values CloudWatch Logs accepts (days). */
const LOG_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365] as const;

const csv = z.string().transform((s) =>
  s
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0),
);
const bool = z.enum(['true', 'false', '1', '0']).transform((s) => s === 'true' || s === '1');
const origin = z
  .string()
  .url()
  .refine(
    (s) => !s.includes('*') && new URL(s).origin === s,
    'must be an origin like https://host:port, no path, no *',
  );

/** The one validated configuration every stack and script reads. */
export const ConfigSchema = z
  .object({
    stage: z.string().regex(/^[a-z][a-z0-9-]{1,15}$/, 'lower-case letters, digits, dashes; 2–16 characters'),
    region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'an AWS region such as us-east-1'),
    owner: z.string().min(1).max(128),
    domain: z
      .string()
      .regex(/^([a-z0-9-]+\.)+[a-z]{2,}$/, 'a host name such as alex.example.com')
      .optional(),
    certificateArn: z
      .string()
      .startsWith('arn:aws:acm:us-east-1:', 'an ACM certificate in us-east-1')
      .optional(),
    bedrockModelId: z.string().min(1),
    bedrockRegion: z.string().min(1),
    bedrockProfileRegions: csv.optional(),
    budgetEmail: z.string().email().optional(),
    budgetSnsTopicArn: z
      .string()
      .regex(/^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[\w-]+$/, 'an SNS topic ARN')
      .optional(),
    alertEmail: z.string().email().optional(),
    budgetUsd: z.coerce.number().positive(),
    auroraMaxAcu: z.coerce.number().min(1).max(16).multipleOf(0.5),
    auroraAutoPauseSeconds: z.coerce.number().int().min(300).max(86_400),
    auroraEngineVersion: z.string().regex(/^1[5-7]\.\d+$/, 'an aurora-postgresql 15.7+/16.3+/17.x version'),
    skipFinalSnapshot: bool,
    deletionProtection: bool,
    auroraBackupRetentionDays: z.coerce.number().int().min(1).max(35),
    lambdaDistDir: z.string().min(1),
    // `none` drops the local origins (a stage nobody develops against).
    devOrigins: z
      .string()
      .transform((s) => (s.trim() === 'none' ? '' : s))
      .pipe(csv)
      .pipe(z.array(origin)),
    logRetentionDays: z.coerce
      .number()
      .refine((n) => (LOG_RETENTION_DAYS as readonly number[]).includes(n), 'one of 1,3,5,7,14,30,60,90,...'),
    logLevel: z.enum(['debug', 'info', 'warn', 'error']),
    clerkIssuer: z.string().url().optional(),
    clerkJwksUrl: z.string().url().optional(),
    vectorBucket: z.string().min(3).optional(),
    vectorIndex: z.string().min(1),
    sagemakerEndpoint: z.string().min(1),
    plannerMaxConcurrency: z.coerce.number().int().min(2).max(1000),
    apiRateLimit: z.coerce.number().positive(),
    apiBurstLimit: z.coerce.number().int().positive(),
    wafRateLimitPerMinute: z.coerce.number().int().min(10),
    enableCloudTrail: bool,
    stateBackend: z.enum(['local', 's3']),
    stateDir: z.string().min(1),
    stateBucket: z.string().min(3).optional(),
  })
  .refine((c) => (c.domain === undefined) === (c.certificateArn === undefined), {
    message: 'ALEX_DOMAIN and ALEX_CERTIFICATE_ARN go together (CloudFront needs a us-east-1 certificate)',
    path: ['domain'],
  })
  .refine(
    (c) => {
      const profile = PROFILE_REGIONS[c.bedrockModelId.split('.')[0] ?? ''];
      return profile === undefined || (c.bedrockProfileRegions ?? profile).includes(c.bedrockRegion);
    },
    {
      message: 'a cross-region inference profile (us./eu./apac.) is called from one of its own regions',
      path: ['bedrockRegion'],
    },
  )
  .refine((c) => c.stateBackend === 'local' || c.stateBucket !== undefined, {
    message: 'ALEX_STATE_BUCKET is required when ALEX_STATE_BACKEND=s3',
    path: ['stateBucket'],
  });

/** Validated configuration. */
export type Config = z.infer<typeof ConfigSchema>;

/** Which environment variable feeds each setting (and the default when unset). */
export const ENV_VARS: Record<
  keyof Config,
  { name: string; aliases?: readonly string[]; fallback?: string }
> = {
  stage: { name: 'ALEX_STAGE', fallback: 'dev' },
  region: { name: 'AWS_REGION', aliases: ['AWS_DEFAULT_REGION'], fallback: 'us-east-1' },
  owner: { name: 'ALEX_OWNER', fallback: 'student' },
  domain: { name: 'ALEX_DOMAIN' },
  certificateArn: { name: 'ALEX_CERTIFICATE_ARN' },
  bedrockModelId: { name: 'BEDROCK_MODEL_ID', fallback: 'us.anthropic.claude-sonnet-4-6' },
  bedrockRegion: { name: 'BEDROCK_REGION' },
  bedrockProfileRegions: { name: 'BEDROCK_PROFILE_REGIONS' },
  budgetEmail: { name: 'ALEX_BUDGET_EMAIL' },
  budgetSnsTopicArn: { name: 'ALEX_BUDGET_SNS_TOPIC_ARN' },
  alertEmail: { name: 'ALEX_ALERT_EMAIL' },
  budgetUsd: { name: 'ALEX_BUDGET_USD', fallback: '50' },
  auroraMaxAcu: { name: 'ALEX_AURORA_MAX_ACU', fallback: '2' },
  auroraAutoPauseSeconds: { name: 'ALEX_AURORA_AUTO_PAUSE_SECONDS', fallback: '300' },
  auroraEngineVersion: { name: 'ALEX_AURORA_ENGINE_VERSION', fallback: '16.6' },
  // A deployed stage keeps its data by default; scripts/destroy.ts turns both off, saying so.
  skipFinalSnapshot: { name: 'ALEX_SKIP_FINAL_SNAPSHOT', fallback: 'false' },
  deletionProtection: { name: 'ALEX_DELETION_PROTECTION', fallback: 'true' },
  auroraBackupRetentionDays: { name: 'ALEX_AURORA_BACKUP_RETENTION_DAYS', fallback: '7' },
  lambdaDistDir: { name: 'ALEX_LAMBDA_DIST_DIR', fallback: resolve(REPO_DIR, 'dist/lambdas') },
  // A deployed stage trusts only its own origins unless local development against it is asked for.
  devOrigins: { name: 'ALEX_DEV_ORIGINS', fallback: 'none' },
  logRetentionDays: { name: 'ALEX_LOG_RETENTION_DAYS', fallback: '14' },
  logLevel: { name: 'LOG_LEVEL', fallback: 'info' },
  clerkIssuer: { name: 'CLERK_ISSUER' },
  clerkJwksUrl: { name: 'CLERK_JWKS_URL' },
  vectorBucket: { name: 'VECTOR_BUCKET' },
  vectorIndex: { name: 'VECTOR_INDEX', fallback: 'financial-research' },
  sagemakerEndpoint: { name: 'SAGEMAKER_ENDPOINT', fallback: 'alex-embedding-endpoint' },
  plannerMaxConcurrency: { name: 'ALEX_PLANNER_MAX_CONCURRENCY', fallback: '2' },
  apiRateLimit: { name: 'ALEX_API_RATE_LIMIT', fallback: '20' },
  apiBurstLimit: { name: 'ALEX_API_BURST_LIMIT', fallback: '40' },
  wafRateLimitPerMinute: { name: 'ALEX_WAF_RATE_LIMIT', fallback: '100' },
  enableCloudTrail: { name: 'ALEX_CLOUDTRAIL', fallback: 'true' },
  stateBackend: { name: 'ALEX_STATE_BACKEND', fallback: 'local' },
  stateDir: { name: 'ALEX_STATE_DIR', fallback: resolve(INFRA_DIR, '.terraform-state') },
  stateBucket: { name: 'ALEX_STATE_BUCKET' },
};

/** Thrown when the configuration is invalid; the message names each bad environment variable. */
export class ConfigError extends Error {
  constructor(
    message: string,
    readonly issues: readonly string[],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/**
 * Build the configuration from environment variables (and explicit overrides such as CLI flags,
 * which win). `process.env` is read here and nowhere else in infra.
 */
export function loadConfig(
  env: Readonly<Record<string, string | undefined>> = process.env,
  overrides: Partial<Record<keyof Config, string>> = {},
): Config {
  const raw: Record<string, string | undefined> = {};
  for (const [key, { name, aliases = [], fallback }] of Object.entries(ENV_VARS)) {
    const fromEnv = [name, ...aliases]
      .map((variable) => nonEmpty(env[variable]))
      .find((v) => v !== undefined);
    raw[key] = overrides[key as keyof Config] ?? fromEnv ?? fallback;
  }
  raw.bedrockRegion ??= raw.region;
  raw.alertEmail ??= raw.budgetEmail;
  const parsed = ConfigSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => {
    const key = String(issue.path[0] ?? '');
    const envName = ENV_VARS[key as keyof Config]?.name ?? key;
    return `${envName}: ${issue.message}`;
  });
  throw new ConfigError(`Invalid configuration:\n  ${issues.join('\n  ')}`, issues);
}

/** Load `<repo>/.env` into process.env if present (Node 20.12+), so students keep settings in one file. */
export function loadDotEnv(path = resolve(REPO_DIR, '.env')): void {
  if (existsSync(path)) process.loadEnvFile(path);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}
