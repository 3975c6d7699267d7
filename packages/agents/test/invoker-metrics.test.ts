import { createMetricsEmitter } from '@alex/core';
import { describe, expect, it } from 'vitest';
import type { AgentInvoker } from '../src/invoker.ts';
import { withInvocationMetrics } from '../src/invoker-metrics.ts';
import { SAMPLE_REPLIES } from '../src/testing.ts';

const JOB = { job_id: '0b7c9a52-1d3e-4f6a-8b9c-0d1e2f3a4b5c', clerk_user_id: 'user_test_123' };

/** The EMF lines an emitter wrote, parsed; each is what CloudWatch Logs turns into a data point. */
function recorder() {
  const lines: Record<string, unknown>[] = [];
  const metrics = createMetricsEmitter({ sink: (line) => lines.push(JSON.parse(line)), clock: () => 1_000 });
  return { lines, metrics };
}

const points = (lines: Record<string, unknown>[]) =>
  lines.map((line) => {
    const meta = (line._aws as { CloudWatchMetrics: { Namespace: string; Metrics: { Name: string }[] }[] })
      .CloudWatchMetrics[0];
    const name = meta?.Metrics[0]?.Name as string;
    return { namespace: meta?.Namespace, agent: line.Agent, name, value: line[name] };
  });

describe('agent invocation metrics', () => {
  it('emit InvocationCount, Duration and FailureCount 0 per agent call, in Alex/Agents', async () => {
    const { lines, metrics } = recorder();
    let t = 0;
    const reply = SAMPLE_REPLIES.reporter;
    const invoker = {
      invoke: async () => {
        t += 250;
        return reply;
      },
    } as AgentInvoker;
    const result = await withInvocationMetrics(invoker, metrics, () => t).invoke('reporter', JOB);
    expect(result).toEqual(reply);
    expect(points(lines)).toEqual([
      { namespace: 'Alex/Agents', agent: 'reporter', name: 'InvocationCount', value: 1 },
      { namespace: 'Alex/Agents', agent: 'reporter', name: 'Duration', value: 250 },
      { namespace: 'Alex/Agents', agent: 'reporter', name: 'FailureCount', value: 0 },
    ]);
  });

  it('count a failed call as a failure and let the error through', async () => {
    const { lines, metrics } = recorder();
    const invoker: AgentInvoker = {
      invoke: async () => {
        throw new Error('charter: Bedrock throttled');
      },
    };
    await expect(withInvocationMetrics(invoker, metrics, () => 0).invoke('charter', JOB)).rejects.toThrow(
      'Bedrock throttled',
    );
    expect(points(lines).find((p) => p.name === 'FailureCount')).toEqual({
      namespace: 'Alex/Agents',
      agent: 'charter',
      name: 'FailureCount',
      value: 1,
    });
    expect(points(lines).filter((p) => p.name === 'InvocationCount')).toHaveLength(1);
  });
});
