import { AgentJobEvent, type RetirementResult, runWithOutputRetry, withJobTrace } from '@alex/agents';
import { portfolioFacts, retirementInputs } from '@alex/analysis';
import type { Logger } from '@alex/core';
import type { Repositories } from '@alex/database';
import { projectionChart, runMonteCarlo } from '@alex/finance';
import { MaxTurnsExceededError, type Model, ModelBehaviorError } from '@openai/agents';
import type { z } from 'zod';
import { createRetirementSpecialist, type RetirementAnalysis } from './agent.ts';
import { offlineWhatIf } from './offline.ts';
import { writeOfflineAnalysis } from './offline-analysis.ts';
import { DISCLAIMER, retirementRequest } from './prompts.ts';
import { runWhatIf, summarise } from './scenario.ts';
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
  /** Extra runs allowed when the model's final answer fails the schema (default 1). */
  outputRetries?: number;
}

/** The text with the disclaimer as its last line, whether or not the model wrote it. */
export function withDisclaimer(markdown: string): string {
  return markdown.includes(DISCLAIMER) ? markdown : `${markdown.trimEnd()}\n\n---\n\n_${DISCLAIMER}_`;
}

/** The model gave no usable analysis: invalid after the re-ask, or out of turns. */
const isUnusableAnswer = (err: unknown): boolean =>
  err instanceof ModelBehaviorError || err instanceof MaxTurnsExceededError;

/** Runs the Retirement Specialist: its analysis, or undefined when its answers were unusable. */
async function modelAnalysis(
  context: RetirementContext,
  event: RetirementEvent,
  deps: RetirementDeps,
  logger: Logger,
): Promise<RetirementAnalysis | undefined> {
  try {
    const agent = createRetirementSpecialist(deps.model);
    const result = await runWithOutputRetry(agent, retirementRequest(event.job_id, event.clerk_user_id), {
      context,
      maxTurns: 10,
      outputRetries: deps.outputRetries ?? 1,
    });
    return result.finalOutput;
  } catch (err: unknown) {
    if (!isUnusableAnswer(err)) throw err;
    logger.warn('analysis unusable after the re-ask; the offline writer takes over', { err });
    return undefined;
  }
}

/** The deterministic analysis of the same runs, labelled as offline (with its own what-if if none ran). */
function fallbackAnalysis(context: RetirementContext): RetirementAnalysis {
  const base = summarise(context.inputs, context.baseline, {}, context.inputs.notes);
  const whatIf = context.whatIfs[0] ?? runWhatIf(context.inputs, offlineWhatIf(base));
  if (context.whatIfs.length === 0) context.whatIfs.push(whatIf);
  return writeOfflineAnalysis(base, whatIf);
}

/**
 * Projects one job's retirement: the portfolio's facts become Monte Carlo inputs seeded by the job,
 * the baseline runs here in code (its numbers and chart are what gets stored), and the Retirement
 * Specialist explains them, exploring what-ifs through its tool. A final answer that fails the schema
 * is asked for again once; if that fails too, the offline writer's analysis (labelled) is stored.
 * Other errors throw, so the planner fails the job naming the retirement agent.
 */
export async function projectRetirement(
  event: RetirementEvent,
  deps: RetirementDeps,
): Promise<RetirementResult> {
  const logger = deps.logger.child({ job_id: event.job_id, user_id: event.clerk_user_id });
  const portfolio = await deps.repos.portfolio.get(event.clerk_user_id);
  const inputs = retirementInputs(portfolioFacts(portfolio), event.job_id);
  const baseline = runMonteCarlo(inputs);
  const context: RetirementContext = { inputs, baseline, whatIfs: [] };
  const analysis = await withJobTrace(
    '🎯 Retirement Specialist',
    { job_id: event.job_id, user_id: event.clerk_user_id, agent: 'retirement' },
    async () => {
      const written = await modelAnalysis(context, event, deps, logger);
      return written === undefined
        ? { ...fallbackAnalysis(context), fallback: true }
        : { ...written, fallback: false };
    },
  );
  const { unclassifiedValue, notes, currentValue, annualContribution, targetIncome, allocation } = inputs;
  await deps.repos.retirement.save(event.clerk_user_id, event.job_id, {
    estimated_income: baseline.sustainableIncome,
    success_rate: baseline.successRate,
    summary: analysis.summary,
    detail: withDisclaimer(analysis.detail),
    chart: projectionChart(baseline),
    assumptions: {
      ...baseline.assumptions,
      inputs: { currentValue, annualContribution, targetIncome, allocation, unclassifiedValue },
      notes,
      what_ifs: context.whatIfs.map((w) => ({ changed: w.changed, success_rate: w.success_rate })),
      // Says when the words are the offline writer's because the model's answers were unusable.
      ...(analysis.fallback ? { text_generated_by: 'offline-fallback' } : {}),
    },
  });
  logger.info('retirement projection stored', {
    success_rate: baseline.successRate,
    estimated_income: baseline.sustainableIncome,
    what_ifs: context.whatIfs.length,
  });
  return { success_rate: baseline.successRate, estimated_income: baseline.sustainableIncome };
}
