import { AgentJobEvent, type ChartResult, runWithOutputRetry, withJobTrace } from '@alex/agents';
import { portfolioFacts } from '@alex/analysis';
import type { Logger } from '@alex/core';
import type { Chart, Repositories } from '@alex/database';
import { MaxTurnsExceededError, type Model, ModelBehaviorError } from '@openai/agents';
import type { z } from 'zod';
import { type ChartText, createChartAgent } from './agent.ts';
import { charterPrompt } from './prompts.ts';
import type { ChartContext } from './tools.ts';

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
  repos: Pick<Repositories, 'portfolio' | 'reports'>;
  model: Model;
  logger: Logger;
  /** Re-runs after a final answer that fails the schema (default 1). */
  outputRetries?: number;
}

/**
 * Puts the model's words on the computed charts: data, type and key always stay code's; a title and
 * description are taken for each key the model answered, the computed ones kept for keys it skipped;
 * entries for keys that do not exist are ignored (and returned, for the log).
 */
export function mergeChartTexts(
  computed: readonly Chart[],
  texts: readonly ChartText[],
): { charts: Chart[]; ignored: string[] } {
  const byKey = new Map<string, ChartText>();
  for (const text of texts) if (!byKey.has(text.key)) byKey.set(text.key, text);
  const keys = new Set(computed.map((chart) => chart.key));
  const charts = computed.map((chart) => {
    const text = byKey.get(chart.key);
    return text === undefined ? { ...chart } : { ...chart, title: text.title, description: text.description };
  });
  return { charts, ignored: [...byKey.keys()].filter((key) => !keys.has(key)) };
}

/** The model's answer is unusable (invalid after the retry, or no answer): the computed words will do. */
const isUnusableAnswer = (err: unknown): boolean =>
  err instanceof ModelBehaviorError || err instanceof MaxTurnsExceededError;

/** Runs the Chart Maker for one job; its texts, or none when its answer is unusable. */
async function chartTexts(context: ChartContext, deps: ChartDeps, logger: Logger): Promise<ChartText[]> {
  try {
    const result = await runWithOutputRetry(createChartAgent(deps.model), charterPrompt(context.jobId), {
      context,
      maxTurns: 6,
      outputRetries: deps.outputRetries ?? 1,
    });
    return result.finalOutput?.charts ?? [];
  } catch (err: unknown) {
    if (!isUnusableAnswer(err)) throw err;
    logger.warn('chart texts unusable; keeping the computed titles and descriptions', { err });
    return [];
  }
}

/**
 * Makes the charts of one analysis job: computes them from the stored portfolio (finance package), has
 * the Chart Maker write their titles and descriptions, and stores them with the job's report.
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
  return withJobTrace(
    '📈 Chart Maker',
    { job_id: event.job_id, user_id: userId, agent: 'charter' },
    async () => {
      const texts = await chartTexts(context, deps, logger);
      const { charts, ignored } = mergeChartTexts(facts.charts, texts);
      if (ignored.length > 0) logger.warn('ignored texts for charts that do not exist', { keys: ignored });
      await deps.repos.reports.saveCharts(userId, event.job_id, { charts });
      logger.info('charts stored', { keys: charts.map((c) => c.key), titled_by_model: texts.length });
      return { charts: charts.map((chart) => chart.key) };
    },
  );
}
