import {
  createLogger,
  createMetricsEmitter,
  defineHandler,
  type Env,
  envValue,
  type Logger,
  type LogLevel,
  type MetricsEmitter,
  parseLogLevel,
} from '@alex/core';
import {
  createDataApiClient,
  createRepositories,
  type DatabaseConfig,
  databaseConfigFromEnv,
  type Repositories,
} from '@alex/database';
import type { Model } from '@openai/agents';
import type { z } from 'zod';
import { generatedByOf } from './agent-job.ts';
import { createModel } from './bedrock-model.ts';
import { withLangfuseKeys } from './langfuse-secret.ts';
import { type ModelConfig, modelConfigFromEnv } from './model-config.ts';
import type { OfflineScript } from './offline-model.ts';
import { configureTracing } from './tracing.ts';

/** An agent Lambda's settings, read once from the environment; a bad variable is an error naming it. */
export interface AgentSettings {
  database: DatabaseConfig;
  model: ModelConfig;
  logLevel: LogLevel;
  /** The raw environment, for adapters that choose themselves (tracing, knowledge). */
  env: Env;
}

/** Reads and validates an agent's environment: database, model and log level. */
export function agentSettings(env: Env): AgentSettings {
  return {
    database: databaseConfigFromEnv(env),
    model: modelConfigFromEnv(env),
    logLevel: parseLogLevel(envValue(env, 'LOG_LEVEL')),
    env,
  };
}

/** What every agent handler is built from: its logger, repositories, model and tracing. */
export interface AgentRuntime {
  logger: Logger;
  repos: Repositories;
  model: Model;
  /** Stored as `generated_by` on what the agent writes: the Bedrock model id, or 'offline'. */
  generatedBy: string;
  /** Custom metrics: EMF lines on stdout in Lambda (CloudWatch reads them), the debug log elsewhere. */
  metrics: MetricsEmitter;
  /** Flushes the invocation's traces; the handler calls it after every event. */
  flushTraces: () => Promise<void>;
}

/**
 * Builds an agent's clients once from its settings (per Lambda container, or per local process):
 * the Data API repositories, the model (Bedrock, or the offline `script`) and tracing.
 */
export async function agentRuntime(
  settings: AgentSettings,
  service: string,
  script: OfflineScript,
): Promise<AgentRuntime> {
  const logger = createLogger({ level: settings.logLevel, bound: { service } });
  const tracing = configureTracing(await withLangfuseKeys(settings.env, logger), logger);
  return {
    logger,
    repos: createRepositories(createDataApiClient(settings.database)),
    model: createModel(settings.model, script),
    generatedBy: generatedByOf(settings.model),
    metrics: envValue(settings.env, 'AWS_LAMBDA_FUNCTION_NAME')
      ? createMetricsEmitter()
      : createMetricsEmitter({ sink: (line) => logger.debug('metric', JSON.parse(line)) }),
    flushTraces: tracing.flush,
  };
}

/** What an agent's plain function is given per event: the runtime's clients and the event's logger. */
export interface AgentRunDeps {
  repos: Repositories;
  model: Model;
  generatedBy: string;
  metrics: MetricsEmitter;
  logger: Logger;
}

/**
 * An agent's Lambda handler: the event parsed with the agent's schema, `run` called with the
 * runtime's clients, one log line per invocation, traces flushed after every event.
 */
export function defineAgentHandler<S extends z.ZodType, R>(
  service: string,
  event: S,
  run: (event: z.output<S>, deps: AgentRunDeps) => Promise<R>,
  runtime: AgentRuntime,
): (event: unknown) => Promise<R> {
  return defineHandler({
    service,
    event,
    logger: runtime.logger,
    run: (parsed, logger) =>
      run(parsed, {
        repos: runtime.repos,
        model: runtime.model,
        generatedBy: runtime.generatedBy,
        metrics: runtime.metrics,
        logger,
      }),
    after: runtime.flushTraces,
  });
}
