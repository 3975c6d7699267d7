import { Agent, run } from '@openai/agents';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createModel } from '../src/bedrock-model.ts';
import {
  CONVERSE_ERRORS,
  type ConverseFake,
  converseTurn,
  startConverseFake,
} from '../src/converse-fake/index.ts';
import { defaultOfflineScript } from '../src/offline-script.ts';
import { portfolioInput, valuePortfolio } from './fixtures.ts';

const MODEL_ID = 'us.anthropic.claude-sonnet-4-20250514-v1:0';

// Only scripted answers: every request is still validated as Bedrock would (see converse-fake/validate.ts).
let fake: ConverseFake;

beforeAll(async () => {
  fake = await startConverseFake();
});
afterAll(async () => fake.close());
beforeEach(() => {
  fake.calls.length = 0;
});

function bedrockAgent(sleeps: number[] = []) {
  const model = createModel(
    { provider: 'bedrock', modelId: MODEL_ID, region: 'us-east-1' },
    defaultOfflineScript,
    {
      bedrockBaseUrl: fake.url,
      bedrockCredentials: {
        accessKeyId: 'AKIDEXAMPLE',
        secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      },
      retry: { random: () => 0, sleep: async (ms) => void sleeps.push(ms) },
    },
  );
  return new Agent({
    name: 'Valuer',
    instructions: 'Value the portfolio with the tool.',
    model,
    tools: [valuePortfolio],
    outputType: z.object({ total_value: z.number(), largest_holding: z.string() }),
  });
}

describe('the Bedrock model through aisdk()', () => {
  it('calls the Converse API, runs the requested tool, and returns the structured answer', async () => {
    fake.script(
      '*',
      converseTurn(
        [{ toolUse: { toolUseId: 'tooluse_1', name: 'value_portfolio', input: JSON.parse(portfolioInput) } }],
        'tool_use',
      ),
      // For structured output the provider offers Claude a synthetic `json` tool; Claude answers through it.
      converseTurn(
        [
          {
            toolUse: {
              toolUseId: 'tooluse_2',
              name: 'json',
              input: { total_value: 1000, largest_holding: 'VTI' },
            },
          },
        ],
        'tool_use',
      ),
    );

    const result = await run(bedrockAgent(), portfolioInput);

    expect(result.finalOutput).toEqual({ total_value: 1000, largest_holding: 'VTI' });
    expect(fake.calls.map((c) => [c.modelId, c.error])).toEqual([
      [MODEL_ID, undefined],
      [MODEL_ID, undefined],
    ]);
    expect(fake.calls[0]?.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/us-east-1\/bedrock\//,
    );
    expect(JSON.stringify(fake.calls[0]?.body.toolConfig)).toContain('value_portfolio');
    expect(JSON.stringify(fake.calls[0]?.body.toolConfig)).toContain('"name":"json"');
    expect(JSON.stringify(fake.calls[1]?.body.messages)).toContain('"toolResult"');
    expect(result.state.usage.inputTokens).toBeGreaterThan(0);
  });

  it('retries a ThrottlingException (HTTP 429) with backoff and then succeeds', async () => {
    const sleeps: number[] = [];
    fake.script(
      '*',
      CONVERSE_ERRORS.throttling,
      converseTurn([{ text: '{"total_value":1,"largest_holding":"VTI"}' }], 'end_turn'),
    );

    const result = await run(bedrockAgent(sleeps), portfolioInput);

    expect(result.finalOutput).toEqual({ total_value: 1, largest_holding: 'VTI' });
    expect(fake.calls).toHaveLength(2);
    expect(sleeps).toEqual([500]);
  });

  it('stops retrying after the policy’s attempts and surfaces the throttling error', async () => {
    fake.script('*', ...Array.from({ length: 6 }, () => CONVERSE_ERRORS.throttling));

    await expect(run(bedrockAgent(), portfolioInput)).rejects.toThrow(
      /^Bedrock ThrottlingException \(HTTP 429\) from .*: Too many requests/,
    );
    expect(fake.calls).toHaveLength(6);
  });
});
