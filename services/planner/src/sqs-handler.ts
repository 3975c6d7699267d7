import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { z } from 'zod';
import { type PlannerDeps, runAnalysisJob } from './planner.ts';

/** The queue message the API sends: just the job id. */
export const AnalysisMessage = z.object({ job_id: z.uuid() });

/**
 * The SQS handler: each record is one job. Jobs that ran (completed or failed) and deliveries that
 * had nothing to do are acknowledged; a message that cannot be parsed, or whose job hit an
 * infrastructure error, is reported in `batchItemFailures` so SQS retries it and, after the
 * redrive limit, moves it to the DLQ.
 */
export function createSqsHandler(deps: PlannerDeps) {
  return async (event: SQSEvent): Promise<SQSBatchResponse> => {
    const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
    for (const record of event.Records) {
      const logger = deps.logger.child({ message_id: record.messageId });
      const message = parseMessage(record.body);
      if (!message) {
        logger.error('poison message: not {"job_id": "<uuid>"}', { body: record.body.slice(0, 200) });
        batchItemFailures.push({ itemIdentifier: record.messageId });
        continue;
      }
      try {
        const outcome = await runAnalysisJob(message.job_id, { ...deps, logger });
        logger.info('message handled', { job_id: message.job_id, outcome: outcome.kind });
      } catch (err: unknown) {
        logger.error('message will be retried', { job_id: message.job_id, err });
        batchItemFailures.push({ itemIdentifier: record.messageId });
      }
    }
    return { batchItemFailures };
  };
}

function parseMessage(body: string): z.infer<typeof AnalysisMessage> | undefined {
  try {
    const parsed = AnalysisMessage.safeParse(JSON.parse(body));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
