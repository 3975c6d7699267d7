import { ENV, type Env, EnvironmentError, envValue, type LogLevel, parseLogLevel, readEnv } from '@alex/core';
import { type DatabaseConfig, databaseConfigFromEnv } from '@alex/database';
import { z } from 'zod';
import { type ApiLimits, DEFAULT_LIMITS } from './deps.ts';
import { LOCAL_ISSUER_URL, LOCAL_JWKS_URL, LOCAL_SPA_ORIGINS } from './local-defaults.ts';

/** The API's settings, read once from the environment; errors name the variable. */
export interface ApiSettings {
  database: DatabaseConfig;
  localMode: boolean;
  auth: { jwksUrl: string; issuer: string; authorizedParties: string[] };
  corsOrigins: string[];
  sqsQueueUrl: string | undefined;
  /** The Svix secret itself (local), or the Secrets Manager ARN holding it (AWS). */
  webhookSecret: string | undefined;
  webhookSecretArn: string | undefined;
  /** Secrets Manager ARN of the header value CloudFront adds (AWS); the API refuses calls without it. */
  originSecretArn: string | undefined;
  /** That header value given directly (`ORIGIN_SECRET`), when no ARN is. */
  originSecret: string | undefined;
  limits: ApiLimits;
  logLevel: LogLevel;
}

/** A comma-separated list of exact origins (`scheme://host[:port]`, no path, never `*`). */
const Origins = z
  .string()
  .transform((text) =>
    text
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
  )
  .pipe(
    z
      .array(
        z
          .url()
          .refine(
            (o) => !o.includes('*') && URL.canParse(o) && new URL(o).origin === o,
            'must be an exact origin, e.g. https://app.example.com',
          ),
      )
      .min(1),
  );

const Settings = z.object({
  ALEX_LOCAL_MODE: z.enum(['0', '1']).default('0'),
  [ENV.CLERK_JWKS_URL]: z.url().optional(),
  [ENV.CLERK_ISSUER]: z.url().optional(),
  [ENV.CLERK_AUTHORIZED_PARTIES]: Origins.optional(),
  [ENV.CORS_ORIGINS]: Origins.optional(),
  [ENV.SQS_QUEUE_URL]: z.url().optional(),
  CLERK_WEBHOOK_SECRET: z.string().startsWith('whsec_').optional(),
  [ENV.CLERK_WEBHOOK_SECRET_ARN]: z.string().startsWith('arn:').optional(),
  AWS_LAMBDA_FUNCTION_NAME: z.string().optional(),
  [ENV.ORIGIN_SECRET_ARN]: z.string().startsWith('arn:').optional(),
  /** The origin secret itself, instead of its ARN (tests of a built bundle; never set by the infra). */
  ORIGIN_SECRET: z.string().min(16).optional(),
  ALEX_ANALYSES_PER_DAY: z.coerce.number().int().min(1).max(1000).default(DEFAULT_LIMITS.analysesPerDay),
  ALEX_PLACEHOLDERS_PER_DAY: z.coerce
    .number()
    .int()
    .min(0)
    .max(1000)
    .default(DEFAULT_LIMITS.placeholdersPerDay),
});

/**
 * Reads the API's environment. On AWS every Clerk, CORS and queue variable is required. In local
 * mode (`ALEX_LOCAL_MODE=1`, refused inside Lambda) missing Clerk settings mean the local issuer.
 */
export function apiEnv(env: Env): ApiSettings {
  const e = readEnv(Settings, env);
  const localMode = e.ALEX_LOCAL_MODE === '1';
  if (localMode && e.AWS_LAMBDA_FUNCTION_NAME) {
    throw new EnvironmentError('ALEX_LOCAL_MODE', 'must not be set on Lambda');
  }
  const required = <T>(name: keyof typeof e, value: T | undefined, local: T): T => {
    if (value !== undefined) return value;
    if (localMode) return local;
    throw new EnvironmentError(name, 'is not set');
  };
  return {
    database: databaseConfigFromEnv(env),
    localMode,
    auth: {
      jwksUrl: required('CLERK_JWKS_URL', e.CLERK_JWKS_URL, LOCAL_JWKS_URL),
      issuer: required('CLERK_ISSUER', e.CLERK_ISSUER, LOCAL_ISSUER_URL),
      authorizedParties: required('CLERK_AUTHORIZED_PARTIES', e.CLERK_AUTHORIZED_PARTIES, [
        ...LOCAL_SPA_ORIGINS,
      ]),
    },
    corsOrigins: required('CORS_ORIGINS', e.CORS_ORIGINS, [...LOCAL_SPA_ORIGINS]),
    sqsQueueUrl: localMode ? e.SQS_QUEUE_URL : required('SQS_QUEUE_URL', e.SQS_QUEUE_URL, ''),
    webhookSecret: e.CLERK_WEBHOOK_SECRET,
    webhookSecretArn: e.CLERK_WEBHOOK_SECRET_ARN,
    // On Lambda the API is reached only through CloudFront, which proves it with this secret.
    originSecretArn:
      localMode || e.ORIGIN_SECRET !== undefined
        ? e.ORIGIN_SECRET_ARN
        : required('ORIGIN_SECRET_ARN', e.ORIGIN_SECRET_ARN, ''),
    originSecret: e.ORIGIN_SECRET,
    limits: { analysesPerDay: e.ALEX_ANALYSES_PER_DAY, placeholdersPerDay: e.ALEX_PLACEHOLDERS_PER_DAY },
    logLevel: parseLogLevel(envValue(env, 'LOG_LEVEL')),
  };
}
