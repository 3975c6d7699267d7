import {
  BadRequestException,
  BeginTransactionCommand,
  CommitTransactionCommand,
  DatabaseResumingException,
  ExecuteStatementCommand,
  RDSDataClient,
  RollbackTransactionCommand,
} from '@aws-sdk/client-rds-data';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-vitest/extend';
import { backoffDelay, DEFAULT_RETRY, type RetryPolicy } from '@alex/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { DataApiClient, DatabaseError } from '../../src/client/index.ts';

const target = {
  resourceArn: 'arn:aws:rds:us-east-1:1:cluster:c',
  secretArn: 'arn:aws:secretsmanager:us-east-1:1:secret:s',
  database: 'alex',
};
const rdsMock = mockClient(RDSDataClient);
const resuming = () => new DatabaseResumingException({ message: 'The database is resuming', $metadata: {} });
const throttled = () =>
  Object.assign(new Error('Rate exceeded'), {
    name: 'ThrottlingException',
    $metadata: { httpStatusCode: 429 },
  });

function clientWithRecordedSleeps(overrides: Partial<RetryPolicy> = {}) {
  const sleeps: number[] = [];
  const client = new DataApiClient(new RDSDataClient({ region: 'us-east-1' }), target, {
    retry: { random: () => 0.5, sleep: async (ms) => void sleeps.push(ms), ...overrides },
  });
  return { client, sleeps };
}

describe('Data API retries', () => {
  beforeEach(() => rdsMock.reset());

  it('retries while Aurora resumes from auto-pause, then succeeds', async () => {
    rdsMock
      .on(ExecuteStatementCommand)
      .rejectsOnce(resuming())
      .rejectsOnce(resuming())
      .resolves({
        records: [[{ longValue: 1 }]],
        columnMetadata: [{ name: 'n', typeName: 'int4' }],
      });
    const { client, sleeps } = clientWithRecordedSleeps();
    expect(await client.query('SELECT 1 AS n')).toEqual([{ n: 1 }]);
    expect(rdsMock).toHaveReceivedCommandTimes(ExecuteStatementCommand, 3);
    expect(sleeps).toHaveLength(2);
  });

  it('retries throttling with exponentially growing, jittered delays', async () => {
    rdsMock.on(ExecuteStatementCommand).rejects(throttled());
    const { client, sleeps } = clientWithRecordedSleeps({
      maxAttempts: 5,
      baseDelayMs: 100,
      maxDelayMs: 500,
    });
    const error = await client.execute('SELECT 1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseError);
    expect((error as DatabaseError).code).toBe('ThrottlingException');
    expect(rdsMock).toHaveReceivedCommandTimes(ExecuteStatementCommand, 5);
    // ceiling 100, 200, 400, 500 (capped); random 0.5 → three quarters of each ceiling
    expect(sleeps).toEqual([75, 150, 300, 375]);
  });

  it('never retries an SQL error', async () => {
    rdsMock.on(ExecuteStatementCommand).rejects(
      new BadRequestException({
        message: 'ERROR: syntax error at or near "SELEC"; SQLState: 42601',
        $metadata: {},
      }),
    );
    const { client, sleeps } = clientWithRecordedSleeps();
    const error = await client.execute('SELEC 1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseError);
    expect((error as DatabaseError).sqlState).toBe('42601');
    expect(rdsMock).toHaveReceivedCommandTimes(ExecuteStatementCommand, 1);
    expect(sleeps).toEqual([]);
  });

  it('keeps jitter within half to all of the capped exponential ceiling', () => {
    for (const retry of [1, 2, 5, 12]) {
      const ceiling = Math.min(DEFAULT_RETRY.maxDelayMs, DEFAULT_RETRY.baseDelayMs * 2 ** (retry - 1));
      expect(backoffDelay(retry, { ...DEFAULT_RETRY, random: () => 0 })).toBe(ceiling / 2);
      expect(backoffDelay(retry, { ...DEFAULT_RETRY, random: () => 0.999999 })).toBeCloseTo(ceiling, 0);
    }
  });

  it('rides out a resume that lasts about 15 seconds with the default policy', () => {
    let worstCaseWait = 0;
    for (let retry = 1; retry < DEFAULT_RETRY.maxAttempts; retry += 1) {
      worstCaseWait += backoffDelay(retry, { ...DEFAULT_RETRY, random: () => 0 });
    }
    expect(worstCaseWait).toBeGreaterThan(15_000);
  });
});

describe('Data API transactions', () => {
  beforeEach(() => rdsMock.reset());

  it('begins, runs statements with the transaction id, and commits', async () => {
    rdsMock.on(BeginTransactionCommand).resolves({ transactionId: 'tx-1' });
    rdsMock.on(ExecuteStatementCommand).resolves({ numberOfRecordsUpdated: 1 });
    rdsMock.on(CommitTransactionCommand).resolves({ transactionStatus: 'Transaction Committed' });
    const { client } = clientWithRecordedSleeps();
    await client.transaction(async (tx) => {
      await tx.execute('INSERT INTO t VALUES (:v)', { v: 1 });
    });
    expect(rdsMock).toHaveReceivedCommandWith(ExecuteStatementCommand, {
      transactionId: 'tx-1',
      parameters: [{ name: 'v', value: { longValue: 1 } }],
    });
    expect(rdsMock).toHaveReceivedCommandWith(CommitTransactionCommand, { transactionId: 'tx-1' });
    expect(rdsMock).not.toHaveReceivedCommand(RollbackTransactionCommand);
  });

  it('rolls back and rethrows when the work fails', async () => {
    rdsMock.on(BeginTransactionCommand).resolves({ transactionId: 'tx-2' });
    rdsMock.on(RollbackTransactionCommand).resolves({ transactionStatus: 'Rollback Complete' });
    const { client } = clientWithRecordedSleeps();
    await expect(
      client.transaction(async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(rdsMock).toHaveReceivedCommandWith(RollbackTransactionCommand, { transactionId: 'tx-2' });
    expect(rdsMock).not.toHaveReceivedCommand(CommitTransactionCommand);
  });

  it('sends typed parameters with their type hints', async () => {
    rdsMock.on(ExecuteStatementCommand).resolves({});
    const { client } = clientWithRecordedSleeps();
    const { sql } = await import('../../src/client/index.ts');
    await client.execute('x', {
      d: sql.decimal('1.10'),
      u: sql.uuid('7d444840-9dc0-11d1-b245-5ffdce74fad2'),
      j: { a: 1 },
      t: new Date('2024-01-02T03:04:05.006Z'),
      day: sql.date('2024-01-02'),
      f: 1.5,
      b: false,
      n: null,
      skipped: undefined,
    });
    expect(rdsMock).toHaveReceivedCommandWith(ExecuteStatementCommand, {
      includeResultMetadata: true,
      parameters: [
        { name: 'd', value: { stringValue: '1.10' }, typeHint: 'DECIMAL' },
        { name: 'u', value: { stringValue: '7d444840-9dc0-11d1-b245-5ffdce74fad2' }, typeHint: 'UUID' },
        { name: 'j', value: { stringValue: '{"a":1}' }, typeHint: 'JSON' },
        { name: 't', value: { stringValue: '2024-01-02 03:04:05.006' }, typeHint: 'TIMESTAMP' },
        { name: 'day', value: { stringValue: '2024-01-02' }, typeHint: 'DATE' },
        { name: 'f', value: { doubleValue: 1.5 } },
        { name: 'b', value: { booleanValue: false } },
        { name: 'n', value: { isNull: true } },
      ],
    });
  });
});
