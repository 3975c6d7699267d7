import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';

/** Port: hands a new analysis job to the planner (SQS on AWS, the in-process queue locally). */
export interface JobQueue {
  send(jobId: string): Promise<void>;
}

/** The AWS adapter: one `{job_id}` message per job on the planner's queue (`SQS_QUEUE_URL`). */
export class SqsJobQueue implements JobQueue {
  constructor(
    private readonly client: SQSClient,
    private readonly queueUrl: string,
  ) {}

  async send(jobId: string): Promise<void> {
    await this.client.send(
      new SendMessageCommand({ QueueUrl: this.queueUrl, MessageBody: JSON.stringify({ job_id: jobId }) }),
    );
  }
}

/** Adapts an in-process queue (the local pipeline's, whose `send` returns whether it queued) to {@link JobQueue}. */
export function inProcessJobQueue(queue: { send(jobId: string): unknown }): JobQueue {
  return {
    async send(jobId) {
      await queue.send(jobId);
    },
  };
}
