import type { Executor } from '../client/data-api-client.ts';
import { NotFoundError } from '../client/errors.ts';
import { sql } from '../client/params.ts';
import { Retirement, RetirementInput } from '../schemas/index.ts';
import { validate, validateId } from './validate.ts';

const COLUMNS = `id, clerk_user_id, job_id, estimated_income, success_rate, figures, summary, detail, chart,
  assumptions, generated_by, created_at, updated_at`;

/** Retirement projections: one row per job, with the projection chart. */
export function retirementRepository(db: Executor) {
  return {
    async save(clerkUserId: string, jobId: string, input: RetirementInput): Promise<Retirement> {
      const projection = validate(RetirementInput, input);
      const [row] = await db.query(
        `INSERT INTO retirement (clerk_user_id, job_id, estimated_income, success_rate, figures, summary, detail, chart,
                                 assumptions, generated_by)
         VALUES (:user, :job, :income, :success, :figures, :summary, :detail, :chart, :assumptions, :generated_by)
         ON CONFLICT (job_id) DO UPDATE SET
           estimated_income = EXCLUDED.estimated_income, success_rate = EXCLUDED.success_rate,
           figures = EXCLUDED.figures,
           summary = EXCLUDED.summary, detail = EXCLUDED.detail, chart = EXCLUDED.chart,
           assumptions = EXCLUDED.assumptions, generated_by = EXCLUDED.generated_by
         RETURNING ${COLUMNS}`,
        {
          user: clerkUserId,
          job: sql.uuid(validateId(jobId, 'job_id')),
          income: sql.decimal(projection.estimated_income.toFixed(2)),
          success: sql.decimal(projection.success_rate.toFixed(2)),
          figures: sql.json(projection.figures),
          summary: projection.summary,
          detail: projection.detail,
          chart: sql.json(projection.chart),
          assumptions: sql.json(projection.assumptions),
          generated_by: projection.generated_by,
        },
      );
      return Retirement.parse(row);
    },

    async getForJob(clerkUserId: string, jobId: string): Promise<Retirement> {
      const [row] = await db.query(
        `SELECT ${COLUMNS} FROM retirement WHERE job_id = :job AND clerk_user_id = :user`,
        {
          job: sql.uuid(validateId(jobId, 'job_id')),
          user: clerkUserId,
        },
      );
      if (!row) throw new NotFoundError('retirement', jobId);
      return Retirement.parse(row);
    },
  };
}

export type RetirementRepository = ReturnType<typeof retirementRepository>;
