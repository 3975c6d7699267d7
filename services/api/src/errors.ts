import {
  ConflictError,
  type FieldIssue,
  LimitExceededError,
  NotFoundError,
  SHARED_PLACEHOLDER,
  ValidationError,
} from '@alex/database';

/** Base of the errors the API raises itself; `name` is stable for mapping and logs. */
export class ApiError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** No token, or a token that does not verify (or a bad webhook signature). Maps to 401. */
export class UnauthorizedError extends ApiError {}

/** No route for this method and path (including local-only routes outside local mode). Maps to 404. */
export class RouteNotFoundError extends ApiError {
  constructor() {
    super('Not found');
  }
}

/** A caller refused before any route runs: a foreign `Host` or `Origin`, or no origin secret. Maps to 403. */
export class ForbiddenError extends ApiError {}

/** A request body that is not declared as `application/json`. Maps to 415. */
export class UnsupportedMediaTypeError extends ApiError {
  constructor() {
    super('Request bodies must be sent as application/json');
  }
}

/** The JSON error body every failure carries. */
export interface ErrorBody {
  error: { code: string; message: string; details?: FieldIssue[] };
}

/** A failure as HTTP: status, body and any extra headers. */
export interface HttpFailure {
  status: number;
  body: ErrorBody;
  headers: Record<string, string>;
}

const ACTIVE_JOB_CONSTRAINT = 'idx_jobs_one_active_per_user';

/**
 * The one place typed errors become HTTP. Anything unexpected is a 500 whose message says nothing
 * about the cause: stack traces and SQL stay in the log.
 */
export function toHttpFailure(err: unknown): HttpFailure {
  if (err instanceof ValidationError) {
    return failure(400, 'validation_error', 'The request is invalid', err.issues);
  }
  if (err instanceof UnauthorizedError) {
    return {
      ...failure(401, 'unauthorized', 'Authentication required'),
      headers: { 'www-authenticate': 'Bearer' },
    };
  }
  if (err instanceof ForbiddenError) return failure(403, 'forbidden', err.message);
  if (err instanceof UnsupportedMediaTypeError) return failure(415, 'unsupported_media_type', err.message);
  if (err instanceof LimitExceededError) {
    return {
      ...failure(429, 'too_many_requests', err.message),
      headers: { 'retry-after': String(err.retryAfterSeconds) },
    };
  }
  if (err instanceof NotFoundError) return failure(404, 'not_found', `${capitalise(err.entity)} not found`);
  if (err instanceof RouteNotFoundError) return failure(404, 'not_found', 'Not found');
  if (err instanceof ConflictError) {
    const message =
      err.constraint === ACTIVE_JOB_CONSTRAINT
        ? 'An analysis is already pending or running'
        : err.constraint === SHARED_PLACEHOLDER
          ? err.message // written by the repository for users, not by the database
          : 'The request conflicts with existing data';
    return failure(409, 'conflict', message);
  }
  return failure(500, 'internal_error', 'Something went wrong on our side');
}

function failure(status: number, code: string, message: string, details?: FieldIssue[]): HttpFailure {
  return { status, body: { error: { code, message, ...(details ? { details } : {}) } }, headers: {} };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
