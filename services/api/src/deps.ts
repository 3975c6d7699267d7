import type { Logger } from '@alex/core';
import type { Repositories } from '@alex/database';
import type { TokenVerifier } from './auth.ts';
import type { LocalIssuer } from './local/issuer.ts';
import type { JobQueue } from './queue.ts';
import type { WebhookSecretSource } from './webhook-secret.ts';

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
  /** Clerk's Svix signing secret (`whsec_…`), or where to read it; without it the webhook rejects every call. */
  webhookSecret?: string | WebhookSecretSource;
}
