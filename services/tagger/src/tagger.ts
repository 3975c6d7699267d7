import {
  type ClassificationNote,
  type InstrumentToTag,
  runWithOutputRetry,
  type TaggerEvent,
  type TaggerResult,
  withJobTrace,
} from '@alex/agents';
import type { Logger } from '@alex/core';
import { type Instrument, type Repositories, ValidationError } from '@alex/database';
import { MaxTurnsExceededError, type Model, ModelBehaviorError, ModelRefusalError } from '@openai/agents';
import type { z } from 'zod';
import {
  createTaggerAgent,
  type InstrumentClassification,
  type TaggerAgent,
  type TaggerOutput,
} from './agent.ts';
import { mapWithConcurrency } from './concurrency.ts';
import { taggerPrompt } from './prompts.ts';
import { type ReferenceLookup, referenceLookup } from './reference-data.ts';
import { rejectionRecorder } from './rejection.ts';
import type { TaggerContext } from './tools.ts';

/** Raised when no instrument could even be attempted (database or model unreachable for all of them). */
export class TaggingError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** What `tagInstruments` needs; the handler builds it once per container, tests inject their own. */
export interface TaggerDeps {
  repos: Pick<Repositories, 'instruments'>;
  model: Model;
  logger: Logger;
  /** The reference table the lookup tool reads; the bundled one by default. */
  reference?: ReferenceLookup;
  /** Agent runs at once (default 3: Bedrock throttles bursts). */
  concurrency?: number;
  /** Re-runs after a final answer that fails the schema (default 1). */
  outputRetries?: number;
}

type Outcome =
  | { kind: 'tagged'; symbol: string; note: ClassificationNote }
  | { kind: 'skipped'; symbol: string }
  | { kind: 'unresolved'; symbol: string; reason: string; infrastructure: boolean; cause?: unknown };

const isComplete = (row: Instrument | null): boolean =>
  row !== null &&
  row.current_price !== null &&
  row.allocation_asset_class !== null &&
  row.allocation_regions !== null &&
  row.allocation_sectors !== null;

/** Decides whether to store the model's answer: the classification, or the reason it is refused. */
function judge(
  outcome: TaggerOutput['outcome'],
  symbol: string,
): { classification: InstrumentClassification } | { reason: string } {
  if (!outcome.known) return { reason: outcome.reason };
  if (outcome.symbol !== symbol)
    return { reason: `the model classified ${outcome.symbol} instead of ${symbol}` };
  if (outcome.confidence === 'low') return { reason: `the model's confidence is low: ${outcome.rationale}` };
  if (Number(outcome.current_price.toFixed(4)) <= 0) return { reason: 'the price rounds to 0 at 4 decimals' };
  return { classification: outcome };
}

const toInstrument = (c: InstrumentClassification) => ({
  symbol: c.symbol,
  name: c.name,
  instrument_type: c.instrument_type,
  // DECIMAL(12,4): a finer estimate is rounded, not rejected.
  current_price: c.current_price.toFixed(4),
  allocation_asset_class: c.allocation_asset_class,
  allocation_regions: c.allocation_regions,
  allocation_sectors: c.allocation_sectors,
});

/** Errors that are the model's answer at fault, not the infrastructure. */
const isModelAnswerError = (err: unknown): boolean =>
  err instanceof ModelBehaviorError ||
  err instanceof MaxTurnsExceededError ||
  err instanceof ModelRefusalError;

async function tagOne(
  agent: TaggerAgent,
  instrument: InstrumentToTag,
  context: TaggerContext,
  deps: TaggerDeps,
): Promise<Outcome> {
  const { symbol } = instrument;
  const logger = deps.logger.child({ symbol });
  const rejections = rejectionRecorder();
  try {
    if (isComplete(await deps.repos.instruments.get(symbol))) {
      logger.info('already classified; left as it is');
      return { kind: 'skipped', symbol };
    }
    const result = await runWithOutputRetry(agent, taggerPrompt(instrument), {
      context,
      errorHandlers: rejections.errorHandlers,
      maxTurns: 6,
      outputRetries: deps.outputRetries ?? 1,
    });
    const outcome = result.finalOutput?.outcome;
    if (outcome === undefined) throw new ModelBehaviorError('the model gave no final answer');
    const verdict = judge(outcome, symbol);
    if ('reason' in verdict) {
      logger.info('not classified', { reason: verdict.reason });
      return { kind: 'unresolved', symbol, reason: verdict.reason, infrastructure: false };
    }
    const { classification } = verdict;
    await deps.repos.instruments.upsert(toInstrument(classification));
    logger.info('classified', { confidence: classification.confidence, rationale: classification.rationale });
    const { confidence, rationale } = classification;
    return { kind: 'tagged', symbol, note: { symbol, confidence, rationale } };
  } catch (err: unknown) {
    const message = err instanceof Error ? err.message : String(err);
    if (err instanceof ValidationError || isModelAnswerError(err)) {
      const reason =
        err instanceof ValidationError
          ? `rejected by the database schema: ${message}`
          : rejections.reason(message);
      logger.warn('classification rejected', { reason });
      return { kind: 'unresolved', symbol, reason, infrastructure: false };
    }
    logger.error('tagging failed', { err });
    const name = err instanceof Error ? err.name : 'Error';
    return { kind: 'unresolved', symbol, reason: `${name}: ${message}`, infrastructure: true, cause: err };
  }
}

/**
 * Classifies each instrument with one InstrumentTagger run (at most `concurrency` at a time) and stores
 * the valid classifications. Unknown symbols, low-confidence or invalid answers and per-symbol errors
 * end up in `unresolved` with a reason, their placeholders untouched; it throws only when every
 * instrument failed for infrastructure reasons (nothing could run at all).
 */
export async function tagInstruments(
  event: z.output<typeof TaggerEvent>,
  deps: TaggerDeps,
): Promise<TaggerResult> {
  const instruments = [...new Map(event.instruments.map((i) => [i.symbol, i])).values()];
  const agent = createTaggerAgent(deps.model);
  const context: TaggerContext = { reference: deps.reference ?? referenceLookup(), jobId: event.job_id };
  const symbols = instruments.map((i) => i.symbol);
  const outcomes = await withJobTrace(
    '🏷️ Instrument Tagging',
    { ...(event.job_id === undefined ? {} : { job_id: event.job_id }), agent: 'tagger', symbols },
    () => mapWithConcurrency(instruments, deps.concurrency ?? 3, (i) => tagOne(agent, i, context, deps)),
  );
  const failed = outcomes.filter((o) => o.kind === 'unresolved');
  if (failed.length === outcomes.length && failed.every((o) => o.infrastructure)) {
    const first = failed[0];
    throw new TaggingError(`no instrument could be tagged: ${first?.symbol}: ${first?.reason}`, {
      cause: first?.cause,
    });
  }
  const tagged = outcomes.flatMap((o) => (o.kind === 'tagged' ? [o] : []));
  return {
    tagged: tagged.map((o) => o.symbol),
    unresolved: failed.map(({ symbol, reason }) => ({ symbol, reason })),
    classifications: tagged.map((o) => o.note),
    skipped: outcomes.filter((o) => o.kind === 'skipped').map((o) => o.symbol),
  };
}
