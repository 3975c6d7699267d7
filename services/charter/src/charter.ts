import { type AgentJobDeps, AgentJobEvent, type ChartResult, runAgentJob } from '@alex/agents';
import { portfolioFacts } from '@alex/analysis';
import type { Logger, MetricsEmitter } from '@alex/core';
import type { Chart, Repositories } from '@alex/database';
import type { Model } from '@openai/agents';
import type { z } from 'zod';
import { type ChartText, type ChartTexts, createChartAgent } from './agent.ts';
import { offlineChartText } from './offline.ts';
import { charterPrompt } from './prompts.ts';
import { type ChartContext, type ChartDataAnswer, chartDataAnswer } from './tools.ts';

/** The charter's Lambda event, as the planner sends it. */
export const ChartEvent = AgentJobEvent;
export type ChartEvent = z.input<typeof ChartEvent>;

/** What this agent answers the planner, as the agent registry declares it. */
export type { ChartResult };

/** Raised when there is nothing to chart (a portfolio without value). */
export class ChartingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** What `makeCharts` needs; the handler builds it once per container, tests inject their own. */
export interface ChartDeps {
  repos: Pick<Repositories, 'portfolio' | 'reports' | 'jobs'>;
  model: Model;
  logger: Logger;
  /** Stored as each titled chart's `generated_by`: the Bedrock model id, or 'offline'. */
  generatedBy: string;
  /** Where the FallbackCount metric goes (default: EMF lines on stdout). */
  metrics?: MetricsEmitter;
  /** Re-runs after a rejected final answer (default 1). */
  outputRetries?: number;
}

/**
 * Puts the writer's words on the computed charts: data, type and key always stay code's; a title and
 * description (and `generated_by`, when given) are taken for each key the writer answered, the computed
 * ones kept for keys it skipped; entries for keys that do not exist are ignored (and returned, for the log).
 */
export function mergeChartTexts(
  computed: readonly Chart[],
  texts: readonly ChartText[],
  generatedBy?: string,
): { charts: Chart[]; ignored: string[] } {
  const byKey = new Map<string, ChartText>();
  for (const text of texts) if (!byKey.has(text.key)) byKey.set(text.key, text);
  const keys = new Set(computed.map((chart) => chart.key));
  const charts = computed.map((chart) => {
    const text = byKey.get(chart.key);
    if (text === undefined) return { ...chart };
    const words = { title: text.title, description: text.description };
    return generatedBy === undefined
      ? { ...chart, ...words }
      : { ...chart, ...words, generated_by: generatedBy };
  });
  return { charts, ignored: [...byKey.keys()].filter((key) => !keys.has(key)) };
}

/** The figures the chart text may state: every point, and each dollar point as a share of its chart and of the portfolio. */
function chartFacts(data: ChartDataAnswer) {
  return {
    total_value_usd: data.total_value_usd,
    charts: data.charts.map((chart) => {
      const sum = chart.data.reduce((total, point) => total + point.value, 0);
      const shares =
        chart.unit === 'usd' && sum > 0
          ? chart.data.flatMap((p) => [(p.value / sum) * 100, (p.value / data.total_value_usd) * 100])
          : [];
      return { values: chart.data.map((p) => p.value), shares, count: chart.data.length };
    }),
  };
}

/**
 * Makes the charts of one analysis job: computes them from the stored portfolio (finance package), has
 * the Chart Maker write their titles and descriptions from that data (given in its input and by its
 * tool), and stores them with the job's report. The shared agent-job runner checks the answer (schema,
 * and every figure against the chart data), re-asks once, and falls back to the offline writer's
 * labelled texts, each chart marked `generated_by: 'offline-fallback'`.
 */
export async function makeCharts(event: z.output<typeof ChartEvent>, deps: ChartDeps): Promise<ChartResult> {
  const userId = event.clerk_user_id;
  const logger = deps.logger.child({ job_id: event.job_id, user_id: userId });
  const portfolio = await deps.repos.portfolio.get(userId);
  const facts = portfolioFacts(portfolio);
  if (facts.charts.length === 0) {
    throw new ChartingError('the portfolio has no value to chart; add cash or positions first');
  }
  const context: ChartContext = {
    charts: facts.charts,
    totalValue: facts.valuation.total.value,
    jobId: event.job_id,
    userId,
  };
  const data = chartDataAnswer(context);
  const store = async (texts: ChartTexts, generatedBy: string): Promise<ChartResult> => {
    const { charts, ignored } = mergeChartTexts(facts.charts, texts.charts, generatedBy);
    if (ignored.length > 0) logger.warn('ignored texts for charts that do not exist', { keys: ignored });
    await deps.repos.reports.saveCharts(userId, event.job_id, { charts });
    logger.info('charts stored', {
      keys: charts.map((c) => c.key),
      titled: texts.charts.length,
      generated_by: generatedBy,
    });
    return { charts: charts.map((chart) => chart.key), generated_by: generatedBy };
  };
  const jobDeps: AgentJobDeps = {
    logger: deps.logger,
    generatedBy: deps.generatedBy,
    recordFallback: (jobId, agent) => deps.repos.jobs.recordFallback(jobId, agent),
    ...(deps.metrics === undefined ? {} : { metrics: deps.metrics }),
  };
  return runAgentJob<ChartContext, ChartTexts, ChartResult>(
    {
      name: 'charter',
      traceName: '📈 Chart Maker',
      jobId: event.job_id,
      userId,
      agent: createChartAgent(deps.model),
      input: charterPrompt(event.job_id, data),
      context,
      maxTurns: 6,
      ...(deps.outputRetries === undefined ? {} : { outputRetries: deps.outputRetries }),
      prose: (texts) => texts.charts.flatMap((text) => [text.title, text.description]),
      facts: () => chartFacts(data),
      fallback: () => ({ charts: data.charts.slice(0, 6).map(offlineChartText) }),
      store,
    },
    jobDeps,
  );
}
