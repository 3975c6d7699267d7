import type { LanguageModelV3CallOptions, LanguageModelV3GenerateResult } from '@ai-sdk/provider';
import { APICallError } from '@ai-sdk/provider';
import { Agent, type Model, ModelBehaviorError, run } from '@openai/agents';
import { aisdk } from '@openai/agents-extensions/ai-sdk';
import { MockLanguageModelV3 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { RetryingModel } from '../src/model-retry.ts';
import { OUTPUT_RETRY_NOTE } from '../src/offline-label.ts';
import { runWithOutputRetry } from '../src/output-retry.ts';
import { portfolioInput, valuePortfolio } from './fixtures.ts';

const Valuation = z.object({ total_value: z.number(), largest_holding: z.string() });

const usage = {
  inputTokens: { total: 12, noCache: 12, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: 5, text: 5, reasoning: undefined },
};

/** One scripted model turn in the AI SDK's own result format. */
const toolCallTurn = (input: unknown): LanguageModelV3GenerateResult => ({
  content: [
    { type: 'tool-call', toolCallId: 'call_1', toolName: 'value_portfolio', input: JSON.stringify(input) },
  ],
  finishReason: { unified: 'tool-calls', raw: 'tool_use' },
  usage,
  warnings: [],
});
const textTurn = (text: string): LanguageModelV3GenerateResult => ({
  content: [{ type: 'text', text }],
  finishReason: { unified: 'stop', raw: 'end_turn' },
  usage,
  warnings: [],
});

// AiSdkModel's `rawUsage?: T | undefined` is rejected by exactOptionalPropertyTypes; the runtime shape is Model.
const asModel = (mock: MockLanguageModelV3): Model => aisdk(mock) as unknown as Model;

/** A scripted AI SDK model wrapped by aisdk(), exactly as the Bedrock model is. */
function scripted(turns: LanguageModelV3GenerateResult[]) {
  const mock = new MockLanguageModelV3({ provider: 'scripted', modelId: 'claude-test', doGenerate: turns });
  return { mock, model: asModel(mock) };
}

const throttled = () =>
  new APICallError({
    message: 'Too many requests, please wait before trying again.',
    url: 'https://bedrock-runtime.us-east-1.amazonaws.com/model/x/converse',
    requestBodyValues: {},
    statusCode: 429,
    responseBody: '{"message":"Too many requests"}',
    isRetryable: true,
  });

describe('scripted model turns through aisdk()', () => {
  it('runs a tool call and then returns the final structured output', async () => {
    const { mock, model } = scripted([
      toolCallTurn(JSON.parse(portfolioInput)),
      textTurn('{"total_value":1000,"largest_holding":"VTI"}'),
    ]);
    const agent = new Agent({
      name: 'Valuer',
      instructions: 'Value it.',
      model,
      tools: [valuePortfolio],
      outputType: Valuation,
    });

    const result = await run(agent, portfolioInput);

    expect(result.finalOutput).toEqual({ total_value: 1000, largest_holding: 'VTI' });
    const secondPrompt = JSON.stringify((mock.doGenerateCalls[1] as LanguageModelV3CallOptions).prompt);
    expect(secondPrompt).toContain('largest_holding');
    expect(mock.doGenerateCalls[0]?.tools?.map((tool) => tool.name)).toEqual(['value_portfolio']);
  });

  it('ends a plain run with a ModelBehaviorError when the final output fails the schema', async () => {
    const { model } = scripted([textTurn('{"total_value":"a lot"}')]);
    const agent = new Agent({ name: 'Valuer', instructions: 'Value it.', model, outputType: Valuation });

    await expect(run(agent, portfolioInput)).rejects.toBeInstanceOf(ModelBehaviorError);
  });

  it('re-runs the agent with the validation error after invalid output, and the retry succeeds', async () => {
    const { mock, model } = scripted([
      textTurn('{"total_value":"a lot"}'),
      textTurn('{"total_value":1000,"largest_holding":"VTI"}'),
    ]);
    const agent = new Agent({ name: 'Valuer', instructions: 'Value it.', model, outputType: Valuation });

    const result = await runWithOutputRetry(agent, portfolioInput);

    expect(result.finalOutput).toEqual({ total_value: 1000, largest_holding: 'VTI' });
    const retryPrompt = JSON.stringify(mock.doGenerateCalls[1]?.prompt);
    expect(retryPrompt).toContain(OUTPUT_RETRY_NOTE);
    expect(retryPrompt).toContain('at \\"total_value\\"');
    expect(retryPrompt).toContain('expected number');
  });

  it('gives up after the allowed output retries with the last validation error', async () => {
    const { mock, model } = scripted([textTurn('{}'), textTurn('{}'), textTurn('{}')]);
    const agent = new Agent({ name: 'Valuer', instructions: 'Value it.', model, outputType: Valuation });

    await expect(runWithOutputRetry(agent, portfolioInput, { outputRetries: 1 })).rejects.toBeInstanceOf(
      ModelBehaviorError,
    );
    expect(mock.doGenerateCalls).toHaveLength(2);
  });

  it('retries a throttled model call with backoff and then succeeds', async () => {
    const sleeps: number[] = [];
    let calls = 0;
    const mock = new MockLanguageModelV3({
      doGenerate: async () => {
        calls += 1;
        if (calls === 1) throw throttled();
        return textTurn('All good.');
      },
    });
    const model = new RetryingModel(asModel(mock), {
      random: () => 0.5,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    });
    const agent = new Agent({ name: 'Writer', instructions: 'Write.', model });

    const result = await run(agent, 'hello');

    expect(result.finalOutput).toBe('All good.');
    expect(calls).toBe(2);
    expect(sleeps).toEqual([750]); // 1 s ceiling: half fixed, half jitter at random() = 0.5
  });

  it('does not retry a model error that is not throttling', async () => {
    let calls = 0;
    const mock = new MockLanguageModelV3({
      doGenerate: async () => {
        calls += 1;
        throw new APICallError({ message: 'bad request', url: 'x', requestBodyValues: {}, statusCode: 400 });
      },
    });
    const model = new RetryingModel(asModel(mock), {
      sleep: async () => {},
    });

    await expect(run(new Agent({ name: 'Writer', instructions: '', model }), 'hello')).rejects.toThrow(
      'bad request',
    );
    expect(calls).toBe(1);
  });
});
