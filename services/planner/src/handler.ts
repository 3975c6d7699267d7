import { createPlannerHandler, plannerHandlerDeps } from './create-handler.ts';

// The environment is read once per container; a bad variable fails the cold start, naming it.
/** Lambda entry point: SQS batch in, partial-batch failures out; traces flushed before returning. */
export const handler = createPlannerHandler(await plannerHandlerDeps(process.env));
