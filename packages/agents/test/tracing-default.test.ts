import { Agent, addTraceProcessor, run, setTracingDisabled, type TracingProcessor } from '@openai/agents';
import { describe, expect, it } from 'vitest';
import { createModel } from '../src/bedrock-model.ts';
import { defaultOfflineScript } from '../src/offline-script.ts';

describe('trace export before configureTracing', () => {
  it('sends nothing to the SDK default processors once a model has been created', async () => {
    // Stands in for the SDK's default OpenAI exporter, which is installed on import.
    const seen: string[] = [];
    const defaultProcessor: TracingProcessor = {
      onTraceStart: async (trace) => void seen.push(trace.name),
      onTraceEnd: async () => {},
      onSpanStart: async (span) => void seen.push(span.spanData.type),
      onSpanEnd: async () => {},
      shutdown: async () => {},
      forceFlush: async () => {},
    };
    setTracingDisabled(false);
    addTraceProcessor(defaultProcessor);

    const model = createModel({ provider: 'offline' }, defaultOfflineScript);
    await run(new Agent({ name: 'Writer', instructions: '', model }), 'hello');

    expect(seen).toEqual([]);
  });
});
