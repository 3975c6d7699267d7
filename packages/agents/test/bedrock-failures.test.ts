import { Agent, run } from '@openai/agents';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BedrockAccessDeniedError, BedrockError } from '../src/bedrock-errors.ts';
import { createModel } from '../src/bedrock-model.ts';
import {
  CONVERSE_ERRORS,
  type ConverseFake,
  connectionReset,
  cutAtMaxTokens,
  parallelToolUse,
  startConverseFake,
  withTextBeforeToolUse,
} from '../src/converse-fake/index.ts';
import { DEFAULT_BEDROCK_MODEL_ID } from '../src/model-config.ts';
import { defaultOfflineScript } from '../src/offline-script.ts';
import { portfolioInput, valuePortfolio } from './fixtures.ts';

let fake: ConverseFake;
let sleeps: number[] = [];

beforeAll(async () => {
  fake = await startConverseFake({ writer: (turn) => defaultOfflineScript.next(turn) });
});
afterAll(async () => fake.close());
beforeEach(() => {
  fake.calls.length = 0;
  sleeps = [];
});

const valuer = () =>
  new Agent({
    name: 'Valuer',
    instructions: 'Value the portfolio with the tool.',
    model: createModel(
      { provider: 'bedrock', modelId: DEFAULT_BEDROCK_MODEL_ID, region: 'us-east-1' },
      defaultOfflineScript,
      {
        bedrockBaseUrl: fake.url,
        bedrockCredentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
        retry: { random: () => 0, sleep: async (ms) => void sleeps.push(ms) },
      },
    ),
    tools: [valuePortfolio],
    outputType: z.object({ total_value: z.number(), largest_holding: z.string() }),
  });
const answer = { total_value: 1000, largest_holding: 'VTI' };

describe('the Bedrock model against the Converse fake', () => {
  it.each([
    ['a 500 InternalServerException', CONVERSE_ERRORS.internal],
    ['a 408 ModelTimeoutException', CONVERSE_ERRORS.modelTimeout],
    ['a 503 ServiceUnavailableException', CONVERSE_ERRORS.unavailable],
    ['a connection reset', connectionReset],
  ])('retries %s with backoff and then succeeds', async (_name, failure) => {
    fake.script('*', failure);

    const result = await run(valuer(), portfolioInput);

    expect(result.finalOutput).toEqual(answer);
    expect(sleeps).toEqual([500]);
    expect(fake.calls.map((c) => c.reply)).toEqual([failure.kind, 'turn', 'turn']);
  });

  it('fails a 400 at once with Bedrock’s message, the model and the region', async () => {
    fake.script('*', CONVERSE_ERRORS.validation('messages.1.content: tool_use ids must be unique'));

    const error = await run(valuer(), portfolioInput).catch((err: unknown) => err);

    expect(error).toBeInstanceOf(BedrockError);
    expect(error).toMatchObject({ errorType: 'ValidationException', statusCode: 400 });
    expect((error as Error).message).toMatch(
      /^Bedrock ValidationException \(HTTP 400\) from us\.anthropic\.claude-sonnet-4-6 in us-east-1: messages\.1\.content: tool_use ids must be unique/,
    );
    expect(fake.calls).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('turns AccessDenied into one line that says what to fix', async () => {
    fake.script('*', CONVERSE_ERRORS.accessDenied);

    const error = await run(valuer(), portfolioInput).catch((err: unknown) => err);

    expect(error).toBeInstanceOf(BedrockAccessDeniedError);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    expect(message).toContain("You don't have access to the model with the specified model ID.");
    expect(message).toMatch(/Model access\) in us-east-1.*BEDROCK_REGION=us-east-1.*bedrock:InvokeModel/);
  });

  it('handles text and a toolUse in one turn', async () => {
    fake.script('*', withTextBeforeToolUse('Let me value the portfolio first.'));

    const result = await run(valuer(), portfolioInput);

    expect(result.finalOutput).toEqual(answer);
    expect(JSON.stringify(fake.calls[1]?.body.messages)).toContain('Let me value the portfolio first.');
  });

  it('answers two parallel toolUse blocks with two toolResults in the next turn', async () => {
    const positions = JSON.parse(portfolioInput).positions as unknown[];
    fake.script(
      '*',
      parallelToolUse(
        { name: 'value_portfolio', input: { positions: positions.slice(0, 1) } },
        { name: 'value_portfolio', input: { positions: positions.slice(1) } },
      ),
    );

    await run(valuer(), portfolioInput);

    const next = fake.calls[1]?.body.messages as { role: string; content: Record<string, unknown>[] }[];
    expect(next.at(-1)?.content.filter((block) => 'toolResult' in block)).toHaveLength(2);
    expect(fake.calls.map((c) => c.error)).toEqual([undefined, undefined]);
  });

  it('surfaces an answer cut at max_tokens as an invalid answer, not as a result', async () => {
    fake.script('*', (written) => ({ kind: 'turn', turn: written }), cutAtMaxTokens);

    await expect(run(valuer(), portfolioInput)).rejects.toThrow(
      /final assistant output did not match the expected schema/,
    );
    expect(fake.calls.map((c) => c.reply)).toEqual(['turn', 'turn']);
  });
});
