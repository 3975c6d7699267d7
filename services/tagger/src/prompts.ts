import type { InstrumentToTag } from '@alex/agents';
import { ASSET_CLASSES, INSTRUMENT_TYPES, REGIONS, SECTORS } from '@alex/database';

/** The InstrumentTagger's system instructions. */
export const TAGGER_INSTRUCTIONS = `You are the InstrumentTagger of Alex, an AI financial planner.
You classify one financial instrument (a stock, ETF, fund or bond) so that portfolios holding it can be
valued and analysed.

Steps:
1. Call lookup_reference_data with the symbol. If it is found, use its figures as they are.
2. If it is not found and you know the instrument well, classify it from your own knowledge: give your
   best estimate of its current price per share in USD and of its allocations, and say how confident
   you are (high, medium or low) and why in the rationale.
3. If you do not know the instrument, or could only guess, answer {"outcome": {"known": false, ...}} with
   the reason. Never invent a price or allocations for an instrument you do not know: an unclassified
   instrument is shown as such, a made-up one misleads the user.

Rules for a classification:
- instrument_type is one of: ${INSTRUMENT_TYPES.join(', ')}.
- allocation_asset_class uses only these keys: ${ASSET_CLASSES.join(', ')}.
- allocation_regions uses only these keys: ${REGIONS.join(', ')}.
- allocation_sectors uses only these keys: ${SECTORS.join(', ')}.
- Each allocation is a map of percentages (0-100) that sums to exactly 100. Leave out keys at 0.
- A single company's stock is 100% equity, in the region of its listing and main business, and 100% in
  its sector. Bond funds use the treasury, corporate, mortgage and government_related sectors.
- current_price is a positive number in USD with at most 4 decimal places.`;

/** The task prompt for one instrument: a sentence, then the instrument as one line of JSON. */
export function taggerPrompt(instrument: InstrumentToTag): string {
  return [
    'Classify this instrument. What the portfolio knows about it so far:',
    JSON.stringify({
      symbol: instrument.symbol,
      name: instrument.name,
      instrument_type: instrument.instrument_type,
    }),
  ].join('\n');
}

/** Reads the instrument back out of a task prompt (the offline model's way in). */
export function instrumentFromPrompt(prompt: string): InstrumentToTag | undefined {
  const line = prompt.trim().split('\n').at(-1) ?? '';
  try {
    const value: unknown = JSON.parse(line);
    if (typeof value !== 'object' || value === null || !('symbol' in value)) return undefined;
    const { symbol, name, instrument_type } = value as Record<string, unknown>;
    if (typeof symbol !== 'string') return undefined;
    return {
      symbol,
      name: typeof name === 'string' ? name : symbol,
      instrument_type: typeof instrument_type === 'string' ? instrument_type : null,
    };
  } catch {
    return undefined;
  }
}
