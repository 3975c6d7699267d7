import { createTaggerHandler, taggerHandlerDeps } from './create-handler.ts';

// The environment is read once per container; a bad variable fails the cold start, naming it.
/** Lambda entry point: `{job_id?, instruments}` in, `{tagged, unresolved}` out. */
export const handler = createTaggerHandler(await taggerHandlerDeps(process.env));
