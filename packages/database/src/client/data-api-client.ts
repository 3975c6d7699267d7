import { DEFAULT_RETRY, type RetryPolicy, transientByName, withRetry } from '@alex/core';
import {
  BatchExecuteStatementCommand,
  BeginTransactionCommand,
  CommitTransactionCommand,
  ExecuteStatementCommand,
  type RDSDataClient,
  RollbackTransactionCommand,
} from '@aws-sdk/client-rds-data';
import { ConflictError, DatabaseError, DbError, ValidationError } from './errors.ts';
import { type SqlParams, toSqlParameters } from './params.ts';
import { mapRecords, type Row } from './results.ts';

/** The result of one statement. */
export interface ExecuteResult<T = Row> {
  rows: T[];
  numberOfRecordsUpdated: number;
}

/** Runs statements: the client itself, or the same client inside a transaction. */
export interface Executor {
  /** Runs one statement and returns its rows (mapped by column metadata). */
  query<T = Row>(sqlText: string, params?: SqlParams): Promise<T[]>;
  /** Runs one statement and returns rows and the count of rows changed. */
  execute<T = Row>(sqlText: string, params?: SqlParams): Promise<ExecuteResult<T>>;
  /** Runs one statement once per parameter set (`BatchExecuteStatement`), chunked to stay under limits. */
  batch(sqlText: string, parameterSets: readonly SqlParams[]): Promise<void>;
  /** Runs `work` in a transaction (or in the current one): committed if it resolves, rolled back if not. */
  transaction<T>(work: (tx: Executor) => Promise<T>): Promise<T>;
}

/** Where the cluster is: ARNs of the cluster and its secret, and the database name. */
export interface DataApiTarget {
  resourceArn: string;
  secretArn: string;
  database: string;
}

/** Data API errors that mean "nothing ran; try again later" (Aurora resuming, throttling). */
export const isTransientDataApiError = transientByName([
  'DatabaseResumingException',
  'DatabaseUnavailableException',
  'ServiceUnavailableError',
  'ThrottlingException',
  'TooManyRequestsException',
  'InternalServerErrorException',
]);

/** Rows per `BatchExecuteStatement` call, well under the Data API's request size limit. */
const BATCH_CHUNK = 200;

/** Called once per Data API call; benchmarks count statements with it. */
export type StatementListener = (
  operation: 'execute' | 'batch' | 'begin' | 'commit' | 'rollback',
  sql?: string,
) => void;

/**
 * The Data API client every service uses: named parameters with type hints, results mapped by
 * column metadata, transactions, batches, retries on transient errors only, typed errors.
 */
export class DataApiClient implements Executor {
  readonly #rds: RDSDataClient;
  readonly #target: DataApiTarget;
  readonly #retry: RetryPolicy;
  readonly #listeners = new Set<StatementListener>();

  constructor(rds: RDSDataClient, target: DataApiTarget, options: { retry?: Partial<RetryPolicy> } = {}) {
    this.#rds = rds;
    this.#target = target;
    this.#retry = { ...DEFAULT_RETRY, ...options.retry };
  }

  /** Registers a listener; returns the function that removes it. */
  onStatement(listener: StatementListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  query<T = Row>(sqlText: string, params?: SqlParams): Promise<T[]> {
    return this.#execute<T>(sqlText, params, undefined).then((r) => r.rows);
  }

  execute<T = Row>(sqlText: string, params?: SqlParams): Promise<ExecuteResult<T>> {
    return this.#execute<T>(sqlText, params, undefined);
  }

  batch(sqlText: string, parameterSets: readonly SqlParams[]): Promise<void> {
    return this.#batch(sqlText, parameterSets, undefined);
  }

  async transaction<T>(work: (tx: Executor) => Promise<T>): Promise<T> {
    const { transactionId } = await this.#send('begin', () =>
      this.#rds.send(new BeginTransactionCommand({ ...this.#target })),
    );
    if (!transactionId) throw new DatabaseError('BeginTransaction returned no transaction id');
    const tx: Executor = {
      query: <R = Row>(s: string, p?: SqlParams) => this.#execute<R>(s, p, transactionId).then((r) => r.rows),
      execute: <R = Row>(s: string, p?: SqlParams) => this.#execute<R>(s, p, transactionId),
      batch: (s, sets) => this.#batch(s, sets, transactionId),
      transaction: (inner) => inner(tx),
    };
    let result: T;
    try {
      result = await work(tx);
    } catch (err) {
      await this.#end('rollback', transactionId).catch(() => {});
      throw err;
    }
    await this.#end('commit', transactionId);
    return result;
  }

  async #execute<T>(sqlText: string, params: SqlParams | undefined, transactionId: string | undefined) {
    const response = await this.#send(
      'execute',
      () =>
        this.#rds.send(
          new ExecuteStatementCommand({
            ...this.#target,
            sql: sqlText,
            parameters: toSqlParameters(params),
            includeResultMetadata: true,
            ...(transactionId ? { transactionId } : {}),
          }),
        ),
      sqlText,
    );
    return {
      rows: mapRecords(response.records, response.columnMetadata) as T[],
      numberOfRecordsUpdated: response.numberOfRecordsUpdated ?? 0,
    };
  }

  async #batch(sqlText: string, parameterSets: readonly SqlParams[], transactionId: string | undefined) {
    for (let start = 0; start < parameterSets.length; start += BATCH_CHUNK) {
      const chunk = parameterSets.slice(start, start + BATCH_CHUNK);
      await this.#send(
        'batch',
        () =>
          this.#rds.send(
            new BatchExecuteStatementCommand({
              ...this.#target,
              sql: sqlText,
              parameterSets: chunk.map((set) => toSqlParameters(set)),
              ...(transactionId ? { transactionId } : {}),
            }),
          ),
        sqlText,
      );
    }
  }

  #end(kind: 'commit' | 'rollback', transactionId: string) {
    const target = {
      resourceArn: this.#target.resourceArn,
      secretArn: this.#target.secretArn,
      transactionId,
    };
    return this.#send(kind, () =>
      this.#rds.send(
        kind === 'commit' ? new CommitTransactionCommand(target) : new RollbackTransactionCommand(target),
      ),
    );
  }

  async #send<R>(
    operation: Parameters<StatementListener>[0],
    call: () => Promise<R>,
    sqlText?: string,
  ): Promise<R> {
    try {
      return await withRetry(
        () => {
          for (const listener of this.#listeners) listener(operation, sqlText);
          return call();
        },
        isTransientDataApiError,
        this.#retry,
      );
    } catch (err: unknown) {
      throw toDbError(err);
    }
  }
}

/** What a value the database refused was wrong with, in words that reveal nothing of the database. */
const SAFE_MESSAGES: Record<string, string> = {
  '23514': 'is not allowed',
  '22P02': 'is not a valid value',
  '22003': 'is out of range',
  '22001': 'is too long',
  '22007': 'is not a valid date or time',
  '22008': 'is not a valid date or time',
};

/**
 * Maps a Data API failure to the package's typed errors. Conflicts and database errors keep the
 * database's message (they never reach a response body); a validation issue gets a safe message.
 */
export function toDbError(err: unknown): DbError {
  if (err instanceof DbError) return err;
  const e = err as { name?: string; message?: string };
  const message = e.message ?? String(err);
  if (e.name !== 'BadRequestException')
    return new DatabaseError(message, undefined, { cause: err, code: e.name });
  const sqlState = /SQLState: ([0-9A-Z]{5})/.exec(message)?.[1];
  const constraint = /constraint "([^"]+)"/.exec(message)?.[1];
  switch (sqlState) {
    case '23505':
    case '23503':
      return new ConflictError(message, constraint, { cause: err });
    case '23514':
    case '22P02':
    case '22003':
    case '22001':
    case '22007':
    case '22008':
      // The database's own text stays in `cause` (logs); the issue users see says only what was wrong.
      return new ValidationError(
        [{ field: constraint ?? '(value)', message: SAFE_MESSAGES[sqlState] ?? 'is not a valid value' }],
        {
          cause: err,
        },
      );
    default:
      return new DatabaseError(message, sqlState, { cause: err, code: e.name });
  }
}
