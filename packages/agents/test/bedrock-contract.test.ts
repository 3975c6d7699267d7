import { createAmazonBedrock } from '@ai-sdk/amazon-bedrock';
import { Agent, type Model, run, tool } from '@openai/agents';
import { aisdk } from '@openai/agents-extensions/ai-sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { bedrockRequestShape } from '../src/bedrock-capabilities.ts';
import { createModel } from '../src/bedrock-model.ts';
import { shapeCallOptions } from '../src/bedrock-request.ts';
import { type ConverseFake, startConverseFake } from '../src/converse-fake/index.ts';
import { DEFAULT_BEDROCK_MODEL_ID } from '../src/model-config.ts';
import { defaultOfflineScript } from '../src/offline-script.ts';

const SONNET_4 = 'us.anthropic.claude-sonnet-4-20250514-v1:0';
const CREDENTIALS = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
};

// A tool whose Zod schema carries limits JSON Schema states as minItems/maxItems/minLength/maxLength.
const lookup = tool({
  name: 'lookup_symbols',
  description: 'Looks symbols up.',
  parameters: z.object({ symbols: z.array(z.string().min(1).max(12)).min(1).max(3) }),
  execute: async ({ symbols }) => ({ found: symbols.length, pattern: 'ticker' }),
});
const Answer = z.object({ found: z.number(), pattern: z.string() });
const input = JSON.stringify({ symbols: ['VTI', 'BND'] });

let fake: ConverseFake;
beforeAll(async () => {
  fake = await startConverseFake({ writer: (turn) => defaultOfflineScript.next(turn) });
});
afterAll(async () => fake.close());
beforeEach(() => {
  fake.calls.length = 0;
});

const agentOn = (model: Model) =>
  new Agent({
    name: 'Looker',
    instructions: 'Look the symbols up.',
    model,
    tools: [lookup],
    outputType: Answer,
  });
const shapedModel = (modelId: string) =>
  createModel({ provider: 'bedrock', modelId, region: 'us-east-1' }, defaultOfflineScript, {
    bedrockBaseUrl: fake.url,
    bedrockCredentials: CREDENTIALS,
    retry: { sleep: async () => {} },
  });
/** The provider as it comes, without our request shaping. */
const unshapedModel = (modelId: string) =>
  aisdk(
    createAmazonBedrock({ region: 'us-east-1', baseURL: fake.url, ...CREDENTIALS })(modelId),
  ) as unknown as Model;
const toolSpecs = (index: number) =>
  (
    (fake.calls[index]?.body.toolConfig ?? { tools: [] }) as {
      tools: { toolSpec: Record<string, unknown> }[];
    }
  ).tools.map((t) => t.toolSpec);

describe('the Bedrock request contract', () => {
  it('decides strict per family: Sonnet 4 and Opus 4.7 reject the key, Sonnet 4.6 accepts it', () => {
    expect(bedrockRequestShape(SONNET_4)).toMatchObject({ sendStrict: false, droppedKeywords: [] });
    expect(bedrockRequestShape('us.anthropic.claude-opus-4-7')).toMatchObject({ sendStrict: false });
    expect(bedrockRequestShape(DEFAULT_BEDROCK_MODEL_ID)).toMatchObject({
      family: 'claude-4.5/4.6',
      sendStrict: true,
    });
    expect(bedrockRequestShape(DEFAULT_BEDROCK_MODEL_ID).droppedKeywords).toContain('maxItems');
    expect(bedrockRequestShape('amazon.nova-pro-v1:0')).toMatchObject({
      family: 'unknown',
      sendStrict: false,
    });
  });

  it('removes rejected keywords by schema structure, keeping a property named like one', () => {
    const schema = {
      type: 'object',
      properties: {
        pattern: { type: 'string', minLength: 1 },
        list: { type: 'array', maxItems: 3, items: { type: 'number', minimum: 0 } },
      },
      required: ['pattern', 'list'],
    };
    const shaped = shapeCallOptions(
      { prompt: [], tools: [{ type: 'function', name: 't', inputSchema: schema as never, strict: true }] },
      bedrockRequestShape(DEFAULT_BEDROCK_MODEL_ID),
    );
    expect(shaped.tools?.[0]).toEqual({
      type: 'function',
      name: 't',
      strict: true,
      inputSchema: {
        type: 'object',
        properties: { pattern: { type: 'string' }, list: { type: 'array', items: { type: 'number' } } },
        required: ['pattern', 'list'],
      },
    });
  });

  it('fails a Sonnet 4 request that carries strict, as Bedrock does', async () => {
    await expect(run(agentOn(unshapedModel(SONNET_4)), input)).rejects.toThrow(
      /tools\.0\.custom\.strict: Extra inputs are not permitted/,
    );
  });

  it('fails a strict Sonnet 4.6 request whose schema keeps maxItems, as Bedrock does', async () => {
    await expect(run(agentOn(unshapedModel(DEFAULT_BEDROCK_MODEL_ID)), input)).rejects.toThrow(
      /tools\.0\.custom: For 'array' type, property '(minItems|maxItems)' is not supported/,
    );
  });

  it.each([SONNET_4, DEFAULT_BEDROCK_MODEL_ID])(
    'runs the agent on %s once the request is shaped',
    async (modelId) => {
      const result = await run(agentOn(shapedModel(modelId)), input);

      expect(result.finalOutput).toEqual({ found: 2, pattern: 'ticker' });
      expect(fake.calls.map((c) => c.error)).toEqual([undefined, undefined]);
      const spec = toolSpecs(0).find((s) => s.name === 'lookup_symbols');
      expect('strict' in (spec ?? {})).toBe(modelId === DEFAULT_BEDROCK_MODEL_ID);
      expect(JSON.stringify(spec)).toContain(
        modelId === DEFAULT_BEDROCK_MODEL_ID ? '"symbols"' : '"maxItems":3',
      );
    },
  );

  it('still enforces the limits it removed: a tool input over maxItems is refused by Zod', async () => {
    const tooMany = { symbols: ['A', 'B', 'C', 'D'] };
    fake.script('*', () => ({
      kind: 'turn',
      turn: {
        content: [{ toolUse: { toolUseId: 'tooluse_x', name: 'lookup_symbols', input: tooMany } }],
        stopReason: 'tool_use',
      },
    }));

    await run(agentOn(shapedModel(DEFAULT_BEDROCK_MODEL_ID)), input);

    const answered = JSON.stringify(fake.calls[1]?.body.messages);
    expect(answered).toContain('tooluse_x');
    expect(answered).toMatch(/Invalid JSON input for tool|too_big|expected array to have <=3/i);
  });
});
