import { numberToPlainString } from '@alex/contract';
import { z } from 'zod';
import { type PriceQuote, type PriceSource, PriceSourceError } from './port.ts';

/** Polygon.io's REST API (also served as api.massive.com since its rename). */
export const POLYGON_BASE_URL = 'https://api.polygon.io';

// Grouped daily bars: one call prices every US stock and ETF for a day, which keeps the free plan's
// five calls a minute enough. `T` ticker, `c` close; a closed-market day has no `results`.
const GroupedDaily = z.object({
  status: z.string(),
  resultsCount: z.number().int().optional(),
  results: z.array(z.object({ T: z.string(), c: z.number().positive() })).optional(),
});
const PolygonError = z.object({
  status: z.string().optional(),
  error: z.string().optional(),
  message: z.string().optional(),
});

/** How the adapter reaches Polygon; `fetch`, `baseUrl` and `today` are for tests and fakes. */
export interface PolygonOptions {
  apiKey: string;
  baseUrl?: string;
  fetch?: typeof fetch;
  today?: () => Date;
  /** Trading days are looked for this many calendar days back (weekends, holidays). */
  lookbackDays?: number;
}

/**
 * The Polygon.io adapter of the price-source port: the latest closing prices from the grouped
 * daily bars, walking back from yesterday (today's bars are not final until the close) to the last
 * day the market was open. The key goes in the `Authorization` header, never in a URL that logs keep.
 */
export function polygonPriceSource(options: PolygonOptions): PriceSource {
  const baseUrl = (options.baseUrl ?? POLYGON_BASE_URL).replace(/\/$/, '');
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const today = options.today ?? (() => new Date());
  const lookback = options.lookbackDays ?? 7;
  return {
    name: 'Polygon.io',
    async quotes(symbols) {
      const wanted = new Set(symbols);
      for (let back = 1; back <= lookback; back++) {
        const day = new Date(today().getTime() - back * 86_400_000).toISOString().slice(0, 10);
        const bars = await groupedDaily(doFetch, baseUrl, options.apiKey, day);
        if (bars.length === 0) continue;
        return bars
          .filter((bar) => wanted.has(bar.T))
          .map((bar): PriceQuote => ({ symbol: bar.T, price: fourPlaces(bar.c), as_of: day }));
      }
      throw new PriceSourceError(`Polygon.io had no trading day in the last ${lookback} days`);
    },
  };
}

async function groupedDaily(doFetch: typeof fetch, baseUrl: string, apiKey: string, day: string) {
  const url = `${baseUrl}/v2/aggs/grouped/locale/us/market/stocks/${day}?adjusted=true`;
  let response: Response;
  try {
    response = await doFetch(url, {
      headers: { Authorization: `Bearer ${apiKey}`, Accept: 'application/json' },
    });
  } catch (err: unknown) {
    throw new PriceSourceError('Polygon.io could not be reached', { cause: err });
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new PriceSourceError(`Polygon.io answered ${response.status} with a body that is not JSON`);
  }
  if (!response.ok) {
    const error = PolygonError.safeParse(body);
    const why = error.success ? (error.data.error ?? error.data.message ?? error.data.status) : undefined;
    throw new PriceSourceError(`Polygon.io refused the request (${response.status}${why ? `: ${why}` : ''})`);
  }
  const parsed = GroupedDaily.safeParse(body);
  if (!parsed.success)
    throw new PriceSourceError(`Polygon.io answered in an unexpected shape: ${parsed.error.message}`);
  return parsed.data.results ?? [];
}

/** A close as a DECIMAL(12,4) string: 123.456789 → "123.4568". */
function fourPlaces(value: number): string {
  return numberToPlainString(Number(value.toFixed(4)));
}
