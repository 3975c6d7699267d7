import type { Executor } from '../client/data-api-client.ts';
import { LimitExceededError } from '../client/errors.ts';

/** The rows a user creates that count against a daily limit: which table, and its owner column. */
export type DailyCounted =
  | { table: 'analysis_jobs'; owner: 'clerk_user_id' }
  | { table: 'instruments'; owner: 'created_by' };

/**
 * Throws {@link LimitExceededError} with `message` once `clerkUserId` has created `perDay` rows of
 * `counted` in the last 24 hours, carrying the seconds until the oldest of them leaves the window.
 */
export async function enforceDailyLimit(
  db: Executor,
  counted: DailyCounted,
  clerkUserId: string,
  perDay: number,
  message: string,
): Promise<void> {
  const [usage] = await db.query<{ used: number; retry_after: number | null }>(
    `SELECT COUNT(*) AS used,
            EXTRACT(EPOCH FROM MIN(created_at) + interval '24 hours' - now())::float8 AS retry_after
     FROM ${counted.table}
     WHERE ${counted.owner} = :user AND created_at > now() - interval '24 hours'`,
    { user: clerkUserId },
  );
  if ((usage?.used ?? 0) >= perDay) throw new LimitExceededError(message, usage?.retry_after ?? 24 * 3600);
}
