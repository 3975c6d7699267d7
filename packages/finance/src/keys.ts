/**
 * The allocation keys Alex knows. They mirror the database enums on purpose: this package is pure
 * maths with no dependencies, so it keeps its own copy rather than importing `@alex/database`.
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

/** Bucket for uninvested account cash in every allocation (it has no region or sector of its own). */
export const CASH_KEY = 'cash';
/** Bucket for value whose instrument has no usable allocation: reported, never guessed. */
export const UNCLASSIFIED_KEY = 'unclassified';
/** Bucket for the rest of a top-N list. */
export const OTHER_KEY = 'other';

/** Whether a string is a known asset class. */
export function isAssetClass(key: string): key is AssetClass {
  return (ASSET_CLASSES as readonly string[]).includes(key);
}
