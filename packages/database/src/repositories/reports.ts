import type { Executor } from '../client/data-api-client.ts';
import { NotFoundError } from '../client/errors.ts';
import { sql } from '../client/params.ts';
import type { Chart } from '../schemas/index.ts';
import { Report, ReportChartsInput, ReportTextInput } from '../schemas/index.ts';
import { parseRows, validate, validateId } from './validate.ts';

const COLUMNS = `id, clerk_user_id, job_id, report_date, report_summary, report_detail, asset_class_chart,
  region_chart, sector_chart, charts, generated_by, processing_time_ms, created_at, updated_at`;

/**
 * Reports: one row per job, written by two agents in parallel (the reporter's words, the charter's
 * charts); each upsert touches only its own columns, so neither overwrites the other.
 */
export function reportsRepository(db: Executor) {
  return {
    async saveText(clerkUserId: string, jobId: string, input: ReportTextInput): Promise<Report> {
      const text = validate(ReportTextInput, input);
      const [row] = await db.query(
        `INSERT INTO reports (clerk_user_id, job_id, report_summary, report_detail, generated_by, processing_time_ms)
         VALUES (:user, :job, :summary, :detail, :generated_by, :ms)
         ON CONFLICT (job_id) DO UPDATE SET
           report_summary = EXCLUDED.report_summary, report_detail = EXCLUDED.report_detail,
           generated_by = EXCLUDED.generated_by, processing_time_ms = EXCLUDED.processing_time_ms
         RETURNING ${COLUMNS}`,
        {
          user: clerkUserId,
          job: sql.uuid(validateId(jobId, 'job_id')),
          summary: text.report_summary,
          detail: text.report_detail,
          generated_by: text.generated_by,
          ms: text.processing_time_ms ?? null,
        },
      );
      return Report.parse(row);
    },

    /** Stores the charts; those keyed asset_class, regions and sectors also fill their own columns. */
    async saveCharts(clerkUserId: string, jobId: string, input: ReportChartsInput): Promise<Report> {
      const { charts } = validate(ReportChartsInput, input);
      const byKey = (key: string): Chart | null => charts.find((c) => c.key === key) ?? null;
      const [row] = await db.query(
        `INSERT INTO reports (clerk_user_id, job_id, charts, asset_class_chart, region_chart, sector_chart)
         VALUES (:user, :job, :charts, :asset_class, :region, :sector)
         ON CONFLICT (job_id) DO UPDATE SET
           charts = EXCLUDED.charts, asset_class_chart = EXCLUDED.asset_class_chart,
           region_chart = EXCLUDED.region_chart, sector_chart = EXCLUDED.sector_chart
         RETURNING ${COLUMNS}`,
        {
          user: clerkUserId,
          job: sql.uuid(validateId(jobId, 'job_id')),
          charts: sql.json(charts),
          asset_class: sql.json(byKey('asset_class')),
          region: sql.json(byKey('regions')),
          sector: sql.json(byKey('sectors')),
        },
      );
      return Report.parse(row);
    },

    /** The report of one of the user's jobs. */
    async getForJob(clerkUserId: string, jobId: string): Promise<Report> {
      const [row] = await db.query(
        `SELECT ${COLUMNS} FROM reports WHERE job_id = :job AND clerk_user_id = :user`,
        {
          job: sql.uuid(validateId(jobId, 'job_id')),
          user: clerkUserId,
        },
      );
      if (!row) throw new NotFoundError('report', jobId);
      return Report.parse(row);
    },

    /** The user's reports, newest first. */
    async list(clerkUserId: string, limit = 20): Promise<Report[]> {
      const rows = await db.query(
        `SELECT ${COLUMNS} FROM reports WHERE clerk_user_id = :user ORDER BY created_at DESC LIMIT :limit`,
        { user: clerkUserId, limit: Math.min(100, Math.max(1, Math.trunc(limit))) },
      );
      return parseRows(Report, rows);
    },
  };
}

export type ReportsRepository = ReturnType<typeof reportsRepository>;
