import { z } from 'zod';
import { allocationMap } from './allocation.ts';
import { AssetClass, Region } from './enums.ts';
import { ClerkUserId, decimalString, IsoTimestamp, nameText } from './primitives.ts';

export const AssetClassTargets = allocationMap(
  AssetClass,
  'asset_class_targets',
  'Target asset-class mix for rebalancing',
);
export const RegionTargets = allocationMap(Region, 'region_targets', 'Target regional mix for rebalancing');

/** Defaults a new user starts with (the reference's): 20 years, $60k, 70/30, 50/50. */
export const USER_DEFAULTS = {
  years_until_retirement: 20,
  target_retirement_income: '60000.00',
  asset_class_targets: { equity: 70, fixed_income: 30 },
  region_targets: { north_america: 50, international: 50 },
} as const;

const userFields = {
  display_name: nameText(255).nullable().describe("The user's display name"),
  years_until_retirement: z.number().int().min(0).max(100).describe('Years until the user retires'),
  target_retirement_income: decimalString(12, 2, { min: 0 }).describe(
    'Desired annual income in retirement, in USD',
  ),
  asset_class_targets: AssetClassTargets,
  region_targets: RegionTargets,
};

/** A new user row; anything omitted takes {@link USER_DEFAULTS}. */
export const UserCreate = z.object({
  clerk_user_id: ClerkUserId,
  display_name: userFields.display_name.optional(),
  years_until_retirement: userFields.years_until_retirement.optional(),
  target_retirement_income: userFields.target_retirement_income.optional(),
  asset_class_targets: userFields.asset_class_targets.optional(),
  region_targets: userFields.region_targets.optional(),
});
export type UserCreate = z.input<typeof UserCreate>;

/** A partial update of a user's preferences; at least one field. */
export const UserUpdate = z
  .object(userFields)
  .partial()
  .strict()
  .refine((update) => Object.keys(update).length > 0, 'must change at least one field');
export type UserUpdate = z.input<typeof UserUpdate>;

/** A user row. */
export const User = z.object({
  clerk_user_id: z.string(),
  display_name: z.string().nullable(),
  years_until_retirement: z.number().int(),
  target_retirement_income: z.string(),
  asset_class_targets: AssetClassTargets,
  region_targets: RegionTargets,
  created_at: IsoTimestamp,
  updated_at: IsoTimestamp,
});
export type User = z.infer<typeof User>;
