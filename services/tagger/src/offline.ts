import type { OfflineScript, OfflineStep } from '@alex/agents';
import type { TaggerOutput } from './agent.ts';
import { instrumentFromPrompt } from './prompts.ts';
import type { ReferenceAnswer } from './tools.ts';

/** Marks the offline model's rationale, which users see next to the classification in traces and logs. */
export const OFFLINE_RATIONALE_NOTE = 'Offline model: copied from the reference table, not judged by Claude.';

const unknown = (symbol: string, reason: string): { output: TaggerOutput } => ({
  output: { outcome: { known: false, symbol, reason } },
});

/** The reference-data tool's answer, once it has been called. */
function referenceAnswer(results: readonly { name: string; output: unknown }[]): ReferenceAnswer | undefined {
  const result = results.findLast((r) => r.name === 'lookup_reference_data');
  const output = result?.output;
  if (typeof output !== 'object' || output === null || !('found' in output)) return undefined;
  return output as ReferenceAnswer;
}

/**
 * The tagger's offline script: look the symbol up, then answer with the reference table's figures. A
 * symbol the table lacks is answered `known: false`: the offline model has no knowledge of its own and
 * never invents a price or allocations.
 */
export const taggerOfflineScript: OfflineScript = {
  name: 'tagger',
  next(turn): OfflineStep {
    const instrument = instrumentFromPrompt(turn.input);
    if (instrument === undefined) return unknown('UNKNOWN', 'the task did not name an instrument');
    const answer = referenceAnswer(turn.toolResults);
    if (answer === undefined) {
      return { toolCalls: [{ name: 'lookup_reference_data', arguments: { symbol: instrument.symbol } }] };
    }
    if (!answer.found) {
      return unknown(
        instrument.symbol,
        'not in the reference table, and the offline model does not estimate prices or allocations',
      );
    }
    const output: TaggerOutput = {
      outcome: {
        known: true,
        symbol: answer.symbol,
        name: answer.name,
        instrument_type: answer.instrument_type,
        current_price: answer.current_price,
        allocation_asset_class: answer.allocation_asset_class,
        allocation_regions: answer.allocation_regions,
        allocation_sectors: answer.allocation_sectors,
        confidence: 'high',
        rationale: `${OFFLINE_RATIONALE_NOTE} Figures from lookup_reference_data (${answer.price_note}).`,
      },
    };
    return { output };
  },
};
