import type { Repositories } from '@alex/database';
import type { PriceSource } from './port.ts';

/** What a price update did. */
export interface PriceUpdate {
  source: string;
  /** Symbols whose price and date were written. */
  updated: string[];
  /** Symbols the source quoted for a day older than the stored price: left as they were. */
  older: string[];
  /** Symbols Alex holds that the source had no price for. */
  missing: string[];
}

/** Asks `source` for a price of every instrument and stores the dated quotes. */
export async function updatePrices(
  source: PriceSource,
  repos: Pick<Repositories, 'instruments' | 'prices'>,
): Promise<PriceUpdate> {
  const symbols = (await repos.instruments.list()).map((i) => i.symbol);
  const quotes = await source.quotes(symbols);
  const updated = await repos.prices.setPrices(quotes);
  const quoted = new Set(quotes.map((q) => q.symbol));
  const written = new Set(updated);
  return {
    source: source.name,
    updated,
    older: [...quoted].filter((s) => !written.has(s)).sort(),
    missing: symbols.filter((s) => !quoted.has(s)),
  };
}
