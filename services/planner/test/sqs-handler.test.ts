import { InProcessInvoker } from '@alex/agents';
import { SAMPLE_REPLIES } from '@alex/agents/testing';
import { type AgentName, silentLogger } from '@alex/core';
import { createRepositories, type Repositories, resetDatabase } from '@alex/database';
import type { SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqsHandler } from '../src/sqs-handler.ts';
import { startTestDatabase, type TestDatabase } from './support.ts';

const record = (messageId: string, body: string) =>
  ({
    messageId,
    body,
    receiptHandle: 'r',
    attributes: {},
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn',
    awsRegion: 'us-east-1',
  }) as SQSEvent['Records'][number];

describe('planner SQS handler', () => {
  let db: TestDatabase;
  let repos: Repositories;
  const ok = (agent: AgentName) => async () => SAMPLE_REPLIES[agent];
  const invoker = new InProcessInvoker({
    tagger: ok('tagger'),
    reporter: ok('reporter'),
    charter: ok('charter'),
    retirement: ok('retirement'),
  });

  beforeAll(async () => {
    db = await startTestDatabase('pglite');
    await resetDatabase(db.client, { withTestData: true });
    repos = createRepositories(db.client);
  });
  afterAll(async () => db?.close());

  it('acknowledges handled jobs and reports only poison messages as batch item failures', async () => {
    const handler = createSqsHandler({ repos, invoker, logger: silentLogger, staleAfterSeconds: 910 });
    const job = await repos.jobs.create('user_test_123');
    const result = await handler({
      Records: [
        record('good', JSON.stringify({ job_id: job.id })),
        record('poison', 'not json'),
        record('wrong-shape', JSON.stringify({ job: 1 })),
        record('unknown-job', JSON.stringify({ job_id: '00000000-0000-4000-8000-000000000000' })),
      ],
    });
    expect(result).toEqual({
      batchItemFailures: [{ itemIdentifier: 'poison' }, { itemIdentifier: 'wrong-shape' }],
    });
    expect((await repos.jobs.get('user_test_123', job.id)).status).toBe('completed');
  });

  it('hands the job back and asks SQS to retry when the database fails mid-job', async () => {
    const job = await repos.jobs.create('user_test_123');
    const flaky: Repositories = {
      ...repos,
      portfolio: {
        ...repos.portfolio,
        get: async () => {
          throw new Error('DatabaseUnavailableException');
        },
      },
    };
    const handler = createSqsHandler({ repos: flaky, invoker, logger: silentLogger, staleAfterSeconds: 910 });
    const result = await handler({ Records: [record('m1', JSON.stringify({ job_id: job.id }))] });
    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: 'm1' }] });
    expect((await repos.jobs.get('user_test_123', job.id)).status).toBe('pending');
    const retry = createSqsHandler({ repos, invoker, logger: silentLogger, staleAfterSeconds: 910 });
    expect(await retry({ Records: [record('m1', JSON.stringify({ job_id: job.id }))] })).toEqual({
      batchItemFailures: [],
    });
    expect((await repos.jobs.get('user_test_123', job.id)).status).toBe('completed');
  });
});
