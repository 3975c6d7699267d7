import type { OfflineScript, OfflineStep, OfflineTurn } from '@alex/agents';
import { writeOfflineAnalysis } from './offline-analysis.ts';
import type { ScenarioSummary } from './scenario.ts';

/** The extra yearly saving the offline writer tries when the plan falls short. */
export const EXTRA_CONTRIBUTION = 5_000;
/** How many years earlier (on track) or later (short, near retirement) it tries retiring. */
export const YEARS_EARLIER = 3;

const isScenario = (value: unknown): value is ScenarioSummary =>
  typeof value === 'object' && value !== null && 'success_rate' in value && 'scenario' in value;

/** Horizon below which extra saving barely moves the outcome, so retiring later is tried instead. */
const SHORT_HORIZON = 5;

/**
 * The what-if worth showing: when the plan falls short, saving $5,000 more a year (or, with under
 * five years to go, retiring 3 years later); when it is on track, retiring 3 years earlier (or, that
 * close to retirement, aiming for 10% more income).
 */
export function offlineWhatIf(base: ScenarioSummary): Record<string, number> {
  const {
    annual_contribution_today: saving,
    years_until_retirement: years,
    target_income_today: income,
  } = base.inputs;
  if (base.success_rate < 90) {
    return years < SHORT_HORIZON
      ? { years_until_retirement: years + YEARS_EARLIER }
      : { annual_contribution: saving + EXTRA_CONTRIBUTION };
  }
  return years >= YEARS_EARLIER
    ? { years_until_retirement: years - YEARS_EARLIER }
    : { target_income: Math.round(income * 1.1) };
}

/**
 * The Retirement Specialist's offline turns: run_monte_carlo with no arguments (the baseline), then
 * one what-if, then summary and detail written from both results (labelled as offline).
 */
export const retirementScript: OfflineScript = {
  name: 'retirement',
  next(turn: OfflineTurn): OfflineStep {
    const runs = turn.toolResults
      .filter((r) => r.name === 'run_monte_carlo')
      .map((r) => r.output)
      .filter(isScenario);
    const base = runs.find((r) => r.scenario === 'baseline');
    if (base === undefined) return { toolCalls: [{ name: 'run_monte_carlo', arguments: {} }] };
    const whatIf = runs.find((r) => r.scenario === 'what-if');
    if (whatIf === undefined && runs.length === 1) {
      return { toolCalls: [{ name: 'run_monte_carlo', arguments: offlineWhatIf(base) }] };
    }
    return { output: writeOfflineAnalysis(base, whatIf) };
  },
};
