import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { SqsQueueRedriveAllowPolicy } from '@cdktf/provider-aws/lib/sqs-queue-redrive-allow-policy';
import { Construct } from 'constructs';
import type { Config } from '../config.ts';
import { queueNames } from '../naming.ts';
import { LAMBDA_SIZES } from './node-lambda.ts';

/** A message comes back this many times before it goes to the DLQ. */
export const MAX_RECEIVE_COUNT = 3;

/**
 * The analysis queue and its dead-letter queue. The visibility timeout outlasts the planner's
 * timeout, so a job still running is never handed to a second planner. (AWS suggests six times the
 * function timeout so throttled invocations can retry; here the trigger's maximum concurrency keeps
 * it from invoking a throttled function, and a failed job comes back after about 15 minutes.)
 */
export class AnalysisQueue extends Construct {
  readonly queue: SqsQueue;
  readonly dlq: SqsQueue;

  constructor(scope: Construct, id: string, props: { config: Config }) {
    super(scope, id);
    const names = queueNames(props.config);

    this.dlq = new SqsQueue(this, 'dlq', {
      name: names.dlq,
      messageRetentionSeconds: 14 * 24 * 3600,
      sqsManagedSseEnabled: true,
    });

    this.queue = new SqsQueue(this, 'queue', {
      name: names.queue,
      visibilityTimeoutSeconds: LAMBDA_SIZES.planner.timeoutSeconds + 10,
      messageRetentionSeconds: 4 * 24 * 3600,
      receiveWaitTimeSeconds: 20,
      sqsManagedSseEnabled: true,
      redrivePolicy: JSON.stringify({
        deadLetterTargetArn: this.dlq.arn,
        maxReceiveCount: MAX_RECEIVE_COUNT,
      }),
    });

    new SqsQueueRedriveAllowPolicy(this, 'dlq-sources', {
      queueUrl: this.dlq.url,
      redriveAllowPolicy: JSON.stringify({ redrivePermission: 'byQueue', sourceQueueArns: [this.queue.arn] }),
    });
  }
}
