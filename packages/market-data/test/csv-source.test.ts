import { describe, expect, it } from 'vitest';
import { csvPriceSource, PriceFileError, parsePriceFile } from '../src/index.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('the CSV price source', () => {
  it('reads symbol, price and date, upper-casing symbols', async () => {
    const source = csvPriceSource(bytes('symbol,price,date\nspy,601.5,2026-01-02\nBND,72.1234,2026-01-02\n'));

    expect(await source.quotes(['SPY', 'BND', 'VTI'])).toEqual([
      { symbol: 'SPY', price: '601.5', as_of: '2026-01-02' },
      { symbol: 'BND', price: '72.1234', as_of: '2026-01-02' },
    ]);
  });

  it('refuses the whole file, naming each bad line', () => {
    const read = () =>
      parsePriceFile(bytes('symbol,price,date\nSPY,-1,2026-01-02\nBND,70,02/01/2026\nVTI,300,2026-01-02\n'));

    expect(read).toThrow(PriceFileError);
    expect(read).toThrow(/line 2: price: must be greater than 0\nline 3: date: must be a date, YYYY-MM-DD/);
  });

  it('refuses a file without the three columns', () => {
    expect(() => parsePriceFile(bytes('ticker,close\nSPY,1\n'))).toThrow(
      /header must name the columns symbol, price, date/,
    );
  });
});
