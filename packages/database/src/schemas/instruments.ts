import { z } from 'zod';
import { allocationMap } from './allocation.ts';
import { AssetClass, InstrumentType, Region, Sector } from './enums.ts';
import { decimalString, IsoTimestamp, MAX_TEXT, nameText, TickerSymbol } from './primitives.ts';

export const RegionAllocation = allocationMap(
  Region,
  'allocation_regions',
  'Regional breakdown of the holdings',
);
export const SectorAllocation = allocationMap(
  Sector,
  'allocation_sectors',
  'Sector breakdown of the holdings',
);
export const AssetClassAllocation = allocationMap(
  AssetClass,
  'allocation_asset_class',
  'Asset-class breakdown of the holdings',
);

/** A price per share: DECIMAL(12,4), never negative. */
export const Price = decimalString(12, 4, { min: 0 }).describe('Current price per share in USD');

/** A complete instrument, as seeded or as classified by the tagger. */
export const InstrumentCreate = z.object({
  symbol: TickerSymbol,
  name: nameText(255).describe('Full name of the instrument'),
  instrument_type: InstrumentType,
  current_price: Price,
  allocation_regions: RegionAllocation,
  allocation_sectors: SectorAllocation,
  allocation_asset_class: AssetClassAllocation,
});
export type InstrumentCreate = z.input<typeof InstrumentCreate>;
export type InstrumentCreateParsed = z.output<typeof InstrumentCreate>;

/** An instrument row. Allocations are null on a placeholder that is waiting for the tagger. */
export const Instrument = z.object({
  symbol: z.string(),
  name: z.string(),
  instrument_type: InstrumentType.nullable(),
  current_price: z.string().nullable(),
  allocation_regions: RegionAllocation.nullable(),
  allocation_sectors: SectorAllocation.nullable(),
  allocation_asset_class: AssetClassAllocation.nullable(),
  is_user_added: z.boolean(),
  created_at: IsoTimestamp,
  updated_at: IsoTimestamp,
});
export type Instrument = z.infer<typeof Instrument>;

/** A placeholder for a symbol nobody has classified yet (e.g. one a user typed in). */
export const InstrumentPlaceholder = z.object({
  symbol: TickerSymbol,
  name: nameText(255).optional(),
  instrument_type: InstrumentType.optional(),
});
export type InstrumentPlaceholder = z.input<typeof InstrumentPlaceholder>;

export { MAX_TEXT };
