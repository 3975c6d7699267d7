import { NetworkError, type NetworkFailure } from './errors.ts';

/**
 * Finds out why a request to the API got no answer, since the browser says only "Failed to fetch".
 * A second request to the health check with `mode: 'no-cors'` needs no CORS permission: when it gets
 * through, the API is up and refused this page's origin; when it fails too, the API is unreachable.
 */
export async function diagnoseNetworkFailure(
  baseUrl: string,
  cause: unknown,
  doFetch: typeof fetch,
): Promise<NetworkError> {
  const kind = await failureKind(baseUrl, doFetch);
  return new NetworkError(cause, kind, { apiUrl: baseUrl || pageOrigin(), pageOrigin: pageOrigin() });
}

async function failureKind(baseUrl: string, doFetch: typeof fetch): Promise<NetworkFailure> {
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return 'offline';
  // Same origin (deployed behind CloudFront): CORS cannot be the cause.
  const crossOrigin = baseUrl !== '' && new URL(baseUrl, pageOrigin()).origin !== pageOrigin();
  try {
    await doFetch(`${baseUrl}/api/health`, { mode: 'no-cors', cache: 'no-store' });
    return crossOrigin ? 'origin_refused' : 'unreachable';
  } catch {
    return 'unreachable';
  }
}

function pageOrigin(): string {
  return typeof window === 'undefined' ? '' : window.location.origin;
}
