import type { Executor } from '../client/data-api-client.ts';
import { NotFoundError } from '../client/errors.ts';
import { sql } from '../client/params.ts';
import { type User, UserCreate, UserUpdate, userFromRow } from '../schemas/index.ts';
import { USER_COLUMNS as COLUMNS, ENSURE_USER_CTES, newUserParams } from './ensure-user.ts';
import { validate } from './validate.ts';

/** The plan's columns an update may set (or clear with null), and how each travels as a parameter. */
const PLAN_COLUMNS = {
  birth_year: 'plain',
  retirement_age: 'plain',
  annual_contribution: 'decimal',
  contribution_rises_with_inflation: 'plain',
  other_retirement_income: 'decimal',
  other_income_start_age: 'plain',
  annual_fee_percent: 'decimal',
  risk_score: 'plain',
} as const;
type PlanColumn = keyof typeof PLAN_COLUMNS;

/**
 * The SET clauses and parameters for the plan fields in an update. Setting years_until_retirement
 * alone, for a user whose birth year is known, moves the retirement age to match, so the derived
 * years stay what the user asked for.
 */
function planSets(update: ReturnType<typeof UserUpdate.parse>) {
  const sets: string[] = [];
  const params: Record<string, unknown> = {};
  for (const [column, kind] of Object.entries(PLAN_COLUMNS) as [PlanColumn, string][]) {
    if (!(column in update)) continue;
    const value = update[column] ?? null;
    sets.push(`${column} = :plan_${column}`);
    params[`plan_${column}`] =
      kind === 'decimal' ? sql.decimal(value === null ? null : String(value)) : value;
  }
  if (update.years_until_retirement !== undefined && !('retirement_age' in update)) {
    const birthYear = 'birth_year' in update ? ':plan_birth_year::int' : 'birth_year';
    sets.push(`retirement_age = CASE WHEN ${birthYear} IS NULL THEN retirement_age
      ELSE LEAST(GREATEST(EXTRACT(YEAR FROM CURRENT_DATE)::int - ${birthYear} + :years, 30), 100) END`);
  }
  return { sets, params };
}

/** Users: one row per Clerk user, with their retirement goals and allocation targets. */
export function usersRepository(db: Executor) {
  return {
    async get(clerkUserId: string): Promise<User | null> {
      const [row] = await db.query(`SELECT ${COLUMNS} FROM users WHERE clerk_user_id = :id`, {
        id: clerkUserId,
      });
      return row ? userFromRow(row) : null;
    },

    /** The user, created with defaults on first sight (one statement, race-free). */
    async getOrCreate(input: UserCreate): Promise<User> {
      const user = validate(UserCreate, input);
      const [row] = await db.query(
        `WITH ${ENSURE_USER_CTES} SELECT ${COLUMNS} FROM owner`,
        newUserParams(user),
      );
      return userFromRow(row as Record<string, unknown>);
    },

    /**
     * Creates or refreshes a user from an identity event (Clerk webhook); preferences are kept. With
     * `source_updated_at` (Clerk's `updated_at`), an event older than the one last applied changes
     * nothing and null is returned.
     */
    async upsertIdentity(
      input: { clerk_user_id: string; display_name?: string | null },
      options: { sourceUpdatedAt?: number } = {},
    ): Promise<User | null> {
      const user = validate(UserCreate, input);
      const [row] = await db.query(
        `INSERT INTO users (clerk_user_id, display_name, years_until_retirement, target_retirement_income,
                            asset_class_targets, region_targets, clerk_updated_at)
         VALUES (:id, :name, :years, :income, :asset_targets, :region_targets, :source_updated_at)
         ON CONFLICT (clerk_user_id) DO UPDATE SET
           display_name = COALESCE(EXCLUDED.display_name, users.display_name),
           clerk_updated_at = COALESCE(EXCLUDED.clerk_updated_at, users.clerk_updated_at)
         WHERE users.clerk_updated_at IS NULL OR EXCLUDED.clerk_updated_at IS NULL
            OR EXCLUDED.clerk_updated_at > users.clerk_updated_at
         RETURNING ${COLUMNS}`,
        { ...newUserParams(user), source_updated_at: options.sourceUpdatedAt ?? null },
      );
      return row ? userFromRow(row) : null;
    },

    async update(clerkUserId: string, input: UserUpdate): Promise<User> {
      const update = validate(UserUpdate, input);
      const plan = planSets(update);
      const [row] = await db.query(
        `UPDATE users SET
           display_name = CASE WHEN :set_name THEN :name ELSE display_name END,
           years_until_retirement = COALESCE(:years, years_until_retirement),
           target_retirement_income = COALESCE(:income, target_retirement_income),
           asset_class_targets = COALESCE(:asset_targets::jsonb, asset_class_targets),
           region_targets = COALESCE(:region_targets::jsonb, region_targets)${plan.sets.map((set) => `,\n           ${set}`).join('')}
         WHERE clerk_user_id = :id
         RETURNING ${COLUMNS}`,
        {
          id: clerkUserId,
          set_name: 'display_name' in update,
          name: update.display_name ?? null,
          years: update.years_until_retirement ?? null,
          income: sql.decimal(update.target_retirement_income ?? null),
          asset_targets: sql.json(update.asset_class_targets ?? null),
          region_targets: sql.json(update.region_targets ?? null),
          ...plan.params,
        },
      );
      if (!row) throw new NotFoundError('user', clerkUserId);
      return userFromRow(row as Record<string, unknown>);
    },

    /** Deletes the user and, by cascade, everything they own. */
    async delete(clerkUserId: string): Promise<boolean> {
      const { numberOfRecordsUpdated } = await db.execute('DELETE FROM users WHERE clerk_user_id = :id', {
        id: clerkUserId,
      });
      return numberOfRecordsUpdated > 0;
    },
  };
}

export type UsersRepository = ReturnType<typeof usersRepository>;
