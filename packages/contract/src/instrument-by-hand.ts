import { z } from 'zod';
import { AssetClass, InstrumentType, Region, Sector } from './enums.ts';
import { decimalString, nameText, TickerSymbol } from './primitives.ts';

/**
 * `POST /api/instruments/classify`: a symbol the user added themselves that the tagger could not
 * look up (or that they would rather describe themselves), priced and classified by hand. Each
 * allocation is one key at 100%, which is what a person can say about a holding without a fact sheet.
 */
export const InstrumentByHand = z.strictObject({
  symbol: TickerSymbol,
  name: nameText(255).optional().describe('A name to show instead of the symbol'),
  current_price: decimalString(12, 4, { min: 0 })
    .refine((price) => Number(price) > 0, 'must be greater than 0')
    .describe("Price per share in today's US dollars"),
  instrument_type: InstrumentType.optional(),
  asset_class: AssetClass.describe('Its asset class (100% of it)'),
  region: Region.describe('Where its holdings are (100% of it)'),
  sector: Sector.describe('Its sector (100% of it); "diversified" for a broad fund'),
});
export type InstrumentByHand = z.input<typeof InstrumentByHand>;
