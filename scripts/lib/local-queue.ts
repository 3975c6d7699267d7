import { randomUUID } from 'node:crypto';
import type { Logger } from '@alex/core';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';

/** A consumer of SQS events: the planner's handler. */
export type SqsConsumer = (event: SQSEvent) => Promise<SQSBatchResponse>;

interface Message {
  messageId: string;
  body: string;
  receiveCount: number;
  jobId: string;
}

/** How the local queue behaves; the defaults mirror the deployed queue. */
export interface LocalQueueOptions {
  /** Receives before a message moves to the dead-letter list (the DLQ's maxReceiveCount). */
  maxReceives?: number;
  /** Delay before a failed message is offered again (SQS waits for the visibility timeout). */
  retryDelayMs?: number;
  /** Messages handled at once (the deployed trigger caps concurrency too). */
  concurrency?: number;
}

/**
 * The in-process stand-in for SQS: it hands the planner the same event shape, one record per
 * batch, retries what the planner reports in `batchItemFailures`, and after `maxReceives` moves the
 * message to a dead-letter list, as the redrive policy does.
 */
export class LocalQueue {
  readonly deadLetters: Message[] = [];
  readonly #queue: Message[] = [];
  readonly #inFlight = new Set<string>();
  readonly #consumer: SqsConsumer;
  readonly #logger: Logger;
  readonly #options: Required<LocalQueueOptions>;
  #active = 0;
  #closed = false;
  #idle: (() => void)[] = [];

  constructor(consumer: SqsConsumer, logger: Logger, options: LocalQueueOptions = {}) {
    this.#consumer = consumer;
    this.#logger = logger;
    this.#options = { maxReceives: 3, retryDelayMs: 1000, concurrency: 2, ...options };
  }

  /** Sends `{job_id}` unless that job is already queued or being processed. */
  send(jobId: string): boolean {
    if (this.#closed || this.#inFlight.has(jobId)) return false;
    this.#inFlight.add(jobId);
    this.#queue.push({
      messageId: randomUUID(),
      body: JSON.stringify({ job_id: jobId }),
      receiveCount: 0,
      jobId,
    });
    this.#pump();
    return true;
  }

  /** Resolves when nothing is queued or running. */
  drained(): Promise<void> {
    if (this.#active === 0 && this.#queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  /** Stops taking messages; resolves when the running ones finish. */
  async close(): Promise<void> {
    this.#closed = true;
    this.#queue.length = 0;
    await this.drained();
  }

  #pump(): void {
    while (!this.#closed && this.#active < this.#options.concurrency && this.#queue.length > 0) {
      const message = this.#queue.shift() as Message;
      this.#active += 1;
      this.#deliver(message).finally(() => {
        this.#active -= 1;
        this.#pump();
        if (this.#active === 0 && this.#queue.length === 0)
          for (const resolve of this.#idle.splice(0)) resolve();
      });
    }
  }

  async #deliver(message: Message): Promise<void> {
    message.receiveCount += 1;
    let failed: boolean;
    try {
      const response = await this.#consumer({ Records: [toRecord(message)] });
      failed = response.batchItemFailures.some((f) => f.itemIdentifier === message.messageId);
    } catch (err: unknown) {
      this.#logger.error('local queue: consumer threw', { job_id: message.jobId, err });
      failed = true;
    }
    if (!failed) {
      this.#inFlight.delete(message.jobId);
      return;
    }
    if (message.receiveCount >= this.#options.maxReceives) {
      this.#inFlight.delete(message.jobId);
      this.deadLetters.push(message);
      this.#logger.error('local queue: message moved to the dead-letter list', { job_id: message.jobId });
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, this.#options.retryDelayMs));
    if (!this.#closed) this.#queue.push(message);
  }
}

function toRecord(message: Message): SQSRecord {
  return {
    messageId: message.messageId,
    receiptHandle: message.messageId,
    body: message.body,
    attributes: {
      ApproximateReceiveCount: String(message.receiveCount),
      SentTimestamp: String(Date.now()),
      SenderId: 'local',
      ApproximateFirstReceiveTimestamp: String(Date.now()),
    },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:alex-local-analysis',
    awsRegion: 'us-east-1',
  };
}
