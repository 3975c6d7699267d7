import { ClerkUserId, UserPreferences, User as UserView } from '@alex/contract';
import { z } from 'zod';

// UserUpdate and the target maps are the HTTP contract's; see @alex/contract.

/** Defaults a new user starts with (the reference's): 20 years, $60k, 70/30, 50/50, no plan entered. */
export const USER_DEFAULTS = {
  years_until_retirement: 20,
  target_retirement_income: '60000.00',
  asset_class_targets: { equity: 70, fixed_income: 30 },
  region_targets: { north_america: 50, international: 50 },
} as const;

/** A new user row; anything omitted takes {@link USER_DEFAULTS} (or the column's default). */
export const UserCreate = z.object({
  clerk_user_id: ClerkUserId,
  ...UserPreferences.partial().shape,
});
export type UserCreate = z.input<typeof UserCreate>;

/** A user row: the shape the API sends (one definition, in the contract), read leniently. */
export const User = z.object(UserView.shape);
export type User = z.infer<typeof User>;

/** The users table's columns, in the order every read selects them (current_age is derived). */
export const USER_COLUMNS = [
  'clerk_user_id',
  'display_name',
  'years_until_retirement',
  'target_retirement_income',
  'asset_class_targets',
  'region_targets',
  'birth_year',
  'retirement_age',
  'annual_contribution',
  'contribution_rises_with_inflation',
  'other_retirement_income',
  'other_income_start_age',
  'annual_fee_percent',
  'risk_score',
  'created_at',
  'updated_at',
] as const;

/**
 * A user row as read, with the plan's derived fields: the age this calendar year (from birth_year)
 * and, when the retirement age is known too, the years until retirement (never below 0), so
 * years_until_retirement cannot drift from the age and retirement age as years pass.
 */
export function userFromRow(row: Readonly<Record<string, unknown>>, today: Date = new Date()): User {
  const birthYear = typeof row.birth_year === 'number' ? row.birth_year : null;
  const retirementAge = typeof row.retirement_age === 'number' ? row.retirement_age : null;
  const currentAge = birthYear === null ? null : today.getUTCFullYear() - birthYear;
  const years =
    currentAge !== null && retirementAge !== null
      ? Math.min(100, Math.max(0, retirementAge - currentAge))
      : row.years_until_retirement;
  return User.parse({ ...row, current_age: currentAge, years_until_retirement: years });
}
