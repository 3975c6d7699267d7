import { z } from 'zod';

/**
 * What the instrument tagger made of one symbol in a job: `classified`; `not_found` (it could not
 * look the symbol up: the user can check it or classify it by hand); `not_retried` (it failed on
 * it within the last day and waits before trying again).
 */
export const TagOutcome = z.strictObject({
  symbol: z.string(),
  outcome: z.enum(['classified', 'not_found', 'not_retried']),
});
export type TagOutcome = z.infer<typeof TagOutcome>;

/** The most per-symbol outcomes one job's progress lists. */
export const MAX_TAG_OUTCOMES = 200;
