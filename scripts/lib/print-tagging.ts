import type { Instrument } from '@alex/database';

/** The tagger's answer as run-agent receives it (the handler's JSON). */
export interface TaggingAnswer {
  tagged?: string[];
  unresolved?: { symbol: string; reason: string }[];
  classifications?: { symbol: string; confidence: string; rationale: string }[];
  skipped?: string[];
}

const shares = (allocation: Record<string, number> | null | undefined): string =>
  Object.entries(allocation ?? {})
    .sort(([, a], [, b]) => b - a)
    .map(([key, value]) => `${key} ${value}%`)
    .join(', ');

/**
 * Prints, per symbol asked for, what the tagger did: the stored classification with the model's
 * confidence and rationale, "already classified" (the model was not called), or why it was not.
 */
export function printTagging(
  symbols: readonly string[],
  answer: TaggingAnswer,
  stored: ReadonlyMap<string, Instrument | null>,
  print: (line: string) => void = console.log,
): void {
  for (const symbol of symbols) {
    const unresolved = answer.unresolved?.find((u) => u.symbol === symbol);
    const note = answer.classifications?.find((c) => c.symbol === symbol);
    const row = stored.get(symbol);
    if (unresolved) {
      print(`✖ ${symbol}: not classified: ${unresolved.reason}`);
    } else if (answer.skipped?.includes(symbol)) {
      print(`• ${symbol}: already classified, left as it is (the model was not called)`);
    } else if (note && row) {
      print(
        `✓ ${symbol}: ${row.name} (${row.instrument_type ?? 'unknown type'}), $${row.current_price} a share`,
      );
      print(`    asset class  ${shares(row.allocation_asset_class)}`);
      print(`    regions      ${shares(row.allocation_regions)}`);
      print(`    sectors      ${shares(row.allocation_sectors)}`);
      print(`    confidence   ${note.confidence}`);
      print(`    rationale    ${note.rationale}`);
    } else {
      print(`? ${symbol}: the tagger did not report on it`);
    }
  }
}
