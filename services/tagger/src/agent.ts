import {
  ASSET_CLASSES,
  AssetClassAllocation,
  InstrumentCreate,
  InstrumentType,
  REGIONS,
  RegionAllocation,
  SECTORS,
  SectorAllocation,
  TickerSymbol,
} from '@alex/database';
import { Agent, type Model } from '@openai/agents';
import { z } from 'zod';
import { TAGGER_INSTRUCTIONS } from './prompts.ts';
import { lookupReferenceData, type TaggerContext } from './tools.ts';

/**
 * The SDK turns a Zod record into `additionalProperties` and drops the enum of keys, so the allowed keys
 * are spelled out in the description the model reads; the database schema still validates them.
 */
const withKeys = <S extends z.ZodType>(schema: S, keys: readonly string[]): S =>
  schema.describe(`${schema.description ?? ''} Allowed keys: ${keys.join(', ')}.`);

/** A complete classification of one instrument, as the model answers it. */
export const InstrumentClassification = z.object({
  known: z.literal(true).describe('true: you know this instrument and classified it'),
  symbol: TickerSymbol,
  name: InstrumentCreate.shape.name,
  instrument_type: InstrumentType,
  current_price: z
    .number()
    .positive()
    .describe('Current price per share in USD: the looked-up price, or your best estimate'),
  allocation_asset_class: withKeys(AssetClassAllocation, ASSET_CLASSES),
  allocation_regions: withKeys(RegionAllocation, REGIONS),
  allocation_sectors: withKeys(SectorAllocation, SECTORS),
  confidence: z
    .enum(['high', 'medium', 'low'])
    .describe('high: from reference data or well known; medium: a sound estimate; low: a guess'),
  rationale: z.string().min(1).max(1_000).describe('One or two sentences on where the figures come from'),
});
export type InstrumentClassification = z.infer<typeof InstrumentClassification>;

/** The model's answer when it does not know the instrument well enough to classify it. */
export const UnknownInstrument = z.object({
  known: z.literal(false).describe('false: you cannot classify this instrument without inventing data'),
  symbol: TickerSymbol,
  reason: z.string().min(1).max(500).describe('Why it cannot be classified'),
});
export type UnknownInstrument = z.infer<typeof UnknownInstrument>;

/** The tagger's structured output: a classification, or an honest "unknown" (the root must be an object). */
export const TaggerOutput = z.object({
  outcome: z
    .discriminatedUnion('known', [InstrumentClassification, UnknownInstrument])
    .describe('The classification, or known: false with a reason'),
});
export type TaggerOutput = z.infer<typeof TaggerOutput>;

/** The InstrumentTagger agent: run context in, {@link TaggerOutput} out. */
export type TaggerAgent = Agent<TaggerContext, typeof TaggerOutput>;

/** The InstrumentTagger agent over `model`, with the reference-data tool. */
export function createTaggerAgent(model: Model): TaggerAgent {
  return new Agent<TaggerContext, typeof TaggerOutput>({
    name: 'InstrumentTagger',
    instructions: TAGGER_INSTRUCTIONS,
    model,
    tools: [lookupReferenceData],
    outputType: TaggerOutput,
  });
}
