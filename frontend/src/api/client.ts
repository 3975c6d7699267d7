import { ApiError, parseApiError } from './errors.ts';
import { diagnoseNetworkFailure } from './network-failure.ts';

/** How the client gets, renews and gives up on credentials. */
export interface ClientAuth {
  /** The current bearer token, or null when signed out. */
  getToken(): Promise<string | null>;
  /** A fresh token after a 401 (tokens expire), or null when there is none to be had. */
  refreshToken(): Promise<string | null>;
  /** Called when the API still answers 401 after a refresh: send the user to sign in. */
  onUnauthorized(): void;
}

export interface ClientOptions {
  baseUrl: string;
  auth: ClientAuth;
  fetch?: typeof fetch;
}

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** Sends one JSON request; resolves to the parsed body (undefined for 204). */
export type RequestFn = <T>(method: Method, path: string, body?: unknown, signal?: AbortSignal) => Promise<T>;

/**
 * A fetch client for the Alex API: adds the bearer token, parses `{error}` bodies into
 * {@link ApiError}, retries once with a fresh token on 401, then calls `onUnauthorized`.
 */
export function createClient(options: ClientOptions): RequestFn {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  // Parallel requests that meet the same expired token share one refresh.
  let refreshing: Promise<string | null> | null = null;
  const refresh = () => {
    refreshing ??= options.auth
      .refreshToken()
      .catch(() => null)
      .finally(() => {
        refreshing = null;
      });
    return refreshing;
  };

  async function send(
    method: Method,
    path: string,
    token: string | null,
    body: unknown,
    signal?: AbortSignal,
  ) {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (token) headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const init: RequestInit = { method, headers };
    if (body !== undefined) init.body = JSON.stringify(body);
    if (signal) init.signal = signal;
    try {
      return await doFetch(`${options.baseUrl}${path}`, init);
    } catch (err: unknown) {
      if (err instanceof DOMException && err.name === 'AbortError') throw err;
      throw await diagnoseNetworkFailure(options.baseUrl, err, doFetch);
    }
  }

  return async function request<T>(method: Method, path: string, body?: unknown, signal?: AbortSignal) {
    let response = await send(method, path, await options.auth.getToken(), body, signal);
    if (response.status === 401) {
      const fresh = await refresh();
      if (fresh) response = await send(method, path, fresh, body, signal);
    }
    if (response.status === 401) {
      options.auth.onUnauthorized();
      throw parseApiError(401, await response.text());
    }
    if (!response.ok) {
      throw parseApiError(response.status, await response.text(), response.headers.get('retry-after'));
    }
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    if (text === '') return undefined as T;
    // A download (the CSV export) is returned as its text.
    if (response.headers.get('content-type')?.startsWith('text/csv')) return text as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new ApiError(response.status, 'bad_response', 'The server sent a response Alex could not read.');
    }
  };
}
