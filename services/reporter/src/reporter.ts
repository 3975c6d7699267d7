import { AgentJobEvent, type ReporterResult, runWithOutputRetry, withJobTrace } from '@alex/agents';
import { portfolioFacts } from '@alex/analysis';
import type { Logger } from '@alex/core';
import type { Repositories } from '@alex/database';
import { type KnowledgeStore, marketInsights } from '@alex/knowledge';
import { MaxTurnsExceededError, type Model, ModelBehaviorError } from '@openai/agents';
import type { z } from 'zod';
import { createReportWriter, type PortfolioReport } from './agent.ts';
import { writeOfflineReport } from './offline-report.ts';
import { portfolioAnalysis } from './portfolio-analysis.ts';
import { DISCLAIMER, reportRequest } from './prompts.ts';
import type { ReporterContext } from './tools.ts';

/** The planner's call: which job, for which user. */
export const ReporterEvent = AgentJobEvent;
export type ReporterEvent = z.infer<typeof ReporterEvent>;

/** What this agent answers the planner, as the agent registry declares it. */
export type { ReporterResult };

/** What `writeReport` needs; the handler builds it once per container, tests build their own. */
export interface ReporterDeps {
  repos: Repositories;
  model: Model;
  store: KnowledgeStore;
  /** Stored as `generated_by`: the Bedrock model id, or 'offline'. */
  generatedBy: string;
  logger: Logger;
  /** Extra runs allowed when the model's final answer fails the report schema (default 1). */
  outputRetries?: number;
  now?: () => number;
}

/** The report with the disclaimer as its last line, whether or not the model wrote it. */
export function withDisclaimer(markdown: string): string {
  return markdown.includes(DISCLAIMER) ? markdown : `${markdown.trimEnd()}\n\n---\n\n_${DISCLAIMER}_`;
}

/** `generated_by` of a report the offline writer wrote because the model's answers were unusable. */
export const FALLBACK_GENERATED_BY = 'offline-fallback';

/** The model gave no usable report: invalid after the re-ask, or out of turns. */
const isUnusableAnswer = (err: unknown): boolean =>
  err instanceof ModelBehaviorError || err instanceof MaxTurnsExceededError;

/** Runs the Report Writer: its report, or undefined when its answers were unusable. */
async function modelReport(context: ReporterContext, event: ReporterEvent, deps: ReporterDeps) {
  try {
    const result = await runWithOutputRetry(
      createReportWriter(deps.model),
      reportRequest(event.job_id, event.clerk_user_id),
      {
        context,
        maxTurns: 10,
        outputRetries: deps.outputRetries ?? 1,
      },
    );
    return result.finalOutput;
  } catch (err: unknown) {
    if (!isUnusableAnswer(err)) throw err;
    context.logger.warn('report unusable after the re-ask; the offline writer takes over', { err });
    return undefined;
  }
}

/** The deterministic report from the same facts, labelled as offline; fetches insights if the model did not. */
async function fallbackReport(context: ReporterContext): Promise<PortfolioReport> {
  const analysis = portfolioAnalysis(context.facts);
  const symbols = analysis.holdings.slice(0, 5).map((h) => h.symbol);
  if (context.insights === undefined && symbols.length > 0) {
    context.insights = await marketInsights(context.store, symbols, { logger: context.logger });
  }
  return writeOfflineReport(analysis, context.insights);
}

/**
 * Writes and stores the portfolio report of one job: loads the portfolio, computes its facts, runs the
 * Report Writer (its tools hand it the facts and market insights), then saves summary and markdown.
 * A final answer that fails the schema is asked for again once, naming what was wrong; if that fails
 * too, the offline writer's report (labelled as such) is stored with `generated_by` 'offline-fallback'.
 * Other errors (the model or database unreachable) throw, so the planner fails the job naming the reporter.
 */
export async function writeReport(event: ReporterEvent, deps: ReporterDeps): Promise<ReporterResult> {
  const now = deps.now ?? Date.now;
  const started = now();
  const logger = deps.logger.child({ job_id: event.job_id, user_id: event.clerk_user_id });
  const portfolio = await deps.repos.portfolio.get(event.clerk_user_id);
  const context: ReporterContext = { facts: portfolioFacts(portfolio), store: deps.store, logger };
  const { report, generatedBy } = await withJobTrace(
    '📝 Report Writer',
    { job_id: event.job_id, user_id: event.clerk_user_id, agent: 'reporter' },
    async () => {
      const written = await modelReport(context, event, deps);
      return written === undefined
        ? { report: await fallbackReport(context), generatedBy: FALLBACK_GENERATED_BY }
        : { report: written, generatedBy: deps.generatedBy };
    },
  );
  const markdown = withDisclaimer(report.report_markdown);
  await deps.repos.reports.saveText(event.clerk_user_id, event.job_id, {
    report_summary: report.executive_summary,
    report_detail: markdown,
    generated_by: generatedBy,
    processing_time_ms: Math.max(0, Math.round(now() - started)),
  });
  const insightsAvailable = context.insights?.available === true;
  logger.info('report stored', {
    report_chars: markdown.length,
    insights_available: insightsAvailable,
    generated_by: generatedBy,
  });
  return { report_chars: markdown.length, insights_available: insightsAvailable };
}
