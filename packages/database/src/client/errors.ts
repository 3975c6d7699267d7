/** Base of every error the database package raises; `name` is stable for mapping. */
export class DbError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** One bad field of a rejected input. */
export interface FieldIssue {
  field: string;
  message: string;
}

/** Input rejected before (or by) the database; names each bad field. Maps to HTTP 400. */
export class ValidationError extends DbError {
  readonly issues: FieldIssue[];
  constructor(issues: FieldIssue[], options?: { cause?: unknown }) {
    super(`Invalid input: ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`, options);
    this.issues = issues;
  }
}

/** A row that does not exist, or does not belong to the caller. Maps to HTTP 404. */
export class NotFoundError extends DbError {
  readonly entity: string;
  readonly id: string;
  constructor(entity: string, id: string) {
    super(`${entity} ${id} not found`);
    this.entity = entity;
    this.id = id;
  }
}

/** A write that collides with existing data (unique or foreign-key rule). Maps to HTTP 409. */
export class ConflictError extends DbError {
  readonly constraint: string | undefined;
  constructor(message: string, constraint?: string, options?: { cause?: unknown }) {
    super(message, options);
    this.constraint = constraint;
  }
}

/** A per-user limit on shared data is used up; `retryAfterSeconds` says when it frees. Maps to HTTP 429. */
export class LimitExceededError extends DbError {
  readonly retryAfterSeconds: number;
  constructor(message: string, retryAfterSeconds: number) {
    super(message);
    this.retryAfterSeconds = Math.max(1, Math.ceil(retryAfterSeconds));
  }
}

/**
 * Any other failure from the database or the Data API, with the database's own message; `code` is
 * the Data API's error name (e.g. `DatabaseUnavailableException`), which logs and alarms match on.
 */
export class DatabaseError extends DbError {
  readonly sqlState: string | undefined;
  readonly code: string | undefined;
  constructor(message: string, sqlState?: string, options?: { cause?: unknown; code?: string | undefined }) {
    super(message, options);
    this.sqlState = sqlState;
    this.code = options?.code;
  }
}

/** Turns a Zod error into a {@link ValidationError} naming each field by its path. */
export function validationErrorFrom(
  error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] },
  prefix?: string,
): ValidationError {
  return new ValidationError(
    error.issues.map((issue) => ({
      field: [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || '(input)',
      message: issue.message,
    })),
  );
}
