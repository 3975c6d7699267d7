import { sql } from '../client/params.ts';
import { USER_COLUMNS as COLUMN_LIST, USER_DEFAULTS, type UserCreate } from '../schemas/index.ts';

/** The columns of a user row, in the order every user query returns them. */
export const USER_COLUMNS = COLUMN_LIST.join(', ');

/**
 * CTEs that leave the user `:id` in `owner`, inserted with {@link newUserParams} on first sight: one
 * statement, so a read that must create its user (the dashboard's first call) is still one round trip.
 */
export const ENSURE_USER_CTES = `inserted AS (
    INSERT INTO users (clerk_user_id, display_name, years_until_retirement, target_retirement_income,
                       asset_class_targets, region_targets)
    VALUES (:id, :name, :years, :income, :asset_targets, :region_targets)
    ON CONFLICT (clerk_user_id) DO NOTHING
    RETURNING ${USER_COLUMNS}),
  owner AS (
    SELECT ${USER_COLUMNS} FROM inserted
    UNION ALL
    SELECT ${USER_COLUMNS} FROM users WHERE clerk_user_id = :id
    LIMIT 1)`;

/** The parameters of a new user's row, preferences not given taking their defaults. */
export function newUserParams(user: ReturnType<typeof UserCreate.parse>) {
  return {
    id: user.clerk_user_id,
    name: user.display_name ?? null,
    years: user.years_until_retirement ?? USER_DEFAULTS.years_until_retirement,
    income: sql.decimal(user.target_retirement_income ?? USER_DEFAULTS.target_retirement_income),
    asset_targets: sql.json(user.asset_class_targets ?? USER_DEFAULTS.asset_class_targets),
    region_targets: sql.json(user.region_targets ?? USER_DEFAULTS.region_targets),
  };
}
