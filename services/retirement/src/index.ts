export { createRetirementSpecialist, RetirementAnalysis } from './agent.ts';
export { createRetirementHandler, retirementHandlerDeps } from './create-handler.ts';
export { type RetirementFigures, retirementFigures } from './figures.ts';
export { EXTRA_CONTRIBUTION, offlineWhatIf, retirementScript, YEARS_EARLIER } from './offline.ts';
export { describeChange, verdict, writeOfflineAnalysis } from './offline-analysis.ts';
export { RETIREMENT_INSTRUCTIONS, RETIREMENT_THRESHOLDS } from './prompts.ts';
export {
  projectRetirement,
  type RetirementDeps,
  RetirementEvent,
  type RetirementResult,
} from './retirement.ts';
export { MAX_WHAT_IFS, runWhatIf, type ScenarioSummary, summarise, type WhatIf } from './scenario.ts';
export { type RetirementContext, retirementTools } from './tools.ts';
