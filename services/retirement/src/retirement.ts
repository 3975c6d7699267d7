import {
  type AgentJobDeps,
  AgentJobEvent,
  type RetirementResult,
  runAgentJob,
  withDisclaimer,
} from '@alex/agents';
import { portfolioFacts, retirementInputs } from '@alex/analysis';
import type { Logger, MetricsEmitter } from '@alex/core';
import type { Repositories } from '@alex/database';
import { projectionChart, runMonteCarlo } from '@alex/finance';
import type { Model } from '@openai/agents';
import type { z } from 'zod';
import { createRetirementSpecialist, type RetirementAnalysis } from './agent.ts';
import { retirementFigures } from './figures.ts';
import { offlineWhatIf } from './offline.ts';
import { writeOfflineAnalysis } from './offline-analysis.ts';
import { RETIREMENT_THRESHOLDS, retirementRequest } from './prompts.ts';
import { runWhatIf, type ScenarioSummary, summarise } from './scenario.ts';
import type { RetirementContext } from './tools.ts';

/** The planner's call: which job, for which user. */
export const RetirementEvent = AgentJobEvent;
export type RetirementEvent = z.infer<typeof RetirementEvent>;

/** What this agent answers the planner, as the agent registry declares it. */
export type { RetirementResult };

/** What `projectRetirement` needs; the handler builds it once per container, tests build their own. */
export interface RetirementDeps {
  repos: Repositories;
  model: Model;
  logger: Logger;
  /** Stored as `generated_by`: the Bedrock model id, or 'offline'. */
  generatedBy: string;
  /** Where the FallbackCount metric goes (default: EMF lines on stdout). */
  metrics?: MetricsEmitter;
  /** Extra runs allowed when the model's final answer is rejected (default 1). */
  outputRetries?: number;
}

/** The deterministic analysis of the same runs, labelled as offline (with its own what-if if none ran). */
function fallbackAnalysis(context: RetirementContext, base: ScenarioSummary): RetirementAnalysis {
  const whatIf = context.whatIfs[0] ?? runWhatIf(context.inputs, offlineWhatIf(base));
  if (context.whatIfs.length === 0) context.whatIfs.push(whatIf);
  return writeOfflineAnalysis(base, whatIf);
}

/**
 * The figures the specialist may state: the baseline and every what-if it ran, how each what-if
 * differs from the baseline (the change itself, success rate and income), and the verdict thresholds.
 */
function retirementFacts(base: ScenarioSummary, whatIfs: readonly ScenarioSummary[]) {
  const differences = whatIfs.map((w) => ({
    changed: Object.values(w.changed).map((c) => c.to - c.from),
    success_rate: w.success_rate - base.success_rate,
    sustainable_income_today: w.sustainable_income_today - base.sustainable_income_today,
  }));
  return { base, whatIfs, differences, thresholds: RETIREMENT_THRESHOLDS };
}

/**
 * Projects one job's retirement: the portfolio's facts and the user's plan become Monte Carlo inputs
 * seeded by those inputs (an unchanged portfolio and plan give identical figures in every job),
 * the baseline runs here in code (its numbers and chart are what gets stored, and the specialist gets
 * them in its input), and the Retirement Specialist explains them, exploring what-ifs through its
 * tool. The shared agent-job runner checks the answer (schema, and every figure against the computed
 * runs), re-asks once, and falls back to the offline writer's labelled analysis, marked
 * `generated_by: 'offline-fallback'`. Other errors throw, so the planner fails the job naming the agent.
 */
export async function projectRetirement(
  event: RetirementEvent,
  deps: RetirementDeps,
): Promise<RetirementResult> {
  const logger = deps.logger.child({ job_id: event.job_id, user_id: event.clerk_user_id });
  const portfolio = await deps.repos.portfolio.get(event.clerk_user_id);
  const inputs = retirementInputs(portfolioFacts(portfolio));
  const baseline = runMonteCarlo(inputs);
  const context: RetirementContext = { inputs, baseline, whatIfs: [] };
  const base = summarise(inputs, baseline, {}, inputs.notes);
  const store = async (analysis: RetirementAnalysis, generatedBy: string): Promise<RetirementResult> => {
    const { unclassifiedValue, notes, currentValue, annualContribution, targetIncome, allocation } = inputs;
    await deps.repos.retirement.save(event.clerk_user_id, event.job_id, {
      estimated_income: baseline.sustainableIncome,
      success_rate: baseline.successRate,
      figures: retirementFigures(inputs, baseline),
      summary: analysis.summary,
      detail: withDisclaimer(analysis.detail),
      chart: projectionChart(baseline, inputs.currentAge === null ? {} : { currentAge: inputs.currentAge }),
      assumptions: {
        ...baseline.assumptions,
        inputs: { currentValue, annualContribution, targetIncome, allocation, unclassifiedValue },
        notes,
        what_ifs: context.whatIfs.map((w) => ({ changed: w.changed, success_rate: w.success_rate })),
      },
      generated_by: generatedBy,
    });
    logger.info('retirement projection stored', {
      success_rate: baseline.successRate,
      estimated_income: baseline.sustainableIncome,
      what_ifs: context.whatIfs.length,
      generated_by: generatedBy,
    });
    return {
      success_rate: baseline.successRate,
      estimated_income: baseline.sustainableIncome,
      generated_by: generatedBy,
    };
  };
  const jobDeps: AgentJobDeps = {
    logger: deps.logger,
    generatedBy: deps.generatedBy,
    recordFallback: (jobId, agent) => deps.repos.jobs.recordFallback(jobId, agent),
    ...(deps.metrics === undefined ? {} : { metrics: deps.metrics }),
  };
  return runAgentJob<RetirementContext, RetirementAnalysis, RetirementResult>(
    {
      name: 'retirement',
      traceName: '🎯 Retirement Specialist',
      jobId: event.job_id,
      userId: event.clerk_user_id,
      agent: createRetirementSpecialist(deps.model),
      input: retirementRequest(event.job_id, event.clerk_user_id, base),
      context,
      maxTurns: 10,
      ...(deps.outputRetries === undefined ? {} : { outputRetries: deps.outputRetries }),
      prose: (analysis) => [analysis.summary, analysis.detail],
      facts: () => retirementFacts(base, context.whatIfs),
      fallback: () => fallbackAnalysis(context, base),
      store,
    },
    jobDeps,
  );
}
