import { endpoints } from '@alex/contract';
import { json } from '../http.ts';
import { publicRoute, type Route } from '../router.ts';
import { applyClerkEvent } from '../webhook.ts';
import { fixedWebhookSecret, verifyWithSecretRefresh } from '../webhook-secret.ts';

/** Clerk's user sync. No bearer token: the Svix signature over the raw body is the authentication. */
export const webhookRoutes: Route[] = [
  publicRoute(endpoints.clerkWebhook, async ({ deps, rawBody, headers }) => {
    const secret = deps.webhookSecret;
    const source = typeof secret === 'object' ? secret : fixedWebhookSecret(secret);
    await verifyWithSecretRefresh(source, rawBody, headers);
    // A verified delivery replayed within Svix's 5-minute window is acknowledged, not applied again.
    // Recorded after applying, so a delivery that failed halfway is applied when Svix retries it.
    const svixId = headers['svix-id'] ?? '';
    if (await deps.repos.webhookDeliveries.seen(svixId))
      return json(200, { received: true as const, outcome: 'duplicate' as const });
    const outcome = await applyClerkEvent(deps.repos, rawBody);
    await deps.repos.webhookDeliveries.record(svixId);
    return json(200, { received: true as const, outcome });
  }),
];
