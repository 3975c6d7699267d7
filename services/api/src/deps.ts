import type { Logger } from '@alex/core';
import type { Repositories } from '@alex/database';
import type { TokenVerifier } from './auth.ts';
import type { LocalIssuer } from './local/issuer.ts';
import type { JobQueue } from './queue.ts';
import type { WebhookSecretSource } from './webhook-secret.ts';

/** Per-user limits on the expensive routes, counted over the last 24 hours. */
export interface ApiLimits {
  /** Analyses a user may start in 24 hours. */
  analysesPerDay: number;
  /** New placeholder instruments (symbols nobody held before) a user may create in 24 hours. */
  placeholdersPerDay: number;
}

/** The limits when the environment sets none. */
export const DEFAULT_LIMITS: ApiLimits = { analysesPerDay: 10, placeholdersPerDay: 25 };

/** What the API needs from outside, chosen at start-up: AWS adapters on Lambda, local ones in `pnpm dev`. */
export interface ApiDeps {
  repos: Repositories;
  queue: JobQueue;
  auth: TokenVerifier;
  /** Exact browser origins allowed to call the API (never `*`). */
  cors: { origins: readonly string[] };
  logger: Logger;
  /** Enables the dev helpers (`/api/dev/*`, `/local/token`, the local JWKS); off on AWS. */
  localMode: boolean;
  localIssuer?: LocalIssuer;
  /**
   * The secret CloudFront sends in `x-alex-origin-secret`; when set, every request without it
   * is refused (403), so the `execute-api` URL cannot be called around the WAF. Unset locally.
   */
  originSecret?: string;
  /** Per-user limits on the expensive routes; {@link DEFAULT_LIMITS} when unset. */
  limits?: ApiLimits;
  /** Clerk's Svix signing secret (`whsec_…`), or where to read it; without it the webhook rejects every call. */
  webhookSecret?: string | WebhookSecretSource;
}
