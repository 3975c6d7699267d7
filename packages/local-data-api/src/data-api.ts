import { randomBytes } from 'node:crypto';
import type { SqlBackend } from './backend.ts';
import { PgError } from './pglite-backend.ts';
import type {
  BatchExecuteStatementRequest,
  ColumnMetadata,
  DataApiField,
  ExecuteStatementRequest,
} from './protocol.ts';
import {
  BadRequest,
  bindParameters,
  columnMetadata,
  describeColumns,
  fieldToJson,
  statementCount,
  toField,
} from './wire.ts';

/** The only database name the local Data API answers to, as on the deployed cluster. */
export const LOCAL_DATABASE = 'alex';

/** Aurora ends a transaction left idle this long. */
export const TRANSACTION_IDLE_MS = 3 * 60_000;

/** Aurora refuses responses above 1 MiB; so does the local one, so oversized queries show up early. */
export const MAX_RESPONSE_BYTES = 1024 * 1024;

export interface ExecuteStatementResponse {
  numberOfRecordsUpdated: number;
  records?: DataApiField[][];
  columnMetadata?: ColumnMetadata[];
  formattedRecords?: string;
}

/**
 * The Data API operations over a {@link SqlBackend}: parameter binding, type presentation and the
 * transaction registry with Aurora's idle timeout. Transport-free, so the HTTP server stays thin.
 */
export class LocalDataApi {
  readonly #backend: SqlBackend;
  readonly #transactions = new Map<string, NodeJS.Timeout>();
  readonly #idleMs: number;

  constructor(backend: SqlBackend, options: { transactionIdleMs?: number } = {}) {
    this.#backend = backend;
    this.#idleMs = options.transactionIdleMs ?? TRANSACTION_IDLE_MS;
  }

  get backendKind(): SqlBackend['kind'] {
    return this.#backend.kind;
  }

  async executeStatement(request: ExecuteStatementRequest): Promise<ExecuteStatementResponse> {
    checkDatabase(request.database);
    const transactionId = this.#touch(request.transactionId);
    if (statementCount(request.sql) > 1) {
      throw new PgError({
        message: 'cannot insert multiple commands into a prepared statement',
        code: '42601',
      });
    }
    const { text, values } = bindParameters(request.sql, request.parameters);
    const result = await this.#backend.query(text, values, transactionId);
    const response: ExecuteStatementResponse = { numberOfRecordsUpdated: result.affectedRows };
    if (result.fields.length === 0) return response;

    const columns = await describeColumns(result, (oid) => this.#backend.type(oid, transactionId));
    const options = request.resultSetOptions ?? {};
    const records = result.rows.map((row) =>
      row.map((text, i) => toField(text, columns[i] as (typeof columns)[number], options)),
    );
    if (request.formatRecordsAs === 'JSON') {
      response.formattedRecords = JSON.stringify(
        records.map((row) =>
          Object.fromEntries(row.map((field, i) => [columns[i]?.name, fieldToJson(field)])),
        ),
      );
    } else {
      response.records = records;
      if (request.includeResultMetadata) response.columnMetadata = columnMetadata(columns);
    }
    return response;
  }

  async batchExecuteStatement(request: BatchExecuteStatementRequest): Promise<{ updateResults: object[] }> {
    checkDatabase(request.database);
    const sets = request.parameterSets?.length ? request.parameterSets : [[]];
    const bound = sets.map((set) => bindParameters(request.sql, set));
    const outer = this.#touch(request.transactionId);
    const transactionId =
      outer ?? (await this.beginTransaction({ database: request.database })).transactionId;
    try {
      for (const { text, values } of bound) await this.#backend.query(text, values, transactionId);
      if (!outer) await this.commitTransaction(transactionId);
    } catch (err) {
      if (!outer) await this.rollbackTransaction(transactionId).catch(() => {});
      throw err;
    }
    return { updateResults: bound.map(() => ({})) };
  }

  async beginTransaction(request: { database?: string | undefined }): Promise<{ transactionId: string }> {
    checkDatabase(request.database);
    const transactionId = randomBytes(48).toString('base64');
    await this.#backend.begin(transactionId);
    this.#transactions.set(transactionId, this.#idleTimer(transactionId));
    return { transactionId };
  }

  async commitTransaction(transactionId: string): Promise<{ transactionStatus: string }> {
    this.#forget(transactionId);
    await this.#backend.commit(transactionId);
    return { transactionStatus: 'Transaction Committed' };
  }

  async rollbackTransaction(transactionId: string): Promise<{ transactionStatus: string }> {
    this.#forget(transactionId);
    await this.#backend.rollback(transactionId);
    return { transactionStatus: 'Rollback Complete' };
  }

  /** Rolls back every open transaction and closes the backend. */
  async close(): Promise<void> {
    for (const id of [...this.#transactions.keys()]) await this.rollbackTransaction(id).catch(() => {});
    await this.#backend.close();
  }

  #touch(transactionId: string | undefined): string | undefined {
    if (transactionId === undefined) return undefined;
    const timer = this.#transactions.get(transactionId);
    if (!timer) throw new BadRequest(`Transaction ${transactionId} is not found`);
    timer.refresh();
    return transactionId;
  }

  #forget(transactionId: string): void {
    const timer = this.#transactions.get(transactionId);
    if (!timer) throw new BadRequest(`Transaction ${transactionId} is not found`);
    clearTimeout(timer);
    this.#transactions.delete(transactionId);
  }

  #idleTimer(transactionId: string): NodeJS.Timeout {
    const timer = setTimeout(() => {
      this.rollbackTransaction(transactionId).catch(() => {});
    }, this.#idleMs);
    timer.unref();
    return timer;
  }
}

function checkDatabase(database: string | undefined): void {
  if (database !== undefined && database !== LOCAL_DATABASE) {
    throw new BadRequest(`FATAL: database "${database}" does not exist`);
  }
}

/** The message Aurora puts in a BadRequestException for a database error. */
export function databaseErrorMessage(err: PgError): string {
  const { message, detail, position, code } = err.info;
  let text = `ERROR: ${message}`;
  if (detail) text += `\n  Detail: ${detail}`;
  if (position) text += `\n  Position: ${position}`;
  return code ? `${text}; SQLState: ${code}` : text;
}
