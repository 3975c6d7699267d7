import { describe, expect, it } from 'vitest';
import { startConverseFake } from '../src/converse-fake/server.ts';
import { validateConverseRequest } from '../src/converse-fake/validate.ts';

const MODEL = 'us.anthropic.claude-sonnet-4-6';
const tool = (name: string, extra: Record<string, unknown> = {}) => ({
  toolSpec: {
    name,
    description: 'A tool.',
    inputSchema: { json: { type: 'object', properties: {} } },
    ...extra,
  },
});
const user = (...content: unknown[]) => ({ role: 'user', content });
const assistant = (...content: unknown[]) => ({ role: 'assistant', content });
const use = (id: string) => ({ toolUse: { toolUseId: id, name: 'a', input: {} } });
const result = (id: string) => ({ toolResult: { toolUseId: id, content: [{ text: '{}' }] } });
const valid = {
  system: [{ text: 'Be brief.' }],
  messages: [user({ text: 'hi' }), assistant(use('t1'), use('t2')), user(result('t1'), result('t2'))],
  toolConfig: { tools: [tool('a')], toolChoice: { auto: {} } },
  inferenceConfig: { maxTokens: 100 },
};
const check =
  (body: unknown, model = MODEL) =>
  () =>
    validateConverseRequest(body, model);

describe('the Converse fake’s request validation', () => {
  it('accepts a well-formed conversation with parallel tool results', () => {
    expect(check(valid)).not.toThrow();
  });

  it.each([
    [
      'an unknown top-level member',
      { ...valid, temperature: 0 },
      /Unknown parameter in ConverseRequest: "temperature"/,
    ],
    [
      'a conversation starting with the assistant',
      { messages: [assistant({ text: 'x' })] },
      /must start with a user message/,
    ],
    [
      'two user turns in a row',
      { messages: [user({ text: 'a' }), user({ text: 'b' })] },
      /must alternate between user and assistant/,
    ],
    ['a blank text block', { messages: [user({ text: '  ' })] }, /messages\.0\.content\.0 is blank/],
    [
      'a blank system prompt',
      { system: [{ text: '' }], messages: [user({ text: 'a' })] },
      /system\.0 is blank/,
    ],
    [
      'a toolResult with no toolUse before it',
      { ...valid, messages: [user({ text: 'hi' }), assistant({ text: 'ok' }), user(result('t9'))] },
      /exceeds the number of toolUse blocks of previous turn/,
    ],
    [
      'a toolUse left unanswered',
      { ...valid, messages: [user({ text: 'hi' }), assistant(use('t1'), use('t2')), user(result('t1'))] },
      /Expected toolResult blocks at messages\.2\.content for the following Ids: t2/,
    ],
    [
      'a tool schema that is not an object',
      {
        ...valid,
        toolConfig: { tools: [{ toolSpec: { name: 'a', inputSchema: { json: { type: 'array' } } } }] },
      },
      /inputSchema\.json\.type must be one of the following: object/,
    ],
    ['a toolUse without toolConfig', { messages: valid.messages }, /toolConfig field must be defined/],
    ['maxTokens of zero', { ...valid, inferenceConfig: { maxTokens: 0 } }, /maxTokens/],
    [
      'a toolChoice naming an unknown tool',
      { ...valid, toolConfig: { tools: [tool('a')], toolChoice: { tool: { name: 'b' } } } },
      /The tool b in toolChoice/,
    ],
  ])('refuses %s', (_name, body, message) => {
    expect(check(body)).toThrow(message);
  });

  it('applies the model’s rules: strict is refused by presence on Sonnet 4, keywords under strict on Sonnet 4.6', () => {
    const strict = { ...valid, toolConfig: { tools: [tool('a', { strict: false })] } };
    const limited = {
      ...valid,
      toolConfig: {
        tools: [
          tool('a', {
            strict: true,
            inputSchema: { json: { type: 'object', properties: { s: { type: 'array', maxItems: 2 } } } },
          }),
        ],
      },
    };

    expect(check(strict, 'us.anthropic.claude-sonnet-4-20250514-v1:0')).toThrow(
      'The model returned the following errors: tools.0.custom.strict: Extra inputs are not permitted',
    );
    expect(check(strict)).not.toThrow();
    expect(check(limited)).toThrow("tools.0.custom: For 'array' type, property 'maxItems' is not supported");
  });

  it('answers a refused request with HTTP 400 in Bedrock’s shape', async () => {
    const fake = await startConverseFake();
    try {
      const response = await fetch(`${fake.url}/model/${encodeURIComponent(MODEL)}/converse`, {
        method: 'POST',
        body: JSON.stringify({ messages: [assistant({ text: 'x' })] }),
      });

      expect(response.status).toBe(400);
      expect(response.headers.get('x-amzn-errortype')).toMatch(/^ValidationException:/);
      expect(await response.json()).toEqual({
        message:
          'A conversation must start with a user message. Try again with a conversation that starts with a user message.',
      });
      expect(fake.calls[0]?.error).toMatch(/must start with a user message/);
    } finally {
      await fake.close();
    }
  });
});
