import { z } from 'zod';
import { endpoint } from './endpoint.ts';
import { ROUTES } from './plain.ts';
import { TokenRequest } from './requests.ts';

/** The local sign-in's public keys (a JSON Web Key Set). */
export const Jwks = z.strictObject({
  keys: z.array(z.looseObject({ kty: z.string(), kid: z.string().optional() })),
});

/** Operations of the local development server only; on AWS these paths are 404. */
export const localEndpoints = {
  populateTestData: endpoint({
    ...ROUTES.populateTestData,
    auth: 'user',
    summary: "Replaces the caller's accounts with the demo accounts and positions",
    status: 201,
    response: z.strictObject({ accounts: z.number().int(), positions: z.number().int() }),
    localOnly: true,
  }),
  resetAccounts: endpoint({
    ...ROUTES.resetAccounts,
    auth: 'user',
    summary: "Deletes the caller's accounts",
    status: 200,
    response: z.strictObject({ deleted: z.number().int() }),
    localOnly: true,
  }),
  localToken: endpoint({
    ...ROUTES.localToken,
    auth: 'public',
    summary: 'Signs a token for a user (local mode has no passwords)',
    body: TokenRequest,
    status: 200,
    response: z.strictObject({ token: z.string() }),
    localOnly: true,
  }),
  jwks: endpoint({
    ...ROUTES.jwks,
    auth: 'public',
    summary: "The local issuer's public keys",
    status: 200,
    response: Jwks,
    localOnly: true,
  }),
  openApi: endpoint({
    ...ROUTES.openApi,
    auth: 'public',
    summary: 'This API as an OpenAPI 3.1 document',
    status: 200,
    response: z.looseObject({ openapi: z.literal('3.1.0') }),
    localOnly: true,
  }),
};
