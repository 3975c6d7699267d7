import { agentInvokerFromEnv, configureTracing, withInvocationMetrics, withLangfuseKeys } from '@alex/agents';
import { createLogger, createMetricsEmitter } from '@alex/core';
import { createDataApiClient, createRepositories } from '@alex/database';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { plannerEnv } from './env.ts';
import { createSqsHandler } from './sqs-handler.ts';

// Clients are created once per container and reused across invocations.
const settings = plannerEnv();
const logger = createLogger({ level: settings.logLevel, bound: { service: 'planner' } });
const tracing = configureTracing(await withLangfuseKeys(settings.env, logger), logger);
const processBatch = createSqsHandler({
  repos: createRepositories(createDataApiClient(settings.database)),
  // Every agent call emits InvocationCount, Duration and FailureCount (EMF lines on stdout).
  invoker: withInvocationMetrics(agentInvokerFromEnv(settings.env), createMetricsEmitter()),
  logger,
  staleAfterSeconds: settings.staleAfterSeconds,
});

/** Lambda entry point: SQS batch in, partial-batch failures out; traces flushed before returning. */
export async function handler(event: SQSEvent): Promise<SQSBatchResponse> {
  try {
    return await processBatch(event);
  } finally {
    await tracing.flush();
  }
}
