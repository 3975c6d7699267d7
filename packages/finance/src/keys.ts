/** The allocation keys, from the one list the whole project shares. */
export {
  ASSET_CLASSES,
  type AssetClass,
  REGION_TARGET_KEYS,
  REGIONS,
  type Region,
  type RegionTargetKey,
  SECTORS,
  type Sector,
} from '@alex/core/taxonomy';

import { ASSET_CLASSES, type AssetClass } from '@alex/core/taxonomy';

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
