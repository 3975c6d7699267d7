/** One field the API rejected, as in `{"error": {"details": [{field, message}]}}`. */
export interface FieldIssue {
  field: string;
  message: string;
}

/** An API failure: the HTTP status and the `{error: {code, message, details}}` body. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: FieldIssue[];
  /** From a 429's `Retry-After`: seconds until the limit frees again. */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    status: number,
    code: string,
    message: string,
    details: FieldIssue[] = [],
    retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = new.target.name;
    this.status = status;
    this.code = code;
    this.details = details;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** Why a request got no answer: the browser is offline, the API refused this page's origin (CORS), or the API could not be reached. */
export type NetworkFailure = 'offline' | 'origin_refused' | 'unreachable';

function networkMessage(kind: NetworkFailure, apiUrl: string, pageOrigin: string): string {
  switch (kind) {
    case 'offline':
      return 'You are offline. Check your connection and try again.';
    case 'origin_refused':
      return (
        `The Alex API at ${apiUrl} is running but does not accept requests from this address (${pageOrigin}). ` +
        "Open Alex at the address it was set up for, or add this one to the API's CORS_ORIGINS."
      );
    case 'unreachable':
      return (
        `Could not reach the Alex API at ${apiUrl}: it is not running or not reachable from here. ` +
        'Locally, start it with pnpm dev; otherwise check your connection and try again.'
      );
  }
}

/** The request never got an answer; `kind` says what was found out about why. */
export class NetworkError extends ApiError {
  readonly kind: NetworkFailure;
  constructor(
    cause: unknown,
    kind: NetworkFailure = 'unreachable',
    where: { apiUrl: string; pageOrigin: string } = { apiUrl: 'its address', pageOrigin: 'this page' },
  ) {
    super(0, 'network_error', networkMessage(kind, where.apiUrl, where.pageOrigin));
    this.kind = kind;
    this.cause = cause;
  }
}

const FALLBACK_MESSAGES: Record<number, string> = {
  400: 'The request was not valid.',
  401: 'Please sign in again.',
  404: 'Not found.',
  409: 'That conflicts with something already in progress.',
  429: 'Too many requests: wait a moment and try again.',
};

function readDetails(value: unknown): FieldIssue[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    const record = item as Record<string, unknown> | null;
    return record && typeof record.message === 'string'
      ? [{ field: String(record.field ?? ''), message: record.message }]
      : [];
  });
}

/** Builds an {@link ApiError} from a failed response's status, (possibly non-JSON) body text and `Retry-After`. */
export function parseApiError(status: number, bodyText: string, retryAfter?: string | null): ApiError {
  let body: unknown = null;
  try {
    body = JSON.parse(bodyText);
  } catch {
    // A proxy or gateway error page: fall back to the status.
  }
  const error = (body as { error?: Record<string, unknown> } | null)?.error;
  const message =
    typeof error?.message === 'string'
      ? error.message
      : (FALLBACK_MESSAGES[status] ?? `The server answered ${status}. Please try again.`);
  const code = typeof error?.code === 'string' ? error.code : `http_${status}`;
  const seconds = Number(retryAfter);
  const wait = retryAfter && Number.isFinite(seconds) && seconds > 0 ? seconds : undefined;
  return new ApiError(status, code, message, readDetails(error?.details), wait);
}

/** A wait in words: `about 3 hours`, `about 20 minutes`, `a minute`. */
export function waitInWords(seconds: number): string {
  if (seconds >= 5400) return `about ${Math.round(seconds / 3600)} hours`;
  if (seconds >= 3600) return 'about an hour';
  if (seconds >= 120) return `about ${Math.round(seconds / 60)} minutes`;
  return 'a minute';
}

/** A message for the user from anything thrown, naming each field the API rejected. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError && err.details.length > 0) {
    const issues = err.details.map((d) => (d.field ? `${d.field}: ${d.message}` : d.message));
    return `${err.message.replace(/\.$/, '')} (${issues.join('; ')}).`;
  }
  if (err instanceof ApiError && err.status === 429 && err.retryAfterSeconds !== undefined) {
    return `${err.message.replace(/\.$/, '')}. You can try again in ${waitInWords(err.retryAfterSeconds)}.`;
  }
  if (err instanceof Error) return err.message;
  return 'Something went wrong.';
}
