import { createModel, TaggerEvent } from '@alex/agents';
import { silentLogger } from '@alex/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taggerOfflineScript } from '../src/offline.ts';
import { tagInstruments } from '../src/tagger.ts';
import { addPlaceholders, eventFor, startTestDatabase, type TestDatabase } from './support.ts';

describe('tagInstruments on the embedded database with the offline model', () => {
  let db: TestDatabase;
  const model = createModel({ provider: 'offline' }, taggerOfflineScript);
  const tag = (...symbols: string[]) =>
    tagInstruments(TaggerEvent.parse(eventFor(...symbols)), { repos: db.repos, model, logger: silentLogger });

  beforeAll(async () => {
    db = await startTestDatabase();
    await addPlaceholders(db.repos, ['AAPL', 'SCHD', 'ZZZQ', 'MSFT', 'IEMG', 'QQQM']);
  });
  afterAll(async () => db?.close());

  it('stores a symbol from the reference table, so it is no longer unclassified', async () => {
    const result = await tag('AAPL');

    expect(result).toEqual({
      tagged: ['AAPL'],
      unresolved: [],
      classifications: [
        { symbol: 'AAPL', confidence: 'high', rationale: expect.stringContaining('lookup_reference_data') },
      ],
      skipped: [],
    });
    const stored = await db.repos.instruments.get('AAPL');
    expect(stored).toMatchObject({
      name: 'Apple Inc.',
      instrument_type: 'stock',
      current_price: '270.0000',
      allocation_asset_class: { equity: 100 },
      allocation_regions: { north_america: 100 },
      allocation_sectors: { technology: 100 },
    });
    const unclassified = await db.repos.instruments.listUnclassified();
    expect(unclassified.map((i) => i.symbol)).not.toContain('AAPL');
  });

  it('reports a symbol missing from the reference table as unresolved and invents nothing', async () => {
    const result = await tag('ZZZQ');

    expect(result.tagged).toEqual([]);
    expect(result.unresolved).toEqual([
      { symbol: 'ZZZQ', reason: expect.stringContaining('reference table') },
    ]);
    const placeholder = await db.repos.instruments.get('ZZZQ');
    expect(placeholder).toMatchObject({ current_price: null, allocation_asset_class: null });
    const unclassified = await db.repos.instruments.listUnclassified(['ZZZQ']);
    expect(unclassified.map((i) => i.symbol)).toEqual(['ZZZQ']);
  });

  it('tags known symbols and reports unknown ones in one call', async () => {
    const result = await tag('SCHD', 'QQQM', 'MSFT', 'IEMG');

    expect(result.tagged).toEqual(['SCHD', 'MSFT', 'IEMG']);
    expect(result.unresolved.map((u) => u.symbol)).toEqual(['QQQM']);
    const iemg = await db.repos.instruments.get('IEMG');
    expect(iemg?.allocation_regions).toMatchObject({ asia: 78, latin_america: 8 });
  });

  it('leaves an instrument that is already classified as it is', async () => {
    const before = await db.repos.instruments.get('SPY');

    const result = await tag('SPY');

    expect(result).toEqual({ tagged: [], unresolved: [], classifications: [], skipped: ['SPY'] });
    expect(await db.repos.instruments.get('SPY')).toEqual(before);
  });

  it('creates an instrument that has no placeholder yet', async () => {
    const result = await tag('NVDA');

    expect(result.tagged).toEqual(['NVDA']);
    expect((await db.repos.instruments.get('NVDA'))?.current_price).toBe('185.0000');
  });
});
