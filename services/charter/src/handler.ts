import { charterHandlerDeps, createCharterHandler } from './create-handler.ts';

// The environment is read once per container; a bad variable fails the cold start, naming it.
/** Lambda entry point: `{job_id, clerk_user_id}` in, `{charts}` (stored keys) out. */
export const handler = createCharterHandler(await charterHandlerDeps(process.env));
