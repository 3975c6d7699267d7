export { createPlannerHandler, type PlannerHandlerDeps, plannerHandlerDeps } from './create-handler.ts';
export { type AnalysisPlan, planAnalysis } from './decide.ts';
export { plannerEnv } from './env.ts';
export { type JobOutcome, type PlannerDeps, runAnalysisJob } from './planner.ts';
export { AnalysisMessage, createSqsHandler } from './sqs-handler.ts';
