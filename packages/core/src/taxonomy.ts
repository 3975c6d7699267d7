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

/**
 * Keys a user's region targets may use: the specific regions, plus `international` meaning "every
 * region the targets do not name". No key covers another, so a target can never count money twice.
 * `global` is not a target key: it is what a fund says when it has no regional split of its own.
 */
export const REGION_TARGET_KEYS = [
  'north_america',
  'europe',
  'asia',
  'latin_america',
  'africa',
  'middle_east',
  'oceania',
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
/** One key of a region target. */
export type RegionTargetKey = (typeof REGION_TARGET_KEYS)[number];
/** One sector key. */
export type Sector = (typeof SECTORS)[number];
