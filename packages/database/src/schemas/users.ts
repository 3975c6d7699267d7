import { ClerkUserId, UserPreferences, User as UserView } from '@alex/contract';
import { z } from 'zod';

// UserUpdate and the target maps are the HTTP contract's; see @alex/contract.

/** Defaults a new user starts with (the reference's): 20 years, $60k, 70/30, 50/50. */
export const USER_DEFAULTS = {
  years_until_retirement: 20,
  target_retirement_income: '60000.00',
  asset_class_targets: { equity: 70, fixed_income: 30 },
  region_targets: { north_america: 50, international: 50 },
} as const;

/** A new user row; anything omitted takes {@link USER_DEFAULTS}. */
export const UserCreate = z.object({
  clerk_user_id: ClerkUserId,
  ...UserPreferences.partial().shape,
});
export type UserCreate = z.input<typeof UserCreate>;

/** A user row: the shape the API sends (one definition, in the contract), read leniently. */
export const User = z.object(UserView.shape);
export type User = z.infer<typeof User>;
