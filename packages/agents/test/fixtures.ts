import { Agent, tool } from '@openai/agents';
import { z } from 'zod';
import { OFFLINE_LABEL } from '../src/offline-label.ts';
import { OfflineModel, type OfflineScript } from '../src/offline-model.ts';

/** A tool computing figures, as the finance package does for the real agents. */
export const valuePortfolio = tool({
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

/** The run input the tests use: two positions worth 1000 in all. */
export const portfolioInput = JSON.stringify({
  positions: [
    { symbol: 'VTI', value: 600 },
    { symbol: 'BND', value: 400 },
  ],
});

/** Calls value_portfolio with the input, then writes a labelled sentence from its result. */
export const valuingScript: OfflineScript = {
  name: 'valuing',
  next(turn) {
    if (turn.toolResults.length === 0) {
      return { toolCalls: [{ name: 'value_portfolio', arguments: JSON.parse(turn.input) }] };
    }
    const figures = turn.toolResults[0]?.output as { total_value: number };
    return { output: `${OFFLINE_LABEL}\n\nThe portfolio is worth ${figures.total_value}.` };
  },
};

/** A text agent on the offline model with the valuing tool. */
export const valuingAgent = (name: string) =>
  new Agent({
    name,
    instructions: 'Value the portfolio.',
    model: new OfflineModel(valuingScript),
    tools: [valuePortfolio],
  });
