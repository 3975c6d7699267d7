import type { AssetClass, InstrumentType, Region, Sector } from '@alex/database';

/** One instrument the tagger can look up: name, type, an approximate price and complete allocations. */
export interface ReferenceEntry {
  symbol: string;
  name: string;
  instrument_type: InstrumentType;
  /** Approximate late-2025 price per share in USD; a starting point, not a live quote. */
  current_price: number;
  allocation_asset_class: Partial<Record<AssetClass, number>>;
  allocation_regions: Partial<Record<Region, number>>;
  allocation_sectors: Partial<Record<Sector, number>>;
}

/** Where the bundled prices come from, so nobody mistakes them for quotes. */
export const REFERENCE_PRICE_NOTE = 'approximate late-2025 price from the bundled reference table';

const usStock = (symbol: string, name: string, price: number, sector: Sector): ReferenceEntry => ({
  symbol,
  name,
  instrument_type: 'stock',
  current_price: price,
  allocation_asset_class: { equity: 100 },
  allocation_regions: { north_america: 100 },
  allocation_sectors: { [sector]: 100 },
});

const usEquityEtf = (
  symbol: string,
  name: string,
  price: number,
  sectors: ReferenceEntry['allocation_sectors'],
): ReferenceEntry => ({
  symbol,
  name,
  instrument_type: 'etf',
  current_price: price,
  allocation_asset_class: { equity: 100 },
  allocation_regions: { north_america: 100 },
  allocation_sectors: sectors,
});

/**
 * Well-known US stocks and ETFs that are not among the seeded instruments, with complete allocations
 * (each map sums to 100). Small on purpose: it lets the offline model classify common symbols without
 * inventing anything; Claude on Bedrock may classify others from its own knowledge.
 */
export const REFERENCE_DATA: readonly ReferenceEntry[] = [
  usStock('AAPL', 'Apple Inc.', 270, 'technology'),
  usStock('MSFT', 'Microsoft Corporation', 510, 'technology'),
  usStock('NVDA', 'NVIDIA Corporation', 185, 'technology'),
  usStock('AMZN', 'Amazon.com, Inc.', 230, 'consumer_discretionary'),
  usStock('GOOGL', 'Alphabet Inc. Class A', 280, 'communication'),
  usStock('META', 'Meta Platforms, Inc.', 640, 'communication'),
  usStock('TSLA', 'Tesla, Inc.', 430, 'consumer_discretionary'),
  usStock('BRK.B', 'Berkshire Hathaway Inc. Class B', 500, 'financials'),
  usStock('JPM', 'JPMorgan Chase & Co.', 305, 'financials'),
  usStock('V', 'Visa Inc. Class A', 335, 'financials'),
  usStock('JNJ', 'Johnson & Johnson', 195, 'healthcare'),
  usStock('UNH', 'UnitedHealth Group Incorporated', 330, 'healthcare'),
  usStock('PG', 'The Procter & Gamble Company', 150, 'consumer_staples'),
  usStock('XOM', 'Exxon Mobil Corporation', 115, 'energy'),
  {
    symbol: 'ARKK',
    name: 'ARK Innovation ETF',
    instrument_type: 'etf',
    current_price: 80,
    allocation_asset_class: { equity: 100 },
    allocation_regions: { north_america: 95, asia: 3, europe: 2 },
    allocation_sectors: {
      technology: 40,
      healthcare: 20,
      communication: 15,
      financials: 12,
      consumer_discretionary: 10,
      industrials: 3,
    },
  },
  usEquityEtf('SCHD', 'Schwab U.S. Dividend Equity ETF', 27, {
    energy: 20,
    consumer_staples: 19,
    healthcare: 16,
    industrials: 12,
    financials: 9,
    technology: 8,
    consumer_discretionary: 8,
    communication: 5,
    materials: 2,
    utilities: 1,
  }),
  usEquityEtf('VGT', 'Vanguard Information Technology ETF', 750, { technology: 100 }),
  usEquityEtf('VYM', 'Vanguard High Dividend Yield ETF', 140, {
    financials: 22,
    technology: 13,
    industrials: 13,
    healthcare: 12,
    consumer_staples: 11,
    energy: 9,
    utilities: 7,
    consumer_discretionary: 6,
    communication: 3,
    materials: 3,
    real_estate: 1,
  }),
  usEquityEtf('DIA', 'SPDR Dow Jones Industrial Average ETF Trust', 470, {
    financials: 28,
    technology: 20,
    industrials: 14,
    consumer_discretionary: 14,
    healthcare: 12,
    consumer_staples: 6,
    communication: 3,
    energy: 2,
    materials: 1,
  }),
  {
    symbol: 'IEMG',
    name: 'iShares Core MSCI Emerging Markets ETF',
    instrument_type: 'etf',
    current_price: 65,
    allocation_asset_class: { equity: 100 },
    allocation_regions: { asia: 78, latin_america: 8, middle_east: 6, africa: 4, europe: 4 },
    allocation_sectors: {
      technology: 25,
      financials: 22,
      consumer_discretionary: 13,
      communication: 9,
      industrials: 8,
      materials: 6,
      consumer_staples: 5,
      energy: 4,
      healthcare: 4,
      utilities: 2,
      real_estate: 2,
    },
  },
];

/** Looks symbols up in a reference table (case-insensitive). */
export type ReferenceLookup = (symbol: string) => ReferenceEntry | undefined;

/** A lookup over `entries`, the bundled table by default. */
export function referenceLookup(entries: readonly ReferenceEntry[] = REFERENCE_DATA): ReferenceLookup {
  const bySymbol = new Map(entries.map((entry) => [entry.symbol.toUpperCase(), entry]));
  return (symbol) => bySymbol.get(symbol.trim().toUpperCase());
}
