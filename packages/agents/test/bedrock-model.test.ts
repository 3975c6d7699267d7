import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent, run } from '@openai/agents';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createModel } from '../src/bedrock-model.ts';
import { defaultOfflineScript } from '../src/offline-script.ts';
import { portfolioInput, valuePortfolio } from './fixtures.ts';

const MODEL_ID = 'us.anthropic.claude-sonnet-4-20250514-v1:0';

interface Received {
  path: string;
  authorization: string | undefined;
  body: Record<string, unknown>;
}

/** Bedrock answers, in order: a status and a Converse-format body. */
let script: { status: number; headers?: Record<string, string>; body: unknown }[] = [];
let received: Received[] = [];
let server: Server;
let baseUrl: string;

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const converse = (content: unknown[], stopReason: string) => ({
  status: 200,
  body: {
    output: { message: { role: 'assistant', content } },
    stopReason,
    usage: { inputTokens: 40, outputTokens: 12, totalTokens: 52 },
    metrics: { latencyMs: 5 },
  },
});

const throttling = {
  status: 429,
  headers: { 'x-amzn-errortype': 'ThrottlingException:http://internal.amazon.com/coral/com.amazon.bedrock/' },
  body: { message: 'Too many requests, please wait before trying again.' },
};

beforeAll(async () => {
  server = createServer(async (request, response) => {
    const body = await readBody(request);
    received.push({
      path: request.url ?? '',
      authorization: request.headers.authorization,
      body: JSON.parse(body),
    });
    const next = script.shift() ?? { status: 500, body: { message: 'no scripted answer left' } };
    response.writeHead(next.status, { 'content-type': 'application/json', ...next.headers });
    response.end(JSON.stringify(next.body));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.close();
  await once(server, 'close');
});

beforeEach(() => {
  script = [];
  received = [];
});

function bedrockAgent(sleeps: number[] = []) {
  const model = createModel(
    { provider: 'bedrock', modelId: MODEL_ID, region: 'us-east-1' },
    defaultOfflineScript,
    {
      bedrockBaseUrl: baseUrl,
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
    script = [
      converse(
        [{ toolUse: { toolUseId: 'tooluse_1', name: 'value_portfolio', input: JSON.parse(portfolioInput) } }],
        'tool_use',
      ),
      // For structured output the provider offers Claude a synthetic `json` tool; Claude answers through it.
      converse(
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
    ];

    const result = await run(bedrockAgent(), portfolioInput);

    expect(result.finalOutput).toEqual({ total_value: 1000, largest_holding: 'VTI' });
    expect(received.map((r) => r.path)).toEqual([
      `/model/${encodeURIComponent(MODEL_ID)}/converse`,
      `/model/${encodeURIComponent(MODEL_ID)}/converse`,
    ]);
    expect(received[0]?.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/us-east-1\/bedrock\//,
    );
    expect(JSON.stringify(received[0]?.body.toolConfig)).toContain('value_portfolio');
    expect(JSON.stringify(received[0]?.body.toolConfig)).toContain('"name":"json"');
    expect(JSON.stringify(received[1]?.body.messages)).toContain('"toolResult"');
    expect(result.state.usage.inputTokens).toBe(80);
  });

  it('retries a ThrottlingException (HTTP 429) with backoff and then succeeds', async () => {
    const sleeps: number[] = [];
    script = [throttling, converse([{ text: '{"total_value":1,"largest_holding":"VTI"}' }], 'end_turn')];

    const result = await run(bedrockAgent(sleeps), portfolioInput);

    expect(result.finalOutput).toEqual({ total_value: 1, largest_holding: 'VTI' });
    expect(received).toHaveLength(2);
    expect(sleeps).toEqual([500]);
  });

  it('stops retrying after the policy’s attempts and surfaces the throttling error', async () => {
    script = Array.from({ length: 6 }, () => throttling);

    await expect(run(bedrockAgent(), portfolioInput)).rejects.toThrow(/Too many requests/);
    expect(received).toHaveLength(6);
  });
});
