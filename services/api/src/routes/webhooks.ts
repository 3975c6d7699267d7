import { json } from '../http.ts';
import { publicRoute, type Route } from '../router.ts';
import { applyClerkEvent } from '../webhook.ts';
import { fixedWebhookSecret, verifyWithSecretRefresh } from '../webhook-secret.ts';

/** Clerk's user sync. No bearer token: the Svix signature over the raw body is the authentication. */
export const webhookRoutes: Route[] = [
  publicRoute('POST', '/api/webhooks/clerk', async ({ deps, rawBody, headers }) => {
    const secret = deps.webhookSecret;
    const source = typeof secret === 'object' ? secret : fixedWebhookSecret(secret);
    await verifyWithSecretRefresh(source, rawBody, headers);
    const outcome = await applyClerkEvent(deps.repos, rawBody);
    return json(200, { received: true, outcome });
  }),
];
