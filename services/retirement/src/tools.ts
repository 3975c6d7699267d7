import type { RetirementInputs } from '@alex/analysis';
import { DEFAULT_PATHS, DEFAULT_RETIREMENT_YEARS, type MonteCarloResult } from '@alex/finance';
import { type RunContext, tool } from '@openai/agents';
import { z } from 'zod';
import { changesOf, MAX_WHAT_IFS, runWhatIf, type ScenarioSummary, summarise } from './scenario.ts';

/** What the Retirement Specialist's tool needs for one run, passed as `run(agent, input, { context })`. */
export interface RetirementContext {
  /** The user's own Monte Carlo inputs, computed from the portfolio and seeded by the job. */
  inputs: RetirementInputs;
  /** The baseline run on those inputs, computed by code before the agent starts (what gets stored). */
  baseline: MonteCarloResult;
  /** What-ifs run so far in this agent run. */
  whatIfs: ScenarioSummary[];
}

function contextOf(runContext: RunContext<RetirementContext> | undefined): RetirementContext {
  if (runContext === undefined) throw new Error('the Retirement Specialist tool needs a run context');
  return runContext.context;
}

const WhatIfParameters = z.object({
  annual_contribution: z
    .number()
    .min(0)
    .max(1_000_000)
    .optional()
    .describe("Dollars added each year until retirement; omit to keep the user's"),
  target_income: z
    .number()
    .min(0)
    .max(10_000_000)
    .optional()
    .describe("Yearly retirement income in today's dollars; omit to keep the user's target"),
  years_until_retirement: z
    .number()
    .int()
    .min(0)
    .max(60)
    .optional()
    .describe("Years until retirement; omit to keep the user's"),
});

/** Runs the retirement Monte Carlo on the user's inputs, or on a what-if that changes some of them. */
export const runMonteCarloTool = tool({
  name: 'run_monte_carlo',
  description:
    `Runs Alex's retirement Monte Carlo (${DEFAULT_PATHS.toLocaleString('en-US')} correlated market paths, ${DEFAULT_RETIREMENT_YEARS} years of inflation-adjusted ` +
    "withdrawals). With no arguments it returns the baseline on the user's own inputs. Give any of " +
    'annual_contribution, target_income or years_until_retirement to explore a what-if (at most ' +
    `${MAX_WHAT_IFS}). Returns inputs, success_rate (chance the target income lasts: % of paths whose money lasts), ` +
    "portfolio percentiles at retirement in nominal and in today's dollars, sustainable_income_today (the income that lasts in 9 of 10 markets, today's dollars), income_gap_today, assumptions and notes on how the inputs were derived.",
  parameters: WhatIfParameters,
  execute: async (whatIf, runContext?: RunContext<RetirementContext>) => {
    const context = contextOf(runContext);
    if (Object.keys(changesOf(context.inputs, whatIf)).length === 0) {
      return JSON.stringify(summarise(context.inputs, context.baseline, {}, context.inputs.notes));
    }
    // A re-run after invalid output asks the same what-ifs again: answer them from the earlier run.
    const key = JSON.stringify(changesOf(context.inputs, whatIf));
    const earlier = context.whatIfs.find((w) => JSON.stringify(w.changed) === key);
    if (earlier !== undefined) return JSON.stringify(earlier);
    if (context.whatIfs.length >= MAX_WHAT_IFS) {
      return JSON.stringify({
        error: `At most ${MAX_WHAT_IFS} what-ifs per analysis; write the analysis now.`,
      });
    }
    const summary = runWhatIf(context.inputs, whatIf);
    context.whatIfs.push(summary);
    return JSON.stringify(summary);
  },
});

/** The Retirement Specialist's tools. */
export const retirementTools = [runMonteCarloTool];
