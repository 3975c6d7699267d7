import type { Endpoint, HttpMethod, ReplyOf } from '@alex/contract';
import type { ApiResponse, RequestContext, UserContext } from './http.ts';

export type { HttpMethod } from '@alex/contract';

/**
 * A route: the contract endpoint it serves (method, path pattern, schemas), bearer-authenticated
 * (`user`) or not (`public`: health, webhook, local sign-in).
 */
export type Route =
  | {
      endpoint: Endpoint;
      method: HttpMethod;
      pattern: string;
      auth: 'user';
      handle: (ctx: UserContext) => Promise<ApiResponse>;
    }
  | {
      endpoint: Endpoint;
      method: HttpMethod;
      pattern: string;
      auth: 'public';
      handle: (ctx: RequestContext) => Promise<ApiResponse>;
    };

/** A matched route and its decoded path parameters. */
export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

/** A route that needs a verified user; its reply must be the body its endpoint declares. */
export function userRoute<E extends Endpoint & { auth: 'user' }>(
  endpoint: E,
  handle: (ctx: UserContext) => Promise<ApiResponse<ReplyOf<E>>>,
): Route {
  return { endpoint, method: endpoint.method, pattern: endpoint.path, auth: 'user', handle };
}

/** A route open without a bearer token; it must authenticate the caller some other way, or need none. */
export function publicRoute<E extends Endpoint & { auth: 'public' }>(
  endpoint: E,
  handle: (ctx: RequestContext) => Promise<ApiResponse<ReplyOf<E>>>,
): Route {
  return { endpoint, method: endpoint.method, pattern: endpoint.path, auth: 'public', handle };
}

/** Matches `METHOD /path` against patterns such as `/api/accounts/{id}/positions`. */
export function createRouter(routes: readonly Route[]): (method: string, path: string) => RouteMatch | null {
  const compiled = routes.map((route) => ({ route, segments: split(route.pattern) }));
  return (method, path) => {
    const segments = split(path);
    for (const { route, segments: pattern } of compiled) {
      if (route.method !== method || pattern.length !== segments.length) continue;
      const params: Record<string, string> = {};
      const matched = pattern.every((part, i) => {
        const actual = segments[i] ?? '';
        if (part.startsWith('{') && part.endsWith('}')) {
          params[part.slice(1, -1)] = decode(actual);
          return actual.length > 0;
        }
        return part === actual;
      });
      if (matched) return { route, params };
    }
    return null;
  };
}

function split(path: string): string[] {
  return path.split('/').filter((segment, i, all) => i > 0 && !(segment === '' && i === all.length - 1));
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    // Malformed percent-encoding: keep the raw text; parameter validation rejects it with a 400.
    return segment;
  }
}
