/** Methods and headers the SPA may use cross-origin. */
export const CORS_ALLOW_METHODS = 'GET,POST,PUT,DELETE,OPTIONS';
export const CORS_ALLOW_HEADERS = 'Authorization,Content-Type';
// Retry-After is not CORS-safelisted: the SPA reads it to say when a quota frees again.
const CORS_EXPOSE_HEADERS = 'x-job-id,retry-after';
const CORS_MAX_AGE_SECONDS = '300';

/**
 * CORS headers for a response to `origin`: the origin echoed only when it is exactly one of the
 * configured origins (never `*`); nothing at all for any other origin. `Vary: Origin` always, so a
 * cache never hands one origin's answer to another.
 */
export function corsHeaders(origin: string | undefined, allowed: readonly string[]): Record<string, string> {
  if (origin === undefined || !allowed.includes(origin)) return { vary: 'Origin' };
  return {
    vary: 'Origin',
    'access-control-allow-origin': origin,
    'access-control-expose-headers': CORS_EXPOSE_HEADERS,
  };
}

/** Extra headers for a preflight (`OPTIONS`) answer to an allowed origin; none for others. */
export function preflightHeaders(
  origin: string | undefined,
  allowed: readonly string[],
): Record<string, string> {
  const headers = corsHeaders(origin, allowed);
  if (!('access-control-allow-origin' in headers)) return headers;
  return {
    ...headers,
    'access-control-allow-methods': CORS_ALLOW_METHODS,
    'access-control-allow-headers': CORS_ALLOW_HEADERS,
    'access-control-max-age': CORS_MAX_AGE_SECONDS,
  };
}
