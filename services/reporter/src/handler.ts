import { createReporterHandler, reporterHandlerDeps } from './create-handler.ts';

// The environment is read once per container; a bad variable fails the cold start, naming it.
/** Lambda entry point: `{job_id, clerk_user_id}` in, `{report_chars, insights_available}` out. */
export const handler = createReporterHandler(await reporterHandlerDeps(process.env));
