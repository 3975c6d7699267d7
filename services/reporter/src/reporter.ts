import { runWithOutputRetry, withJobTrace } from '@alex/agents';
import { portfolioFacts } from '@alex/analysis';
import type { Logger } from '@alex/core';
import type { Repositories } from '@alex/database';
import type { KnowledgeStore } from '@alex/knowledge';
import type { Model } from '@openai/agents';
import { z } from 'zod';
import { createReportWriter } from './agent.ts';
import { DISCLAIMER, reportRequest } from './prompts.ts';
import type { ReporterContext } from './tools.ts';

/** The planner's call: which job, for which user. */
export const ReporterEvent = z.object({ job_id: z.uuid(), clerk_user_id: z.string().min(1).max(200) });
export type ReporterEvent = z.infer<typeof ReporterEvent>;

/** What the reporter answers the planner (the report itself is in the database). */
export interface ReporterResult {
  report_chars: number;
  insights_available: boolean;
}

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

/**
 * Writes and stores the portfolio report of one job: loads the portfolio, computes its facts, runs the
 * Report Writer (its tools hand it the facts and market insights), then saves summary and markdown.
 * A final answer that fails the schema is asked for again once, naming what was wrong; a second
 * failure throws, so the planner fails the job naming the reporter.
 */
export async function writeReport(event: ReporterEvent, deps: ReporterDeps): Promise<ReporterResult> {
  const now = deps.now ?? Date.now;
  const started = now();
  const logger = deps.logger.child({ job_id: event.job_id, user_id: event.clerk_user_id });
  const portfolio = await deps.repos.portfolio.get(event.clerk_user_id);
  const context: ReporterContext = { facts: portfolioFacts(portfolio), store: deps.store, logger };
  const agent = createReportWriter(deps.model);
  const result = await withJobTrace(
    'Report Writer',
    { job_id: event.job_id, user_id: event.clerk_user_id, agent: 'reporter' },
    () =>
      runWithOutputRetry(agent, reportRequest(event.job_id, event.clerk_user_id), {
        context,
        maxTurns: 10,
        outputRetries: deps.outputRetries ?? 1,
      }),
  );
  const report = result.finalOutput;
  if (report === undefined) throw new Error('reporter: the Report Writer gave no report');
  const markdown = withDisclaimer(report.report_markdown);
  await deps.repos.reports.saveText(event.clerk_user_id, event.job_id, {
    report_summary: report.executive_summary,
    report_detail: markdown,
    generated_by: deps.generatedBy,
    processing_time_ms: Math.max(0, Math.round(now() - started)),
  });
  const insightsAvailable = context.insights?.available === true;
  logger.info('report stored', { report_chars: markdown.length, insights_available: insightsAvailable });
  return { report_chars: markdown.length, insights_available: insightsAvailable };
}
