import {
  type AgentHandler,
  agentInvokerFromEnv,
  configureTracing,
  withInvocationMetrics,
  withLangfuseKeys,
} from '@alex/agents';
import {
  type AgentName,
  createLogger,
  createMetricsEmitter,
  type Env,
  type MetricsEmitter,
} from '@alex/core';
import { createDataApiClient, createRepositories } from '@alex/database';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { plannerEnv } from './env.ts';
import type { PlannerDeps } from './planner.ts';
import { createSqsHandler } from './sqs-handler.ts';

/** What the planner's handler is built from: the job runner's dependencies and the trace flush. */
export interface PlannerHandlerDeps extends PlannerDeps {
  flushTraces: () => Promise<void>;
}

/** The planner's Lambda handler over explicit dependencies: SQS batch in, partial-batch failures out. */
export function createPlannerHandler(
  deps: PlannerHandlerDeps,
): (event: SQSEvent) => Promise<SQSBatchResponse> {
  const processBatch = createSqsHandler(deps);
  return async (event) => {
    try {
      return await processBatch(event);
    } finally {
      await deps.flushTraces();
    }
  };
}

/**
 * The planner's dependencies built from an environment, read once and validated (errors name the
 * variable). Agents are invoked as Lambdas when their function names are set, else through
 * `handlers` in this process. Every agent call emits InvocationCount, Duration and FailureCount to
 * `metrics` (EMF lines on stdout by default).
 */
export async function plannerHandlerDeps(
  env: Env,
  handlers: Partial<Record<AgentName, AgentHandler>> = {},
  metrics: MetricsEmitter = createMetricsEmitter(),
): Promise<PlannerHandlerDeps> {
  const settings = plannerEnv(env);
  const logger = createLogger({ level: settings.logLevel, bound: { service: 'planner' } });
  const tracing = configureTracing(await withLangfuseKeys(settings.env, logger), logger);
  return {
    repos: createRepositories(createDataApiClient(settings.database)),
    invoker: withInvocationMetrics(agentInvokerFromEnv(settings.env, handlers), metrics),
    logger,
    staleAfterSeconds: settings.staleAfterSeconds,
    flushTraces: tracing.flush,
  };
}
