import { localEndpoints } from '@alex/contract';
import { openApiDocument } from '@alex/contract/openapi';
import { TEST_ACCOUNTS } from '@alex/database';
import { RouteNotFoundError } from '../errors.ts';
import { requireSameOrAllowedOrigin } from '../guards.ts';
import { json } from '../http.ts';
import { publicRoute, type Route, userRoute } from '../router.ts';
import { parseBody } from '../validation.ts';

let openApi: Record<string, unknown> | undefined;

/**
 * Local-mode helpers: demo data and reset for the caller, the local issuer's sign-in and JWKS, and
 * the OpenAPI document at `/openapi.json`.
 * They are only registered when `localMode` is on, so on AWS they are 404 like any unknown path.
 */
export const localRoutes: Route[] = [
  userRoute(localEndpoints.populateTestData, async ({ deps, userId }) => {
    const { repos } = deps;
    await repos.users.getOrCreate({ clerk_user_id: userId });
    await repos.accounts.deleteAll(userId);
    let positions = 0;
    for (const { positions: holdings, ...account } of TEST_ACCOUNTS) {
      const created = await repos.accounts.create(userId, account);
      for (const holding of holdings) {
        await repos.positions.upsert(userId, { account_id: created.id, ...holding });
        positions += 1;
      }
    }
    return json(201, { accounts: TEST_ACCOUNTS.length, positions });
  }),

  userRoute(localEndpoints.resetAccounts, async ({ deps, userId }) =>
    json(200, { deleted: await deps.repos.accounts.deleteAll(userId) }),
  ),

  // The local sign-in screen picks a user and gets a token for it: local mode has no passwords.
  publicRoute(localEndpoints.localToken, async ({ deps, rawBody, origin }) => {
    if (!deps.localIssuer) throw new RouteNotFoundError();
    // The Host was checked for every local request; a token goes only to the SPA or a script.
    requireSameOrAllowedOrigin(origin, deps.cors.origins);
    const { user_id } = parseBody(localEndpoints.localToken.body, rawBody);
    const azp = origin && deps.cors.origins.includes(origin) ? origin : deps.cors.origins[0];
    return json(200, { token: await deps.localIssuer.sign(user_id, azp ? { azp } : {}) });
  }),

  publicRoute(localEndpoints.jwks, async ({ deps }) => {
    if (!deps.localIssuer) throw new RouteNotFoundError();
    return json(200, deps.localIssuer.jwks(), { 'cache-control': 'public, max-age=60' });
  }),

  // The contract as OpenAPI 3.1, for tools and for reading; generated once, on first request.
  publicRoute(localEndpoints.openApi, async () => {
    openApi ??= openApiDocument();
    return json(200, openApi as { openapi: '3.1.0' }, { 'cache-control': 'no-cache' });
  }),
];
