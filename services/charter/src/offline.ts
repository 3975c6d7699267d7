import type { OfflineScript, OfflineStep } from '@alex/agents';
import type { ChartText, ChartTexts } from './agent.ts';
import type { ChartData, ChartDataAnswer } from './tools.ts';

/** Ends every offline description, so the user can tell the text is not Claude's. */
export const OFFLINE_CHART_NOTE = '(Offline model: written from the computed figures, not by Claude.)';

const percent = (value: number): string => `${Number(value.toFixed(1))}%`;
const dollars = (value: number): string =>
  `$${value.toLocaleString('en-US', { minimumFractionDigits: 0, maximumFractionDigits: 0 })}`;

/** A chart's largest points first, each shown in its unit (dollars also as a share of the total). */
function largest(chart: ChartData): string[] {
  const total = chart.data.reduce((sum, point) => sum + point.value, 0);
  return [...chart.data]
    .sort((a, b) => b.value - a.value)
    .map((point) =>
      chart.unit === 'usd'
        ? `${point.name} ${dollars(point.value)}${total > 0 ? ` (${percent((point.value / total) * 100)})` : ''}`
        : `${point.name} ${percent(point.value)}`,
    );
}

/** A factual title and description from one chart's figures. */
export function offlineChartText(chart: ChartData): ChartText {
  const points = largest(chart);
  const shown = points.slice(0, 3).join(', ');
  const more = points.length > 3 ? `, and ${points.length - 3} more` : '';
  const what = chart.unit === 'usd' ? 'Largest by value' : 'Largest shares';
  const description = `${what}: ${shown}${more}. ${OFFLINE_CHART_NOTE}`;
  return {
    key: chart.key,
    title: chart.title,
    description:
      description.length <= 500 ? description : `${description.slice(0, 430)}… ${OFFLINE_CHART_NOTE}`,
  };
}

function chartData(results: readonly { name: string; output: unknown }[]): ChartDataAnswer | undefined {
  const output = results.findLast((r) => r.name === 'get_chart_data')?.output;
  if (typeof output !== 'object' || output === null || !('charts' in output)) return undefined;
  return output as ChartDataAnswer;
}

/**
 * The charter's offline script: fetch the chart data, then describe each chart's largest slices
 * (its title stays the fixed one), labelled as offline text.
 */
export const charterOfflineScript: OfflineScript = {
  name: 'charter',
  next(turn): OfflineStep {
    const answer = chartData(turn.toolResults);
    if (answer === undefined) return { toolCalls: [{ name: 'get_chart_data', arguments: {} }] };
    const output: ChartTexts = { charts: answer.charts.slice(0, 6).map(offlineChartText) };
    return { output };
  },
};
