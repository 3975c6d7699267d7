import type { Logger } from '@alex/core';
import type { ApiDeps } from './deps.ts';

/**
 * What a route returns: a status, a JSON body (omitted for none) and any extra headers; or, for a
 * download, `text` sent as is (the route then sets its `content-type`).
 */
export interface ApiResponse<Body = unknown> {
  status: number;
  body?: Body;
  text?: string;
  headers?: Record<string, string>;
}

/** Everything a route sees of a request: the parsed pieces, not the raw API Gateway event. */
export interface RequestContext {
  deps: ApiDeps;
  params: Readonly<Record<string, string>>;
  query: Readonly<Record<string, string>>;
  /** Header names lower-cased. */
  headers: Readonly<Record<string, string>>;
  /** The body as text (base64 already decoded), exactly as received: webhooks verify these bytes. */
  rawBody: string | undefined;
  origin: string | undefined;
  logger: Logger;
}

/** A request whose bearer token verified: `userId` is the token's `sub`, and nothing else. */
export interface UserContext extends RequestContext {
  userId: string;
}

/** A JSON response; a route's body is typed by its contract endpoint. */
export function json<Body = unknown>(
  status: number,
  body: NoInfer<Body>,
  headers?: Record<string, string>,
): ApiResponse<Body> {
  return { status, body, ...(headers ? { headers } : {}) };
}
