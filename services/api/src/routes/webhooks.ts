import { endpoints } from '@alex/contract';
import { json } from '../http.ts';
import { publicRoute, type Route } from '../router.ts';
import { applyClerkEvent, verifyClerkWebhook } from '../webhook.ts';

/** Clerk's user sync. No bearer token: the Svix signature over the raw body is the authentication. */
export const webhookRoutes: Route[] = [
  publicRoute(endpoints.clerkWebhook, async ({ deps, rawBody, headers }) => {
    verifyClerkWebhook(deps.webhookSecret, rawBody, headers);
    const outcome = await applyClerkEvent(deps.repos, rawBody);
    return json(200, { received: true as const, outcome });
  }),
];
