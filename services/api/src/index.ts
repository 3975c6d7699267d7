export { createApiHandler } from './app.ts';
export {
  bearerToken,
  createJwtVerifier,
  type JwtVerifierOptions,
  type TokenVerifier,
  type VerifiedUser,
} from './auth.ts';
export { CORS_ALLOW_HEADERS, CORS_ALLOW_METHODS } from './cors.ts';
export type { ApiDeps } from './deps.ts';
export { type ApiSettings, apiEnv } from './env.ts';
export { ApiError, type ErrorBody, RouteNotFoundError, toHttpFailure, UnauthorizedError } from './errors.ts';
export { type ApiClients, apiHandlerDeps } from './handler-deps.ts';
export {
  createLocalIssuer,
  LOCAL_ISSUER_URL,
  LOCAL_JWKS_URL,
  LOCAL_SPA_ORIGIN,
  LOCAL_SPA_ORIGINS,
  type LocalIssuer,
  type LocalSignOptions,
} from './local/issuer.ts';
export { type ApiGatewayHandler, type LocalServer, serveLocally, toEvent } from './local/server.ts';
export { inProcessJobQueue, type JobQueue, SqsJobQueue } from './queue.ts';
export { readWebhookSecret } from './secrets.ts';
export { applyClerkEvent, ClerkWebhookEvent, verifyClerkWebhook } from './webhook.ts';
export {
  cachedWebhookSecret,
  fixedWebhookSecret,
  verifyWithSecretRefresh,
  type WebhookSecretSource,
} from './webhook-secret.ts';
