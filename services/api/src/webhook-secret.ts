import type { Logger } from '@alex/core';
import { UnauthorizedError } from './errors.ts';
import { verifyClerkWebhook } from './webhook.ts';

/**
 * Where the Clerk webhook secret comes from. In AWS it lives in Secrets Manager and may be added
 * after the API was deployed, so a warm Lambda must be able to look again instead of keeping the
 * empty value it read at cold start.
 */
export interface WebhookSecretSource {
  /** The secret to verify with (read once, then cached for a short while). */
  current(): Promise<string | undefined>;
  /** Reads the secret again, unless it was read moments ago; answers the (possibly new) value. */
  refresh(): Promise<string | undefined>;
}

/** Options of {@link cachedWebhookSecret}. */
export interface CachedSecretOptions {
  /** How long a value read is used before it is read again: 5 minutes by default. */
  ttlMs?: number;
  /** No second read within this long after the last one, however many signatures fail: 10 s by default. */
  minRefreshMs?: number;
  now?: () => number;
  logger?: Logger;
}

/** A secret that never changes (`CLERK_WEBHOOK_SECRET` in the environment, or tests). */
export function fixedWebhookSecret(secret: string | undefined): WebhookSecretSource {
  return { current: async () => secret, refresh: async () => secret };
}

/** A secret read through `read` (Secrets Manager in AWS), cached for `ttlMs`, re-read on demand. */
export function cachedWebhookSecret(
  read: () => Promise<string | undefined>,
  options: CachedSecretOptions = {},
): WebhookSecretSource {
  const ttlMs = options.ttlMs ?? 5 * 60_000;
  const minRefreshMs = options.minRefreshMs ?? 10_000;
  const now = options.now ?? Date.now;
  let cached: { value: string | undefined; at: number } | undefined;
  const load = async () => {
    cached = { value: await read(), at: now() };
    if (cached.value === undefined)
      options.logger?.warn('no Clerk webhook secret yet: the webhook route rejects every call');
    return cached.value;
  };
  return {
    current: async () => (cached !== undefined && now() - cached.at < ttlMs ? cached.value : load()),
    refresh: async () => (cached !== undefined && now() - cached.at < minRefreshMs ? cached.value : load()),
  };
}

/**
 * Verifies a Clerk webhook; when the signature fails, reads the secret once more and tries again,
 * so a secret stored (or rotated) after deploy works without restarting the Lambda.
 */
export async function verifyWithSecretRefresh(
  source: WebhookSecretSource,
  rawBody: string | undefined,
  headers: Readonly<Record<string, string>>,
): Promise<void> {
  const secret = await source.current();
  try {
    verifyClerkWebhook(secret, rawBody, headers);
  } catch (err: unknown) {
    if (!(err instanceof UnauthorizedError)) throw err;
    const fresh = await source.refresh();
    if (fresh === secret) throw err;
    verifyClerkWebhook(fresh, rawBody, headers);
  }
}
