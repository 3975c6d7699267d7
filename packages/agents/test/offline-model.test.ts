import { Agent, run, tool } from '@openai/agents';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createModel } from '../src/bedrock-model.ts';
import { OFFLINE_LABEL } from '../src/offline-label.ts';
import { OfflineModel, type OfflineScript, type OfflineTurn } from '../src/offline-model.ts';
import { defaultOfflineScript } from '../src/offline-script.ts';
import { runWithOutputRetry } from '../src/output-retry.ts';

const PortfolioSummary = z.object({
  total_value: z.number(),
  largest_holding: z.string(),
  summary: z.string(),
});

/** A tool that computes figures, as the finance package does for the real agents. */
const valuePortfolio = tool({
  name: 'value_portfolio',
  description: 'Values the positions.',
  parameters: z.object({ positions: z.array(z.object({ symbol: z.string(), value: z.number() })) }),
  execute: async ({ positions }) => {
    const sorted = [...positions].sort((a, b) => b.value - a.value);
    return {
      total_value: positions.reduce((sum, p) => sum + p.value, 0),
      largest_holding: sorted[0]?.symbol ?? '',
    };
  },
});

/** A service-style script: call the tool with the input, then write the answer from its result. */
const summaryScript: OfflineScript = {
  name: 'summary',
  next(turn: OfflineTurn) {
    if (turn.toolResults.length === 0) {
      return { toolCalls: [{ name: 'value_portfolio', arguments: JSON.parse(turn.input) }] };
    }
    const figures = turn.toolResults[0]?.output as { total_value: number; largest_holding: string };
    return {
      output: {
        ...figures,
        summary: `${OFFLINE_LABEL}\n\nWorth ${figures.total_value}, led by ${figures.largest_holding}.`,
      },
    };
  },
};

const input = JSON.stringify({
  positions: [
    { symbol: 'VTI', value: 600 },
    { symbol: 'BND', value: 400 },
  ],
});

function summaryAgent(script: OfflineScript = summaryScript) {
  return new Agent({
    name: 'Summary',
    instructions: 'Summarise the portfolio.',
    model: new OfflineModel(script),
    tools: [valuePortfolio],
    outputType: PortfolioSummary,
  });
}

describe('OfflineModel', () => {
  it('calls a tool through the real run loop and returns output built from its result', async () => {
    const result = await run(summaryAgent(), input);

    expect(result.finalOutput).toEqual({
      total_value: 1000,
      largest_holding: 'VTI',
      summary: `${OFFLINE_LABEL}\n\nWorth 1000, led by VTI.`,
    });
    expect(result.newItems.map((item) => item.type)).toEqual([
      'tool_call_item',
      'tool_call_output_item',
      'message_output_item',
    ]);
  });

  it('gives the same output for the same input', async () => {
    const first = await run(summaryAgent(), input);
    const second = await run(summaryAgent(), input);

    expect(second.finalOutput).toEqual(first.finalOutput);
  });

  it('tells the script the turn number and what the tools returned', async () => {
    const turns: OfflineTurn[] = [];
    const recording: OfflineScript = {
      name: 'recording',
      next: (turn) => {
        turns.push(turn);
        return summaryScript.next(turn);
      },
    };

    await run(summaryAgent(recording), input);

    expect(turns.map((t) => t.turn)).toEqual([1, 2]);
    expect(turns[0]).toMatchObject({
      tools: ['value_portfolio'],
      wantsStructuredOutput: true,
      toolResults: [],
    });
    expect(turns[1]?.toolResults).toEqual([
      {
        name: 'value_portfolio',
        arguments: JSON.parse(input),
        output: { total_value: 1000, largest_holding: 'VTI' },
      },
    ]);
  });

  it('starts a text agent answer with the offline label', async () => {
    const agent = new Agent({
      name: 'Writer',
      instructions: 'Write about the portfolio.',
      model: createModel({ provider: 'offline' }, defaultOfflineScript),
      tools: [valuePortfolio],
    });

    const result = await run(agent, input);

    expect(result.finalOutput?.startsWith(OFFLINE_LABEL)).toBe(true);
    expect(result.finalOutput).toContain('"total_value": 1000');
  });

  it('fills a structured output from same-named tool result fields with the default script', async () => {
    const agent = new Agent({
      name: 'Default',
      instructions: 'Summarise.',
      model: createModel({ provider: 'offline' }, defaultOfflineScript),
      tools: [valuePortfolio],
      outputType: PortfolioSummary,
    });

    const result = await run(agent, input);

    expect(result.finalOutput?.total_value).toBe(1000);
    expect(result.finalOutput?.largest_holding).toBe('VTI');
    expect(result.finalOutput?.summary.startsWith(OFFLINE_LABEL)).toBe(true);
  });

  it('reports estimated token usage without any network', async () => {
    const result = await run(summaryAgent(), input);

    expect(result.state.usage.requests).toBe(2);
    expect(result.state.usage.inputTokens).toBeGreaterThan(0);
  });

  it('tells the script why its previous answer was rejected when runWithOutputRetry runs it again', async () => {
    const errors: (string | undefined)[] = [];
    const sloppy: OfflineScript = {
      name: 'sloppy',
      next: (turn) => {
        if (turn.toolResults.length === 0) return summaryScript.next(turn);
        errors.push(turn.lastError);
        return turn.lastError === undefined ? { output: { total_value: 'lots' } } : summaryScript.next(turn);
      },
    };

    const result = await runWithOutputRetry(summaryAgent(sloppy), input);

    expect(result.finalOutput?.total_value).toBe(1000);
    expect(errors[0]).toBeUndefined();
    expect(errors[1]).toContain('at "total_value": Invalid input: expected number, received string');
  });

  it('retries a throttled offline step through createModel and then answers', async () => {
    let calls = 0;
    const sleeps: number[] = [];
    const flaky: OfflineScript = {
      name: 'flaky',
      next: (turn) => {
        calls += 1;
        if (calls === 1) throw Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
        return defaultOfflineScript.next(turn);
      },
    };
    const model = createModel({ provider: 'offline' }, flaky, {
      retry: { random: () => 0, sleep: async (ms) => void sleeps.push(ms) },
    });

    const result = await run(new Agent({ name: 'Writer', instructions: '', model }), 'hello');

    expect(result.finalOutput?.startsWith(OFFLINE_LABEL)).toBe(true);
    expect(sleeps).toEqual([500]);
  });

  it('streams the same answer when the run is streamed', async () => {
    const stream = await run(summaryAgent(), input, { stream: true });
    await stream.completed;

    expect(stream.finalOutput?.total_value).toBe(1000);
  });

  it('fails clearly when a script returns an empty list of tool calls', async () => {
    const empty: OfflineScript = { name: 'empty', next: () => ({ toolCalls: [] }) };

    await expect(run(summaryAgent(empty), input)).rejects.toThrow(
      'offline script empty returned no tool calls on turn 1',
    );
  });
});
