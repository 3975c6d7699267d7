import type { z } from 'zod';

/** Methods the API serves (OPTIONS is answered before routing). */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/**
 * One operation of the API: how it is called, what it accepts and what it answers on success.
 * Failures always answer {@link ErrorBody}. `auth: 'user'` needs a bearer token; `public` routes
 * authenticate some other way (the webhook's signature) or need none. `localOnly` operations exist
 * only on the local development server.
 */
export interface Endpoint {
  method: HttpMethod;
  /** Path pattern; `{id}` is a path parameter (a UUID). */
  path: string;
  auth: 'user' | 'public';
  summary: string;
  /** The JSON body, when the operation takes one. */
  body?: z.ZodType;
  /** The query parameters, when the operation takes any. */
  query?: z.ZodType;
  /** The success status. */
  status: 200 | 201 | 202;
  /** The success body. */
  response: z.ZodType;
  localOnly?: true;
}

/** Declares an endpoint, keeping its literal types (path, status, schemas) for inference. */
export function endpoint<const E extends Endpoint>(definition: E): E {
  return definition;
}

/** The success body an endpoint answers, as the SPA reads it. */
export type ResponseOf<E extends Endpoint> = z.output<E['response']>;
/** The success body an endpoint answers, as the API may build it. */
export type ReplyOf<E extends Endpoint> = z.input<E['response']>;
/** The JSON body an endpoint accepts, as a caller writes it. */
export type BodyOf<E extends Endpoint> = E['body'] extends z.ZodType ? z.input<E['body']> : never;
/** The query an endpoint accepts, as a caller writes it. */
export type QueryOf<E extends Endpoint> = E['query'] extends z.ZodType ? z.input<E['query']> : never;
