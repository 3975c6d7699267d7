import { type AgentName, METRIC_NAMES, type MetricsEmitter } from '@alex/core';
import type { AgentInvoker } from './invoker.ts';
import type { AgentInput, AgentOutput } from './registry.ts';

/**
 * Wraps an invoker so every agent call emits the gameplan's custom metrics in namespace
 * `Alex/Agents`, dimension `Agent`: InvocationCount (1), Duration (milliseconds, success or not) and
 * FailureCount (1 when the call failed, else 0, so the failure rate is FailureCount / InvocationCount).
 * The planner's invoke is the one place every agent call passes, on Lambda and locally.
 */
export function withInvocationMetrics(
  invoker: AgentInvoker,
  metrics: MetricsEmitter,
  now: () => number = Date.now,
): AgentInvoker {
  return {
    async invoke<A extends AgentName>(agent: A, payload: AgentInput<A>): Promise<AgentOutput<A>> {
      const started = now();
      const dimensions = { Agent: agent };
      let failed = false;
      try {
        return await invoker.invoke(agent, payload);
      } catch (err: unknown) {
        failed = true;
        throw err;
      } finally {
        metrics.emit(METRIC_NAMES.invocations, 1, 'Count', dimensions);
        metrics.emit(METRIC_NAMES.duration, now() - started, 'Milliseconds', dimensions);
        metrics.emit(METRIC_NAMES.failures, failed ? 1 : 0, 'Count', dimensions);
      }
    },
  };
}
