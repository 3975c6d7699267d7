import { z } from 'zod';
import type { Executor } from '../client/data-api-client.ts';
import { sql } from '../client/params.ts';
import { IsoTimestamp } from '../schemas/index.ts';
import { validate, validateId } from './validate.ts';

const Share = z.object({ key: z.string(), percent: z.number() });

/** What the portfolio looked like when an analysis ran: the figures two reports are compared on. */
export const AnalysisSnapshot = z.object({
  total_value: z.number(),
  invested_value: z.number(),
  cash_value: z.number(),
  asset_class: z.array(Share),
  regions: z.array(Share),
  failing_checks: z.array(z.string()),
});
export type AnalysisSnapshot = z.infer<typeof AnalysisSnapshot>;

/** One completed analysis with its snapshot and retirement figures (null where the run has none). */
export const HistoryRow = z.object({
  job_id: z.string(),
  created_at: IsoTimestamp,
  completed_at: IsoTimestamp.nullable(),
  snapshot: AnalysisSnapshot.nullable().catch(null),
  success_rate: z.string().nullable(),
  estimated_income: z.string().nullable(),
});
export type HistoryRow = z.infer<typeof HistoryRow>;

/** Snapshots of the portfolio per analysis, and the history they make. */
export function snapshotsRepository(db: Executor) {
  return {
    /** Stores (or replaces) the snapshot of one of the user's jobs. */
    async save(clerkUserId: string, jobId: string, snapshot: AnalysisSnapshot): Promise<void> {
      const valid = validate(AnalysisSnapshot, snapshot);
      await db.query(
        `INSERT INTO analysis_snapshots (job_id, clerk_user_id, snapshot) VALUES (:job, :user, :snapshot)
         ON CONFLICT (job_id) DO UPDATE SET snapshot = EXCLUDED.snapshot`,
        { job: sql.uuid(validateId(jobId, 'job_id')), user: clerkUserId, snapshot: sql.json(valid) },
      );
    },

    /** The snapshot of one of the user's jobs, or null when that run recorded none. */
    async get(clerkUserId: string, jobId: string): Promise<AnalysisSnapshot | null> {
      const [row] = await db.query<{ snapshot: unknown }>(
        'SELECT snapshot FROM analysis_snapshots WHERE job_id = :job AND clerk_user_id = :user',
        { job: sql.uuid(validateId(jobId, 'job_id')), user: clerkUserId },
      );
      return row ? AnalysisSnapshot.parse(row.snapshot) : null;
    },

    /** The user's completed analyses, newest first, each with its snapshot and retirement figures. */
    async history(clerkUserId: string, limit = 50): Promise<HistoryRow[]> {
      const rows = await db.query(
        `SELECT j.id AS job_id, j.created_at, j.completed_at, s.snapshot,
                r.success_rate, r.estimated_income
           FROM analysis_jobs j
           LEFT JOIN analysis_snapshots s ON s.job_id = j.id
           LEFT JOIN retirement r ON r.job_id = j.id
          WHERE j.clerk_user_id = :user AND j.status = 'completed'
          ORDER BY j.created_at DESC
          LIMIT :limit`,
        { user: clerkUserId, limit: Math.min(100, Math.max(1, Math.trunc(limit))) },
      );
      return rows.map((row) => HistoryRow.parse(row));
    },
  };
}
