import {
  type AgentJobDeps,
  AgentJobEvent,
  type ReporterResult,
  runAgentJob,
  withDisclaimer,
} from '@alex/agents';
import { analysisSnapshot, portfolioFacts } from '@alex/analysis';
import type { Logger, MetricsEmitter } from '@alex/core';
import type { Repositories } from '@alex/database';
import { type KnowledgeStore, marketInsights } from '@alex/knowledge';
import type { Model } from '@openai/agents';
import type { z } from 'zod';
import { createReportWriter, type PortfolioReport } from './agent.ts';
import { writeOfflineReport } from './offline-report.ts';
import { portfolioAnalysis } from './portfolio-analysis.ts';
import { reportRequest } from './prompts.ts';
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
  /** Where the FallbackCount metric goes (default: EMF lines on stdout). */
  metrics?: MetricsEmitter;
  /** Extra runs allowed when the model's final answer is rejected (default 1). */
  outputRetries?: number;
  now?: () => number;
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

/** The runner's view of the reporter's dependencies. */
const agentJobDeps = (deps: ReporterDeps): AgentJobDeps => ({
  logger: deps.logger,
  generatedBy: deps.generatedBy,
  recordFallback: (jobId, agent) => deps.repos.jobs.recordFallback(jobId, agent),
  ...(deps.metrics === undefined ? {} : { metrics: deps.metrics }),
});

/**
 * Writes and stores the portfolio report of one job: loads the portfolio, computes its facts, runs the
 * Report Writer with them (its tools hand it the same facts and market insights), then saves summary
 * and markdown. The shared agent-job runner checks the answer (schema, and every figure against the
 * facts), re-asks once, and falls back to the offline writer's labelled report, marked
 * `generated_by: 'offline-fallback'`. Other errors throw, so the planner fails the job naming the reporter.
 */
export async function writeReport(event: ReporterEvent, deps: ReporterDeps): Promise<ReporterResult> {
  const now = deps.now ?? Date.now;
  const started = now();
  const logger = deps.logger.child({ job_id: event.job_id, user_id: event.clerk_user_id });
  const [portfolio, riskSettings] = await Promise.all([
    deps.repos.portfolio.get(event.clerk_user_id),
    deps.repos.riskRules.get(event.clerk_user_id),
  ]);
  const facts = portfolioFacts(portfolio, riskSettings);
  const context: ReporterContext = { facts, store: deps.store, logger };
  const analysis = portfolioAnalysis(context.facts);
  // What the portfolio looked like for this report, so the report history can compare it later.
  await deps.repos.snapshots.save(event.clerk_user_id, event.job_id, analysisSnapshot(facts));
  const store = async (report: PortfolioReport, generatedBy: string): Promise<ReporterResult> => {
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
    return {
      report_chars: markdown.length,
      insights_available: insightsAvailable,
      generated_by: generatedBy,
    };
  };
  return runAgentJob<ReporterContext, PortfolioReport, ReporterResult>(
    {
      name: 'reporter',
      traceName: '📝 Report Writer',
      jobId: event.job_id,
      userId: event.clerk_user_id,
      agent: createReportWriter(deps.model),
      input: reportRequest(event.job_id, event.clerk_user_id, analysis),
      context,
      maxTurns: 10,
      ...(deps.outputRetries === undefined ? {} : { outputRetries: deps.outputRetries }),
      prose: (report) => [report.executive_summary, report.report_markdown],
      facts: () => ({ analysis, facts: context.facts, insights: context.insights }),
      fallback: () => fallbackReport(context),
      store,
    },
    agentJobDeps(deps),
  );
}
