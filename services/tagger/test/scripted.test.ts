import { OUTPUT_RETRY_NOTE, RetryingModel, TaggerEvent } from '@alex/agents';
import { answer } from '@alex/agents/testing';
import { silentLogger } from '@alex/core';
import { functionCall, modelError, ScriptedModel } from '@openai/agents/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tagInstruments } from '../src/tagger.ts';
import { addPlaceholders, eventFor, startTestDatabase, type TestDatabase } from './support.ts';

/** A classification as Claude would answer it; `overrides` change the outcome's fields. */
const classification = (symbol: string, overrides: Record<string, unknown> = {}) => ({
  outcome: {
    known: true,
    symbol,
    name: `${symbol} Corporation`,
    instrument_type: 'stock',
    current_price: 512.34,
    allocation_asset_class: { equity: 100 },
    allocation_regions: { north_america: 100 },
    allocation_sectors: { technology: 100 },
    confidence: 'high',
    rationale: 'A large US technology company.',
    ...overrides,
  },
});
const lookup = (symbol: string) => [
  functionCall('lookup_reference_data', { symbol }, { callId: `call_lookup_${symbol}` }),
];
const throttled = () => Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });

describe('tagInstruments with scripted model turns', () => {
  let db: TestDatabase;
  const tag = (model: ScriptedModel | RetryingModel, ...symbols: string[]) =>
    tagInstruments(TaggerEvent.parse(eventFor(...symbols)), { repos: db.repos, model, logger: silentLogger });
  const priceOf = async (symbol: string) => (await db.repos.instruments.get(symbol))?.current_price ?? null;

  beforeAll(async () => {
    db = await startTestDatabase();
    await addPlaceholders(db.repos, ['MSFT', 'CRWD', 'SNOW', 'PLTR', 'NOPE', 'FUZZ', 'HUGE', 'DDOG', 'GOOG']);
  });
  afterAll(async () => db?.close());

  it('calls lookup_reference_data, then stores the final classification', async () => {
    const model = new ScriptedModel([lookup('MSFT'), answer(classification('MSFT'))]);

    const result = await tag(model, 'MSFT');

    expect(result).toMatchObject({ tagged: ['MSFT'], unresolved: [], skipped: [] });
    expect(result.classifications.map((c) => c.symbol)).toEqual(['MSFT']);
    model.assertComplete();
    expect(model.calls[0]?.request.tools.map((t) => t.name)).toEqual(['lookup_reference_data']);
    expect(JSON.stringify(model.calls[1]?.request.input)).toContain('Microsoft Corporation');
    expect(await priceOf('MSFT')).toBe('512.3400');
  });

  it('offers the model every allowed allocation key in the output schema', async () => {
    const model = new ScriptedModel([answer(classification('DDOG'))]);

    await tag(model, 'DDOG');

    const outputType = model.calls[0]?.request.outputType;
    const schema = JSON.stringify(typeof outputType === 'string' ? outputType : outputType?.schema);
    for (const key of ['north_america', 'government_related', 'alternatives', 'known', 'confidence']) {
      expect(schema).toContain(key);
    }
  });

  it('asks again after allocations that sum to 90, and stores the corrected answer', async () => {
    const bad = classification('CRWD', { allocation_regions: { north_america: 90 } });
    const model = new ScriptedModel([answer(bad), answer(classification('CRWD'))]);

    const result = await tag(model, 'CRWD');

    expect(result.tagged).toEqual(['CRWD']);
    const retry = JSON.stringify(model.calls[1]?.request.input);
    expect(retry).toContain(OUTPUT_RETRY_NOTE);
    expect(retry).toContain('allocation_regions must sum to 100');
  });

  it('reports the symbol unresolved when the answer is still invalid after the retry', async () => {
    const bad = classification('SNOW', { allocation_regions: { north_america: 90 } });
    const model = new ScriptedModel([answer(bad), answer(bad)]);

    const result = await tag(model, 'SNOW');

    expect(result.tagged).toEqual([]);
    expect(result.unresolved).toEqual([
      { symbol: 'SNOW', reason: expect.stringContaining('allocation_regions must sum to 100') },
    ]);
    expect(await priceOf('SNOW')).toBeNull();
  });

  it('retries a throttled model call and then succeeds', async () => {
    const scripted = new ScriptedModel([modelError(throttled()), answer(classification('PLTR'))]);
    const model = new RetryingModel(scripted, { sleep: async () => {} });

    const result = await tag(model, 'PLTR');

    expect(result.tagged).toEqual(['PLTR']);
    expect(scripted.calls).toHaveLength(2);
  });

  it('reports an instrument the model does not know as unresolved with its reason', async () => {
    const model = new ScriptedModel([
      lookup('NOPE'),
      answer({ outcome: { known: false, symbol: 'NOPE', reason: 'I do not know this ticker.' } }),
    ]);

    const result = await tag(model, 'NOPE');

    expect(result.unresolved).toEqual([{ symbol: 'NOPE', reason: 'I do not know this ticker.' }]);
    expect(await priceOf('NOPE')).toBeNull();
  });

  it('refuses to store a low-confidence classification', async () => {
    const model = new ScriptedModel([answer(classification('FUZZ', { confidence: 'low' }))]);

    const result = await tag(model, 'FUZZ');

    expect(result.unresolved).toEqual([
      { symbol: 'FUZZ', reason: expect.stringContaining('confidence is low') },
    ]);
    expect(await priceOf('FUZZ')).toBeNull();
  });

  it('refuses a classification of another symbol than the one asked for', async () => {
    const model = new ScriptedModel([answer(classification('GOOGL'))]);

    const result = await tag(model, 'GOOG');

    expect(result.unresolved).toEqual([
      { symbol: 'GOOG', reason: expect.stringContaining('GOOGL instead of GOOG') },
    ]);
    expect(await priceOf('GOOG')).toBeNull();
    expect(await db.repos.instruments.get('GOOGL')).toBeNull();
  });

  it('stores nothing when the database schema rejects the classification', async () => {
    const model = new ScriptedModel([answer(classification('HUGE', { current_price: 123_456_789 }))]);

    const result = await tag(model, 'HUGE');

    expect(result.unresolved).toEqual([{ symbol: 'HUGE', reason: expect.stringContaining('current_price') }]);
    expect(await priceOf('HUGE')).toBeNull();
  });
});
