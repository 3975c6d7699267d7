import { afterEach, describe, expect, it } from 'vitest';
import { PriceSourceError, polygonPriceSource } from '../src/index.ts';
import { startPolygonFake } from '../src/testing.ts';

const MONDAY = new Date('2026-01-05T15:00:00Z');
let fake: Awaited<ReturnType<typeof startPolygonFake>> | undefined;
afterEach(async () => fake?.close());

describe('polygonPriceSource against a local Polygon fake', () => {
  it('takes the closes of the last trading day before today, for the symbols asked', async () => {
    fake = await startPolygonFake({
      key: 'k-good',
      closes: { '2026-01-02': { SPY: 601.123456, BND: 72.1, AAPL: 250 } },
    });
    const source = polygonPriceSource({ apiKey: 'k-good', baseUrl: fake.url, today: () => MONDAY });

    const quotes = await source.quotes(['SPY', 'BND', 'NOPE']);

    expect(quotes).toEqual([
      { symbol: 'SPY', price: '601.1235', as_of: '2026-01-02' },
      { symbol: 'BND', price: '72.1', as_of: '2026-01-02' },
    ]);
    // Sunday and Saturday had no bars; the key never travels in the URL.
    expect(fake.requests.map((r) => r.path.split('/').at(-1))).toEqual([
      '2026-01-04',
      '2026-01-03',
      '2026-01-02',
    ]);
    expect(fake.requests.every((r) => r.query === '?adjusted=true')).toBe(true);
  });

  it('says so when the key is refused', async () => {
    fake = await startPolygonFake({ key: 'k-good', closes: {} });
    const source = polygonPriceSource({ apiKey: 'k-wrong', baseUrl: fake.url, today: () => MONDAY });

    await expect(source.quotes(['SPY'])).rejects.toThrow(
      new PriceSourceError('Polygon.io refused the request (401: Unknown API Key)'),
    );
  });

  it('stops at the rate limit with the service’s reason', async () => {
    fake = await startPolygonFake({ key: 'k-good', closes: {}, perMinute: 2 });
    const source = polygonPriceSource({ apiKey: 'k-good', baseUrl: fake.url, today: () => MONDAY });

    await expect(source.quotes(['SPY'])).rejects.toThrow(
      /429: You've exceeded the maximum requests per minute/,
    );
  });

  it('fails clearly when the service cannot be reached', async () => {
    const source = polygonPriceSource({ apiKey: 'k', baseUrl: 'http://127.0.0.1:9', today: () => MONDAY });

    await expect(source.quotes(['SPY'])).rejects.toThrow('Polygon.io could not be reached');
  });
});
