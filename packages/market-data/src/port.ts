/** A price for one symbol on one day, as a source quotes it (a decimal string, at most 4 places). */
export interface PriceQuote {
  symbol: string;
  price: string;
  /** The trading day the price is for, YYYY-MM-DD. */
  as_of: string;
}

/**
 * Where prices come from: a file, a market-data API. Small on purpose, so the update and its tests
 * do not care which; a source returns quotes for the symbols it knows and skips the rest.
 */
export interface PriceSource {
  /** For messages: "prices.csv", "Polygon.io". */
  readonly name: string;
  quotes(symbols: readonly string[]): Promise<PriceQuote[]>;
}

/** Base of this package's errors; `name` is stable for mapping. */
export class MarketDataError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A price file with bad rows: each named by line; nothing is written. */
export class PriceFileError extends MarketDataError {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`The price file has ${problems.length} bad rows:\n${problems.join('\n')}`);
    this.problems = problems;
  }
}

/** The market-data service refused or failed (bad key, rate limit, outage): nothing is written. */
export class PriceSourceError extends MarketDataError {}
