import { timingSafeEqual } from 'node:crypto';
import { ValidationError } from '@alex/database';
import { ForbiddenError, UnsupportedMediaTypeError } from './errors.ts';

/** The header CloudFront adds to every request it forwards to the API (its value is a secret). */
export const ORIGIN_SECRET_HEADER = 'x-alex-origin-secret';

/**
 * Refuses a request that did not come through CloudFront: calling the `execute-api` URL directly
 * would go around the WAF's per-IP rate rule. Compared in constant time.
 */
export function requireOriginSecret(headers: Readonly<Record<string, string>>, secret: string): void {
  const given = Buffer.from(headers[ORIGIN_SECRET_HEADER] ?? '');
  const expected = Buffer.from(secret);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new ForbiddenError('Call the API through the site, not the execute-api URL');
  }
}

const LOCAL_HOSTNAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Local mode only: the `Host` must name this machine. A DNS-rebinding page reaches 127.0.0.1 under
 * its own host name, and would otherwise be same-origin with the local API.
 */
export function requireLocalHost(headers: Readonly<Record<string, string>>): void {
  const host = headers.host?.toLowerCase() ?? '';
  const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0];
  if (!name || !LOCAL_HOSTNAMES.has(name)) {
    throw new ForbiddenError('The local API answers only to 127.0.0.1 or localhost');
  }
}

/** The `/local/*` sign-in routes: no cross-origin caller except the configured SPA origins. */
export function requireSameOrAllowedOrigin(origin: string | undefined, allowed: readonly string[]): void {
  if (origin !== undefined && !allowed.includes(origin)) {
    throw new ForbiddenError('Cross-origin calls to the local sign-in are refused');
  }
}

/**
 * A body must be declared as JSON: a `text/plain` or form POST is a "simple" request a browser sends
 * cross-origin without a preflight, so accepting it would let any page write through a user's session.
 */
export function requireJsonBody(
  headers: Readonly<Record<string, string>>,
  rawBody: string | undefined,
): void {
  if (rawBody === undefined || rawBody === '') return;
  const mediaType = headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') throw new UnsupportedMediaTypeError();
}

// C0 and C1 controls (NUL, escapes, newlines), DEL, and unpaired surrogates: none belongs in a query.
const UNSAFE_QUERY_TEXT = /[\p{Cc}\p{Cs}]/u;

/** Query parameters must hold no control characters: a 400 naming each, never a database 500. */
export function rejectUnsafeQuery(query: Readonly<Record<string, string>>): void {
  const issues = Object.entries(query)
    .filter(([name, value]) => UNSAFE_QUERY_TEXT.test(name) || UNSAFE_QUERY_TEXT.test(value))
    .map(([name]) => ({
      field: UNSAFE_QUERY_TEXT.test(name) ? '(query)' : name,
      message: 'must not contain control characters',
    }));
  if (issues.length > 0) throw new ValidationError(issues);
}
