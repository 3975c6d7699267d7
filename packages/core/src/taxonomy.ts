/**
 * The allocation keys Alex knows, in one place: the database's Zod enums, the finance maths and the
 * SPA's forms all read these lists. Plain data, safe to import in the browser.
 */

/** Asset classes an instrument's holdings can be allocated to. */
export const ASSET_CLASSES = [
  'equity',
  'fixed_income',
  'real_estate',
  'commodities',
  'cash',
  'alternatives',
] as const;

/** Regions an instrument's holdings can be allocated to. */
export const REGIONS = [
  'north_america',
  'europe',
  'asia',
  'latin_america',
  'africa',
  'middle_east',
  'oceania',
  'global',
  'international',
] as const;

/** Sectors an instrument's holdings can be allocated to. */
export const SECTORS = [
  'technology',
  'healthcare',
  'financials',
  'consumer_discretionary',
  'consumer_staples',
  'industrials',
  'energy',
  'materials',
  'utilities',
  'real_estate',
  'communication',
  'treasury',
  'corporate',
  'mortgage',
  'government_related',
  'commodities',
  'diversified',
  'other',
] as const;

/** One asset class key. */
export type AssetClass = (typeof ASSET_CLASSES)[number];
/** One region key. */
export type Region = (typeof REGIONS)[number];
/** One sector key. */
export type Sector = (typeof SECTORS)[number];
