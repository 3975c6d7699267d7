import { Chart } from '@alex/database';
import { Agent, type Model } from '@openai/agents';
import { z } from 'zod';
import { CHARTER_INSTRUCTIONS } from './prompts.ts';
import { type ChartContext, getChartData } from './tools.ts';

/** The words for one computed chart: its key, and the title and description the model wrote. */
export const ChartText = z.object({
  key: Chart.shape.key.describe('The key of a chart returned by get_chart_data, unchanged'),
  title: Chart.shape.title,
  description: Chart.shape.description,
});
export type ChartText = z.infer<typeof ChartText>;

/**
 * The charter's structured output: words only, one entry per computed chart (usually 4–6). The figures
 * stay the ones code computed; at least one entry, so a small portfolio with fewer charts still fits.
 */
export const ChartTexts = z.object({
  charts: z.array(ChartText).min(1).max(6).describe('One entry per chart from get_chart_data'),
});
export type ChartTexts = z.infer<typeof ChartTexts>;

/** The Chart Maker agent: run context in, {@link ChartTexts} out. */
export type ChartAgent = Agent<ChartContext, typeof ChartTexts>;

/** The Chart Maker agent over `model`, with the chart-data tool. */
export function createChartAgent(model: Model): ChartAgent {
  return new Agent<ChartContext, typeof ChartTexts>({
    name: 'ChartMaker',
    instructions: CHARTER_INSTRUCTIONS,
    model,
    tools: [getChartData],
    outputType: ChartTexts,
  });
}
