import { FALLBACK_GENERATED_BY } from '@alex/contract/plain';
import { createMetricsEmitter, type Logger, METRIC_NAMES, type MetricsEmitter } from '@alex/core';
import { type Agent, MaxTurnsExceededError, ModelBehaviorError } from '@openai/agents';
import { groundingIssue, ungroundedFigures } from './grounding.ts';
import type { ModelConfig } from './model-config.ts';
import { runWithOutputRetry } from './output-retry.ts';
import { recordJobEvent, withJobTrace } from './tracing.ts';

export { FALLBACK_GENERATED_BY };

/** The disclaimer every report and analysis ends with (added by code when the model leaves it out). */
export const DISCLAIMER = 'AI-generated analysis, not financial advice.';

/** The text with the disclaimer as its last line, whether or not the writer put it there. */
export function withDisclaimer(markdown: string): string {
  return markdown.includes(DISCLAIMER) ? markdown : `${markdown.trimEnd()}\n\n---\n\n_${DISCLAIMER}_`;
}

/** The `generated_by` of text the chosen model wrote: the Bedrock model id, or 'offline'. */
export const generatedByOf = (model: ModelConfig): string =>
  model.provider === 'bedrock' ? model.modelId : 'offline';

/** What every agent job needs from its service, built once per container. */
export interface AgentJobDeps {
  logger: Logger;
  /** Stored as `generated_by` when the model's answer is used. */
  generatedBy: string;
  /** Adds one to the agent's fallback count in the job's progress. */
  recordFallback: (jobId: string, agent: string) => Promise<void>;
  /** Where FallbackCount goes (default: Embedded Metric Format lines on stdout, read by CloudWatch). */
  metrics?: MetricsEmitter;
}

/** One agent's part of an analysis job: the run, how to check its answer, and the fallback writer. */
export interface AgentJob<TContext, TOutput, TStored> {
  /** The agent's name in progress, logs, traces and the metric's `Agent` dimension. */
  name: string;
  traceName: string;
  jobId: string;
  userId: string;
  // biome-ignore lint/suspicious/noExplicitAny: Agent is invariant in its context; the run checks the pair.
  agent: Agent<TContext, any>;
  /** The run's input: the task, with the computed facts the agent needs. */
  input: string;
  context: TContext;
  maxTurns: number;
  /** Re-asks after a rejected answer (default 1). */
  outputRetries?: number;
  /** The prose of an answer, whose every money amount and percentage must be one of `facts`. */
  prose: (output: TOutput) => string[];
  /** The figures code computed for this run (read after each answer: tools may have added some). */
  facts: () => unknown;
  /** The offline writer's answer from the same facts, used when the model's stays unusable. */
  fallback: () => TOutput | Promise<TOutput>;
  /** Stores the answer with its `generated_by`; its result is the job's. */
  store: (output: TOutput, generatedBy: string) => Promise<TStored>;
}

/** The model gave no usable answer: invalid or ungrounded after the re-ask, or out of turns. */
const isUnusableAnswer = (err: unknown): err is Error =>
  err instanceof ModelBehaviorError || err instanceof MaxTurnsExceededError;

/**
 * Runs one agent job in one place for every writer: run the agent with its facts, check the answer
 * (the schema, then every stated figure against the computed facts), re-ask once naming what was
 * wrong, and if the answer is still unusable store the offline writer's text instead, marked
 * `generated_by: 'offline-fallback'`, counted in the job's progress, logged, traced and emitted as the
 * FallbackCount metric. Other errors (model or database unreachable) throw, so the job fails naming
 * the agent.
 */
export async function runAgentJob<TContext, TOutput, TStored>(
  job: AgentJob<TContext, TOutput, TStored>,
  deps: AgentJobDeps,
): Promise<TStored> {
  const logger = deps.logger.child({ job_id: job.jobId, user_id: job.userId, agent: job.name });
  const metrics = deps.metrics ?? createMetricsEmitter();
  const metadata = { job_id: job.jobId, user_id: job.userId, agent: job.name };
  return withJobTrace(job.traceName, metadata, async () => {
    let output: TOutput;
    let generatedBy = deps.generatedBy;
    try {
      const result = await runWithOutputRetry(job.agent, job.input, {
        context: job.context,
        maxTurns: job.maxTurns,
        outputRetries: job.outputRetries ?? 1,
        check: (answer) => groundingIssue(ungroundedFigures(job.prose(answer as TOutput), job.facts())),
      });
      output = result.finalOutput as TOutput;
    } catch (err: unknown) {
      if (!isUnusableAnswer(err)) throw err;
      logger.warn("the model's answer is unusable after the re-ask; the offline writer takes over", {
        reason: err.message.slice(0, 1000),
        generated_by: FALLBACK_GENERATED_BY,
      });
      output = await job.fallback();
      generatedBy = FALLBACK_GENERATED_BY;
      await deps.recordFallback(job.jobId, job.name);
      await recordJobEvent('fallback', { ...metadata, reason: err.message.slice(0, 1000) });
    }
    metrics.emit(METRIC_NAMES.fallbacks, generatedBy === FALLBACK_GENERATED_BY ? 1 : 0, 'Count', {
      Agent: job.name,
    });
    return job.store(output, generatedBy);
  });
}
