import type { OfflineScript, OfflineStep, OfflineTurn } from '@alex/agents';
import { writeOfflineAnalysis } from './offline-analysis.ts';
import type { ScenarioSummary } from './scenario.ts';

/** The extra yearly saving the offline writer tries when the plan falls short. */
export const EXTRA_CONTRIBUTION = 5_000;
/** How much earlier it tries retiring when the plan is on track. */
export const YEARS_EARLIER = 3;

const isScenario = (value: unknown): value is ScenarioSummary =>
  typeof value === 'object' && value !== null && 'success_rate' in value && 'scenario' in value;

/** The what-if worth showing: more saving when the plan falls short, retiring earlier when it does not. */
export function offlineWhatIf(base: ScenarioSummary): Record<string, number> {
  const { inputs } = base;
  if (base.success_rate >= 90 && inputs.years_until_retirement >= YEARS_EARLIER) {
    return { years_until_retirement: inputs.years_until_retirement - YEARS_EARLIER };
  }
  return { annual_contribution: inputs.annual_contribution + EXTRA_CONTRIBUTION };
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
