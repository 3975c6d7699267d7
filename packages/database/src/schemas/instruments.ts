import {
  AssetClassAllocation,
  decimalString,
  InstrumentType,
  Instrument as InstrumentView,
  IsoDate,
  nameText,
  RegionAllocation,
  SectorAllocation,
  TickerSymbol,
} from '@alex/contract';
import { z } from 'zod';

/** A price per share: DECIMAL(12,4), never negative. */
export const Price = decimalString(12, 4, { min: 0 }).describe('Current price per share in USD');

/** A complete instrument, as seeded or as classified by the tagger. */
export const InstrumentCreate = z.object({
  symbol: TickerSymbol,
  name: nameText(255).describe('Full name of the instrument'),
  instrument_type: InstrumentType,
  current_price: Price,
  price_as_of: IsoDate.optional().describe('The day the price is for; today when omitted'),
  allocation_regions: RegionAllocation,
  allocation_sectors: SectorAllocation,
  allocation_asset_class: AssetClassAllocation,
});
export type InstrumentCreate = z.input<typeof InstrumentCreate>;
export type InstrumentCreateParsed = z.output<typeof InstrumentCreate>;

/** An instrument row: the shape the API sends (one definition, in the contract), read leniently. */
export const Instrument = z.object(InstrumentView.shape);
export type Instrument = z.infer<typeof Instrument>;

/** A placeholder for a symbol nobody has classified yet (e.g. one a user typed in). */
export const InstrumentPlaceholder = z.object({
  symbol: TickerSymbol,
  name: nameText(255).optional(),
  instrument_type: InstrumentType.optional(),
});
export type InstrumentPlaceholder = z.input<typeof InstrumentPlaceholder>;
