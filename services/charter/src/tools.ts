import type { Chart } from '@alex/database';
import { type RunContext, tool } from '@openai/agents';
import { z } from 'zod';

/** What one charter run can reach: the charts computed by code for this job's portfolio. */
export interface ChartContext {
  charts: readonly Chart[];
  /** Portfolio value in USD, cash included. */
  totalValue: number;
  jobId: string;
  userId: string;
}

/** The unit of a chart's values: percentages of the portfolio, or dollars (the accounts chart). */
export type ChartUnit = 'percent' | 'usd';

/** Allocation charts are percentages; the accounts chart is in dollars. */
export const unitOf = (chart: Pick<Chart, 'key'>): ChartUnit =>
  chart.key === 'accounts' ? 'usd' : 'percent';

/** One chart as the model sees it: the computed figures, and the default title and description. */
export interface ChartData {
  key: string;
  type: Chart['type'];
  unit: ChartUnit;
  title: string;
  description: string;
  data: { name: string; value: number }[];
}

/** What `get_chart_data` answers. */
export interface ChartDataAnswer {
  total_value_usd: number;
  charts: ChartData[];
}

/** The computed charts without colours (the model has no use for them). */
export function chartDataAnswer(context: ChartContext): ChartDataAnswer {
  return {
    total_value_usd: context.totalValue,
    charts: context.charts.map((chart) => ({
      key: chart.key,
      type: chart.type,
      unit: unitOf(chart),
      title: chart.title,
      description: chart.description,
      data: chart.data.map(({ name, value }) => ({ name, value })),
    })),
  };
}

/** Hands the model the charts computed from the user's portfolio. */
export const getChartData = tool({
  name: 'get_chart_data',
  description:
    "Returns the charts computed from the user's portfolio: for each, its key, chart type, unit (percent " +
    'of portfolio value, or usd), a default title and description, and the data points (name, value). ' +
    'The figures are final: describe them, never change them.',
  parameters: z.object({}),
  execute: async (_args, runContext?: RunContext<ChartContext>): Promise<ChartDataAnswer> => {
    const context = runContext?.context;
    if (context === undefined) throw new Error('get_chart_data needs the charter run context');
    return chartDataAnswer(context);
  },
});
