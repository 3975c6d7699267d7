import type { Repositories } from '@alex/database';
import { Webhook, WebhookVerificationError } from 'svix';
import { z } from 'zod';
import { UnauthorizedError } from './errors.ts';
import { parseBody } from './validation.ts';

const ClerkUserData = z.looseObject({
  id: z.string().min(1).max(255),
  first_name: z.string().max(255).nullish(),
  last_name: z.string().max(255).nullish(),
  username: z.string().max(255).nullish(),
  /** Clerk's last change to the user (epoch ms): an older update delivered late is not applied. */
  updated_at: z.number().int().nonnegative().optional(),
});

/** A `user.created`/`user.updated` event's body (built once, not per request). */
const ClerkUserEvent = z.object({ data: ClerkUserData });

/** The Clerk events the API acts on; any other type is acknowledged and ignored. */
export const ClerkWebhookEvent = z.looseObject({
  type: z.string().max(100),
  data: z.looseObject({ id: z.string().max(255).optional() }),
});

/**
 * Checks a Svix signature (`svix-id`, `svix-timestamp`, `svix-signature`) over the exact body bytes.
 * A bad signature, a missing secret, or a timestamp more than five minutes off (a replay) is a 401.
 */
export function verifyClerkWebhook(
  secret: string | undefined,
  rawBody: string | undefined,
  headers: Readonly<Record<string, string>>,
): void {
  if (!secret) throw new UnauthorizedError('webhook secret is not configured');
  try {
    new Webhook(secret).verify(rawBody ?? '', {
      'svix-id': headers['svix-id'] ?? '',
      'svix-timestamp': headers['svix-timestamp'] ?? '',
      'svix-signature': headers['svix-signature'] ?? '',
    });
  } catch (err: unknown) {
    if (err instanceof WebhookVerificationError) {
      throw new UnauthorizedError(`webhook rejected: ${err.message}`, { cause: err });
    }
    throw err;
  }
}

/** What a verified event did, for the log and the response. */
export type WebhookOutcome = 'user_upserted' | 'user_deleted' | 'ignored';

/** Applies a verified Clerk event: `user.created`/`user.updated` upsert the user, `user.deleted` removes them. */
export async function applyClerkEvent(
  repos: Repositories,
  rawBody: string | undefined,
): Promise<WebhookOutcome> {
  const event = parseBody(ClerkWebhookEvent, rawBody);
  switch (event.type) {
    case 'user.created':
    case 'user.updated': {
      const user = parseBody(ClerkUserEvent, rawBody).data;
      await repos.users.upsertIdentity(
        { clerk_user_id: user.id, display_name: displayName(user) },
        user.updated_at === undefined ? {} : { sourceUpdatedAt: user.updated_at },
      );
      return 'user_upserted';
    }
    case 'user.deleted': {
      const id = event.data.id;
      if (id) await repos.users.delete(id);
      return 'user_deleted';
    }
    default:
      return 'ignored';
  }
}

function displayName(user: z.infer<typeof ClerkUserData>): string | null {
  // Controls, zero-width and bidi characters are refused in names; drop them rather than the event.
  const clean = (text: string | null | undefined) => text?.replace(/[\p{Cc}\p{Cf}]/gu, '') ?? '';
  const full = [clean(user.first_name), clean(user.last_name)].filter(Boolean).join(' ').trim();
  return (full || clean(user.username).trim() || null)?.slice(0, 255) ?? null;
}
