import { createRepositories, type Repositories, resetDatabase } from '@alex/database';
import { BACKENDS, startTestDatabase, type TestDatabase } from '@alex/local-data-api/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PriceSource, updatePrices } from '../src/index.ts';

const source = (quotes: Awaited<ReturnType<PriceSource['quotes']>>): PriceSource => ({
  name: 'test',
  quotes: async (symbols) => quotes.filter((q) => symbols.includes(q.symbol)),
});

describe.each(BACKENDS)('updatePrices on %s', (kind) => {
  let db: TestDatabase;
  let repos: Repositories;
  beforeAll(async () => {
    db = await startTestDatabase(kind);
    await resetDatabase(db.client);
    repos = createRepositories(db.client);
  });
  afterAll(async () => db?.close());

  it('stores each price with its day and reports what it had no price for', async () => {
    const result = await updatePrices(
      source([{ symbol: 'SPY', price: '601.5', as_of: '2026-01-02' }]),
      repos,
    );

    expect(result.updated).toEqual(['SPY']);
    expect(result.missing).toContain('BND');
    expect(await repos.instruments.get('SPY')).toMatchObject({
      current_price: '601.5000',
      price_as_of: '2026-01-02',
    });
  });

  it('never replaces a price with an older one', async () => {
    const result = await updatePrices(source([{ symbol: 'SPY', price: '500', as_of: '2025-12-01' }]), repos);

    expect(result).toMatchObject({ updated: [], older: ['SPY'] });
    expect(await repos.instruments.get('SPY')).toMatchObject({
      current_price: '601.5000',
      price_as_of: '2026-01-02',
    });
  });

  it('dates a price written without a day (the tagger) today, and keeps the seed prices dated', async () => {
    const bnd = await repos.instruments.get('BND');
    expect(bnd?.price_as_of).toBe('2025-10-03');
    const [row] = await db.client.query<{ today: string }>('SELECT CURRENT_DATE::text AS today');
    await repos.instruments.upsert({ ...bnd, current_price: '70', price_as_of: undefined } as never);
    expect((await repos.instruments.get('BND'))?.price_as_of).toBe(row?.today);
  });
});
