import { createMetricsEmitter, silentLogger } from '@alex/core';
import { Agent } from '@openai/agents';
import { assistantMessage, modelError, ScriptedModel } from '@openai/agents/testing';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type AgentJob, FALLBACK_GENERATED_BY, runAgentJob } from '../src/agent-job.ts';
import { OUTPUT_RETRY_NOTE } from '../src/offline-label.ts';

const Answer = z.object({ text: z.string().min(1) });
type Answer = z.infer<typeof Answer>;
const say = (text: string) => [assistantMessage(JSON.stringify({ text }))];

/** A one-field writer over `model`, its facts a total of $12,345.67 and a 45.3% share. */
function job(model: ScriptedModel): AgentJob<undefined, Answer, { text: string; generatedBy: string }> {
  return {
    name: 'reporter',
    traceName: 'test writer',
    jobId: '00000000-0000-4000-8000-000000000001',
    userId: 'user_test',
    agent: new Agent<undefined, typeof Answer>({
      name: 'Writer',
      instructions: 'Write.',
      model,
      outputType: Answer,
    }),
    input: 'Write one sentence.',
    context: undefined,
    maxTurns: 2,
    prose: (answer) => [answer.text],
    facts: () => ({ total: 12_345.67, share: 45.3 }),
    fallback: () => ({ text: 'Offline text.' }),
    store: async (answer, generatedBy) => ({ text: answer.text, generatedBy }),
  };
}

function deps() {
  const fallbacks: string[] = [];
  const lines: string[] = [];
  return {
    fallbacks,
    lines,
    deps: {
      logger: silentLogger,
      generatedBy: 'claude-test',
      recordFallback: async (_jobId: string, agent: string) => void fallbacks.push(agent),
      metrics: createMetricsEmitter({ sink: (line) => void lines.push(line), clock: () => 0 }),
    },
  };
}

describe('runAgentJob', () => {
  it("stores the model's answer when its figures are the computed ones, and emits a zero FallbackCount", async () => {
    const { deps: d, fallbacks, lines } = deps();

    const stored = await runAgentJob(job(new ScriptedModel([say('Worth $12,346, 45% in stocks.')])), d);

    expect(stored).toEqual({ text: 'Worth $12,346, 45% in stocks.', generatedBy: 'claude-test' });
    expect(fallbacks).toEqual([]);
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ Agent: 'reporter', FallbackCount: 0 });
  });

  it('asks again naming an invented figure, and stores the corrected answer', async () => {
    const model = new ScriptedModel([say('Worth $99,999.'), say('Worth $12,345.67.')]);

    const stored = await runAgentJob(job(model), deps().deps);

    const retry = JSON.stringify(model.calls[1]?.request.input);
    expect(retry).toContain(OUTPUT_RETRY_NOTE);
    expect(retry).toContain('not in the tool results: $99,999');
    expect(stored.generatedBy).toBe('claude-test');
  });

  it('stores the fallback, marked and counted once, when the second answer invents a figure too', async () => {
    const { deps: d, fallbacks, lines } = deps();
    const model = new ScriptedModel([say('Worth $99,999.'), say('A 100% success rate.')]);

    const stored = await runAgentJob(job(model), d);

    expect(stored).toEqual({ text: 'Offline text.', generatedBy: FALLBACK_GENERATED_BY });
    expect(fallbacks).toEqual(['reporter']);
    expect(lines.map((line) => JSON.parse(line))).toEqual([
      expect.objectContaining({ Agent: 'reporter', FallbackCount: 1 }),
    ]);
  });

  it('fails without a fallback when the model cannot be reached', async () => {
    const { deps: d, fallbacks } = deps();
    const denied = Object.assign(new Error('no access to the model'), { name: 'AccessDeniedException' });

    await expect(runAgentJob(job(new ScriptedModel([modelError(denied)])), d)).rejects.toThrow('no access');
    expect(fallbacks).toEqual([]);
  });
});
