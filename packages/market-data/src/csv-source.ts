import { decimalString, IsoDate, TickerSymbol } from '@alex/contract';
import { decodeImportFile, isBlank, readCsv } from '@alex/portfolio-io';
import { PriceFileError, type PriceQuote, type PriceSource } from './port.ts';

const Price = decimalString(12, 4).refine((p) => Number(p) > 0, 'must be greater than 0');
const COLUMNS = {
  symbol: ['symbol', 'ticker'],
  price: ['price', 'close'],
  as_of: ['date', 'as_of', 'price_as_of'],
};

/**
 * Prices from a CSV file with the header `symbol,price,date` (date as YYYY-MM-DD; `close` and
 * `as_of` are accepted too). Every row is checked first: one bad row refuses the whole file.
 */
export function csvPriceSource(bytes: Uint8Array, name = 'the price file'): PriceSource {
  const quotes = parsePriceFile(bytes);
  return {
    name,
    async quotes(symbols) {
      const wanted = new Set(symbols);
      return quotes.filter((q) => wanted.has(q.symbol));
    },
  };
}

/** Every quote of a price file, or a {@link PriceFileError} naming each bad line. */
export function parsePriceFile(bytes: Uint8Array): PriceQuote[] {
  const lines = readCsv(decodeImportFile(bytes)).filter((l) => !isBlank(l.cells));
  const [header, ...rows] = lines;
  const names = (header?.cells ?? []).map((c) => c.toLowerCase());
  const at = (aliases: readonly string[]) => names.findIndex((n) => aliases.includes(n));
  const columns = { symbol: at(COLUMNS.symbol), price: at(COLUMNS.price), as_of: at(COLUMNS.as_of) };
  if (columns.symbol < 0 || columns.price < 0 || columns.as_of < 0) {
    throw new PriceFileError([
      `line ${header?.line ?? 1}: the header must name the columns symbol, price, date`,
    ]);
  }
  const problems: string[] = [];
  const quotes: PriceQuote[] = [];
  for (const { line, cells } of rows) {
    const symbol = TickerSymbol.safeParse(cells[columns.symbol] ?? '');
    const price = Price.safeParse(cells[columns.price] ?? '');
    const day = IsoDate.safeParse(cells[columns.as_of] ?? '');
    const bad = [
      symbol.success ? null : `symbol: ${symbol.error.issues[0]?.message}`,
      price.success ? null : `price: ${price.error.issues[0]?.message}`,
      day.success ? null : 'date: must be a date, YYYY-MM-DD',
    ].filter((m): m is string => m !== null);
    if (bad.length > 0 || !symbol.success || !price.success || !day.success) {
      problems.push(`line ${line}: ${bad.join('; ')}`);
      continue;
    }
    quotes.push({ symbol: symbol.data, price: price.data, as_of: day.data });
  }
  if (problems.length > 0) throw new PriceFileError(problems);
  return quotes;
}
