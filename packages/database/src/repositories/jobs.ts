import type { Executor } from '../client/data-api-client.ts';
import { ConflictError, NotFoundError } from '../client/errors.ts';
import { sql } from '../client/params.ts';
import { AgentName, AgentProgress, AnalysisJob } from '../schemas/index.ts';
import { enforceDailyLimit } from './daily-limit.ts';
import { parseRows, validate, validateId } from './validate.ts';

const COLUMNS = `id, clerk_user_id, status, request_data, result_data, progress, error_message,
  created_at, started_at, completed_at, updated_at`;

/** Analysis jobs: created by the API, claimed and finished by the planner. */
export function jobsRepository(db: Executor) {
  return {
    /** A new pending job; a {@link ConflictError} if the user already has one pending or running. */
    async create(clerkUserId: string, requestData: Record<string, unknown> = {}): Promise<AnalysisJob> {
      try {
        const [row] = await db.query(
          `INSERT INTO analysis_jobs (clerk_user_id, request_data) VALUES (:user, :request) RETURNING ${COLUMNS}`,
          { user: clerkUserId, request: sql.json(requestData) },
        );
        return AnalysisJob.parse(row);
      } catch (err: unknown) {
        if (err instanceof ConflictError && err.constraint === 'idx_jobs_one_active_per_user') {
          throw new ConflictError('An analysis is already running for this user', err.constraint, {
            cause: err,
          });
        }
        throw err;
      }
    },

    /**
     * Throws {@link LimitExceededError} once the user has started `perDay` analyses in the last 24
     * hours, with the seconds until the oldest of them leaves the window. With at most one job in
     * flight per user (a unique index), this check and the next `create` cannot be raced.
     */
    async checkDailyQuota(clerkUserId: string, perDay: number): Promise<void> {
      await enforceDailyLimit(
        db,
        { table: 'analysis_jobs', owner: 'clerk_user_id' },
        clerkUserId,
        perDay,
        `You have used your ${perDay} analyses for today; you can start another later`,
      );
    },

    /** The user's job; another user's is not found. */
    async get(clerkUserId: string, id: string): Promise<AnalysisJob> {
      const [row] = await db.query(
        `SELECT ${COLUMNS} FROM analysis_jobs WHERE id = :id AND clerk_user_id = :user`,
        {
          id: sql.uuid(validateId(id)),
          user: clerkUserId,
        },
      );
      if (!row) throw new NotFoundError('job', id);
      return AnalysisJob.parse(row);
    },

    /** Any job by id: for the planner, which acts for the job's owner. */
    async getById(id: string): Promise<AnalysisJob | null> {
      const [row] = await db.query(`SELECT ${COLUMNS} FROM analysis_jobs WHERE id = :id`, {
        id: sql.uuid(validateId(id)),
      });
      return row ? AnalysisJob.parse(row) : null;
    },

    /** The user's jobs, newest first. */
    async list(clerkUserId: string, limit = 20): Promise<AnalysisJob[]> {
      const rows = await db.query(
        `SELECT ${COLUMNS} FROM analysis_jobs WHERE clerk_user_id = :user ORDER BY created_at DESC LIMIT :limit`,
        { user: clerkUserId, limit: Math.min(100, Math.max(1, Math.trunc(limit))) },
      );
      return parseRows(AnalysisJob, rows);
    },

    /** Ids of jobs still pending, oldest first: the local worker re-queues them at start-up. */
    async listPendingIds(): Promise<string[]> {
      const rows = await db.query<{ id: string }>(
        "SELECT id FROM analysis_jobs WHERE status = 'pending' ORDER BY created_at LIMIT 1000",
      );
      return rows.map((r) => r.id);
    },

    /**
     * Claims a job for processing in one conditional UPDATE: pending → running, or a running job
     * whose worker has been silent for `staleAfterSeconds` (it died). Anything else returns null:
     * a duplicate or late delivery that must do no work.
     */
    async claim(id: string, options: { staleAfterSeconds: number }): Promise<AnalysisJob | null> {
      const [row] = await db.query(
        `UPDATE analysis_jobs SET status = 'running', started_at = now(), error_message = NULL, progress = '{}'
         WHERE id = :id
           AND (status = 'pending'
                OR (status = 'running' AND updated_at < now() - make_interval(secs => :stale)))
         RETURNING ${COLUMNS}`,
        { id: sql.uuid(validateId(id)), stale: options.staleAfterSeconds },
      );
      return row ? AnalysisJob.parse(row) : null;
    },

    /**
     * running → pending, for a worker that hit a transient failure and hands the job back to the
     * queue's retry; false if the job was not running.
     */
    async release(id: string): Promise<boolean> {
      const { numberOfRecordsUpdated } = await db.execute(
        "UPDATE analysis_jobs SET status = 'pending', started_at = NULL WHERE id = :id AND status = 'running'",
        { id: sql.uuid(validateId(id)) },
      );
      return numberOfRecordsUpdated > 0;
    },

    /**
     * Records one agent's progress, merged into the job's progress map and into the agent's entry
     * (so a fallback count the agent recorded survives the planner's "completed").
     */
    async setProgress(id: string, agent: AgentName, progress: AgentProgress): Promise<void> {
      const value = validate(AgentProgress, progress, 'progress');
      await db.execute(
        `UPDATE analysis_jobs SET progress = progress || jsonb_build_object(:agent::text,
           COALESCE(progress -> (:agent::text), '{}'::jsonb) || :progress::jsonb)
         WHERE id = :id AND status = 'running'`,
        {
          id: sql.uuid(validateId(id)),
          agent: validate(AgentName, agent, 'agent'),
          progress: sql.json(value),
        },
      );
    },

    /**
     * Adds one to an agent's fallback count in a running job's progress (its other fields kept; an
     * agent with no entry yet is recorded as running).
     */
    async recordFallback(id: string, agent: string): Promise<void> {
      await db.execute(
        `UPDATE analysis_jobs SET progress = progress || jsonb_build_object(:agent::text,
           COALESCE(progress -> (:agent::text), '{"status": "running"}'::jsonb) || jsonb_build_object('fallbacks',
             COALESCE((progress -> (:agent::text) ->> 'fallbacks')::int, 0) + 1))
         WHERE id = :id AND status = 'running'`,
        { id: sql.uuid(validateId(id)), agent: validate(AgentName, agent, 'agent') },
      );
    },

    /** running → completed with a result summary; false if the job was not running. */
    async complete(id: string, resultData: Record<string, unknown>): Promise<boolean> {
      const { numberOfRecordsUpdated } = await db.execute(
        `UPDATE analysis_jobs SET status = 'completed', result_data = :result, completed_at = now()
         WHERE id = :id AND status = 'running'`,
        { id: sql.uuid(validateId(id)), result: sql.json(resultData) },
      );
      return numberOfRecordsUpdated > 0;
    },

    /** pending/running → failed with a message naming what failed; false if already finished. */
    async fail(id: string, message: string): Promise<boolean> {
      const { numberOfRecordsUpdated } = await db.execute(
        `UPDATE analysis_jobs SET status = 'failed', error_message = :message, completed_at = now()
         WHERE id = :id AND status IN ('pending', 'running')`,
        { id: sql.uuid(validateId(id)), message: message.slice(0, 4000) },
      );
      return numberOfRecordsUpdated > 0;
    },
  };
}

export type JobsRepository = ReturnType<typeof jobsRepository>;
