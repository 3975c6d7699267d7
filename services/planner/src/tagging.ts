import { type InstrumentToTag, TAGGER_MAX_INSTRUMENTS, type TaggerResult } from '@alex/agents';
import { MAX_TAG_OUTCOMES, type TagOutcome } from '@alex/contract';
import type { Repositories } from '@alex/database';

/** The most instruments the tagger accepts in one call (its event schema refuses more). */
export const TAGGER_BATCH_SIZE = TAGGER_MAX_INSTRUMENTS;

/** What tagging a whole portfolio came to: every batch merged, plus the symbols left cooling off. */
export interface TaggingOutcome {
  called: boolean;
  tagged: string[];
  unresolved: { symbol: string; reason: string }[];
  /** Symbols not sent because the tagger failed on them within the cooling-off period. */
  coolingOff?: string[];
}

/** Splits `items` into consecutive batches of at most `size`. */
export function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Tags `toTag` in batches the tagger accepts. A symbol the tagger failed on recently is not sent
 * again until its cooling-off period ends (it is reported unresolved instead), and each symbol the
 * tagger leaves unresolved starts one, so an unknown symbol costs one model call a day, not one per job.
 * A batch that throws propagates: the caller fails the job, naming the tagger.
 */
export async function tagInBatches(
  toTag: readonly InstrumentToTag[],
  repos: Pick<Repositories, 'instruments'>,
  callTagger: (instruments: InstrumentToTag[]) => Promise<TaggerResult>,
): Promise<TaggingOutcome> {
  const cooling = new Set(await repos.instruments.coolingOff(toTag.map((i) => i.symbol)));
  const unresolved = [...cooling].map((symbol) => ({
    symbol,
    reason: 'could not be classified recently; not retried until the cooling-off period ends',
  }));
  const pending = toTag.filter((i) => !cooling.has(i.symbol));
  const tagged: string[] = [];
  for (const batch of batches(pending, TAGGER_BATCH_SIZE)) {
    const result = await callTagger(batch);
    tagged.push(...(result.tagged ?? []));
    const failed = result.unresolved ?? [];
    await repos.instruments.markTagFailed(failed.map((u) => u.symbol));
    unresolved.push(...failed);
  }
  return { called: pending.length > 0, tagged, unresolved, coolingOff: [...cooling] };
}

/** The tagger's outcome for each symbol of `toTag`, for the job's progress. */
export function tagOutcomes(toTag: readonly InstrumentToTag[], tagging: TaggingOutcome): TagOutcome[] {
  const tagged = new Set(tagging.tagged);
  const cooling = new Set(tagging.coolingOff ?? []);
  return toTag.slice(0, MAX_TAG_OUTCOMES).map(({ symbol }) => ({
    symbol,
    outcome: tagged.has(symbol) ? 'classified' : cooling.has(symbol) ? 'not_retried' : 'not_found',
  }));
}

/** The outcomes in one sentence each, for the progress message (shown as is by the SPA). */
export function describeTagOutcomes(outcomes: readonly TagOutcome[]): string {
  const of = (outcome: TagOutcome['outcome']) =>
    outcomes.filter((o) => o.outcome === outcome).map((o) => o.symbol);
  const list = (symbols: string[]) =>
    symbols.length <= 1 ? symbols.join('') : `${symbols.slice(0, -1).join(', ')} and ${symbols.at(-1)}`;
  const [classified, notFound, notRetried] = [of('classified'), of('not_found'), of('not_retried')];
  const sentences: string[] = [];
  if (classified.length > 0) sentences.push(`Classified ${list(classified)}.`);
  if (notFound.length > 0) {
    sentences.push(
      `Not found: ${list(notFound)}. Check the symbol, or enter its price and class yourself on the Portfolio page.`,
    );
  }
  if (notRetried.length > 0) {
    sentences.push(
      `${list(notRetried)} could not be found in the last 24 hours and ${notRetried.length === 1 ? 'was' : 'were'} not looked up again; check the symbol, or enter its price and class yourself on the Portfolio page.`,
    );
  }
  return sentences.join(' ').slice(0, 2000);
}
