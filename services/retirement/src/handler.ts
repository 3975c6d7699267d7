import { createRetirementHandler, retirementHandlerDeps } from './create-handler.ts';

// The environment is read once per container; a bad variable fails the cold start, naming it.
/** Lambda entry point: `{job_id, clerk_user_id}` in, `{success_rate, estimated_income}` out. */
export const handler = createRetirementHandler(await retirementHandlerDeps(process.env));
