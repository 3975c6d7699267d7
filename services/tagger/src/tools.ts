import { type RunContext, tool } from '@openai/agents';
import { z } from 'zod';
import { REFERENCE_PRICE_NOTE, type ReferenceEntry, type ReferenceLookup } from './reference-data.ts';

/** What one tagger run can reach: the reference table, and the job it belongs to (for logs and traces). */
export interface TaggerContext {
  reference: ReferenceLookup;
  jobId: string | undefined;
}

/** What `lookup_reference_data` answers. */
export type ReferenceAnswer =
  | ({ found: true; price_note: string } & ReferenceEntry)
  | { found: false; symbol: string; message: string };

/** Reads the run context; a run started without one is a programming error. */
function contextOf(runContext: RunContext<TaggerContext> | undefined): TaggerContext {
  const context = runContext?.context;
  if (context === undefined) throw new Error('lookup_reference_data needs the tagger run context');
  return context;
}

/** Looks a symbol up in the bundled reference table. */
export const lookupReferenceData = tool({
  name: 'lookup_reference_data',
  description:
    "Looks a ticker symbol up in Alex's reference table of well-known stocks and ETFs. Returns its name, " +
    'type, an approximate price in USD and complete asset-class, region and sector allocations, or ' +
    '{found: false} when the table does not have it.',
  parameters: z.object({ symbol: z.string().min(1).max(20).describe("Ticker symbol, e.g. 'AAPL'") }),
  execute: async ({ symbol }, runContext?: RunContext<TaggerContext>): Promise<ReferenceAnswer> => {
    const entry = contextOf(runContext).reference(symbol);
    if (entry === undefined) {
      return {
        found: false,
        symbol: symbol.trim().toUpperCase(),
        message: 'not in the reference table',
      };
    }
    return { found: true, price_note: REFERENCE_PRICE_NOTE, ...entry };
  },
});
