import { silentLogger } from '@alex/core';
import type { SQSEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { LocalQueue } from '../lib/local-queue.ts';

const JOB = '7d444840-9dc0-41d1-b245-5ffdce74fad2';

describe('LocalQueue', () => {
  it('hands the consumer one SQS record with the job id', async () => {
    const events: SQSEvent[] = [];
    const queue = new LocalQueue(async (event) => {
      events.push(event);
      return { batchItemFailures: [] };
    }, silentLogger);
    queue.send(JOB);
    await queue.drained();
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0]?.Records[0]?.body ?? '')).toEqual({ job_id: JOB });
    expect(events[0]?.Records[0]?.eventSource).toBe('aws:sqs');
  });

  it('retries a reported failure and dead-letters it after the maximum receives', async () => {
    let deliveries = 0;
    const queue = new LocalQueue(
      async (event) => {
        deliveries += 1;
        return { batchItemFailures: [{ itemIdentifier: event.Records[0]?.messageId ?? '' }] };
      },
      silentLogger,
      { maxReceives: 3, retryDelayMs: 1 },
    );
    queue.send(JOB);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await queue.drained();
    expect(deliveries).toBe(3);
    expect(queue.deadLetters.map((m) => m.jobId)).toEqual([JOB]);
  });

  it('does not queue a job that is already queued or running', async () => {
    let deliveries = 0;
    const queue = new LocalQueue(async () => {
      deliveries += 1;
      return { batchItemFailures: [] };
    }, silentLogger);
    expect(queue.send(JOB)).toBe(true);
    expect(queue.send(JOB)).toBe(false);
    await queue.drained();
    expect(deliveries).toBe(1);
    expect(queue.send(JOB)).toBe(true);
  });
});
