import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { bearerToken } from './auth.ts';
import { corsHeaders, preflightHeaders } from './cors.ts';
import type { ApiDeps } from './deps.ts';
import { RouteNotFoundError, toHttpFailure } from './errors.ts';
import { rejectUnsafeQuery, requireJsonBody, requireLocalHost, requireOriginSecret } from './guards.ts';
import type { ApiResponse, RequestContext } from './http.ts';
import { createRouter } from './router.ts';
import { apiRoutes } from './routes/index.ts';

const BASE_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};

/**
 * The API as one API Gateway (HTTP API, payload v2) handler, routed in-process: the caller checks
 * (a local `Host` in local mode, CloudFront's origin secret on AWS), CORS, the query and body
 * checks, then the bearer token for every user route, then the route; any error goes through {@link toHttpFailure}.
 * One structured log line per request: route, status, duration, user id.
 */
export function createApiHandler(
  deps: ApiDeps,
): (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2> {
  const match = createRouter(apiRoutes(deps));
  return async (event) => {
    const started = performance.now();
    const method = event.requestContext.http.method.toUpperCase();
    const path = event.rawPath || event.requestContext.http.path;
    const headers = lowerCaseKeys(event.headers);
    const origin = headers.origin;
    const requestId = event.requestContext.requestId;
    const logger = deps.logger.child({ request_id: requestId });
    let route = `${method} (unmatched)`;
    let userId: string | undefined;
    let response: ApiResponse;
    let error: unknown;

    try {
      if (deps.localMode) requireLocalHost(headers);
      if (deps.originSecret !== undefined) requireOriginSecret(headers, deps.originSecret);
      if (method === 'OPTIONS') {
        route = 'OPTIONS (preflight)';
        response = { status: 200, headers: preflightHeaders(origin, deps.cors.origins) };
      } else {
        const found = match(method, path);
        if (!found) throw new RouteNotFoundError();
        route = `${method} ${found.route.pattern}`;
        const query = queryOf(event);
        const rawBody = decodeBody(event);
        rejectUnsafeQuery(query);
        requireJsonBody(headers, rawBody);
        const ctx: RequestContext = {
          deps,
          params: found.params,
          query,
          headers,
          rawBody,
          origin,
          logger,
        };
        if (found.route.auth === 'user') {
          const verified = await deps.auth.verify(bearerToken(headers.authorization));
          userId = verified.userId;
          response = await found.route.handle({ ...ctx, userId, logger: logger.child({ user_id: userId }) });
        } else {
          response = await found.route.handle(ctx);
        }
      }
    } catch (err: unknown) {
      error = err;
      const failure = toHttpFailure(err);
      response = { status: failure.status, body: failure.body, headers: failure.headers };
    }

    const fields = {
      route,
      status: response.status,
      duration_ms: Math.round(performance.now() - started),
      user_id: userId ?? null,
    };
    if (response.status >= 500) logger.error('request failed', { ...fields, err: error });
    else
      logger.info(
        'request',
        error instanceof Error ? { ...fields, reason: `${error.name}: ${error.message}` } : fields,
      );

    return {
      statusCode: response.status,
      headers: { ...BASE_HEADERS, ...corsHeaders(origin, deps.cors.origins), ...response.headers },
      body: response.text ?? (response.body === undefined ? '' : JSON.stringify(response.body)),
    };
  };
}

function lowerCaseKeys(headers: APIGatewayProxyEventV2['headers'] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {}))
    if (value !== undefined) out[name.toLowerCase()] = value;
  return out;
}

function queryOf(event: APIGatewayProxyEventV2): Record<string, string> {
  if (!event.queryStringParameters)
    return Object.fromEntries(new URLSearchParams(event.rawQueryString ?? ''));
  return Object.fromEntries(
    Object.entries(event.queryStringParameters).filter((e): e is [string, string] => e[1] !== undefined),
  );
}

function decodeBody(event: APIGatewayProxyEventV2): string | undefined {
  if (event.body === undefined) return undefined;
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
}
