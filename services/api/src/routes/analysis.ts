import { endpoints, type Job } from '@alex/contract';
import { type AnalysisJob, ValidationError } from '@alex/database';
import { DEFAULT_LIMITS } from '../deps.ts';
import { json } from '../http.ts';
import { type Route, userRoute } from '../router.ts';
import { parseBody, parseQuery, uuidParam } from '../validation.ts';

/** A job as the SPA sees it: status, per-agent progress, timings and the failure message. */
function jobView(job: AnalysisJob): Job {
  return {
    id: job.id,
    status: job.status,
    progress: job.progress,
    error_message: job.error_message,
    result: job.result_data,
    created_at: job.created_at,
    started_at: job.started_at,
    completed_at: job.completed_at,
    updated_at: job.updated_at,
  };
}

/** Starting an analysis, and everything it produced: job status, report, charts, retirement projection. */
export const analysisRoutes: Route[] = [
  userRoute(endpoints.startAnalysis, async ({ deps, userId, rawBody }) => {
    const request = parseBody(endpoints.startAnalysis.body, rawBody);
    await deps.repos.users.getOrCreate({ clerk_user_id: userId });
    await deps.repos.jobs.checkDailyQuota(userId, (deps.limits ?? DEFAULT_LIMITS).analysesPerDay);
    const portfolio = await deps.repos.portfolio.get(userId);
    if (!portfolio.accounts.some((account) => account.positions.length > 0)) {
      throw new ValidationError([
        { field: 'portfolio', message: 'add at least one position before analysing' },
      ]);
    }
    const job = await deps.repos.jobs.create(userId, request);
    try {
      await deps.queue.send(job.id);
    } catch (err: unknown) {
      // A job nobody will run would block every later analysis (one active job per user): fail it.
      await deps.repos.jobs.fail(job.id, 'The analysis could not be queued; please try again');
      throw err;
    }
    return json(202, { job_id: job.id }, { 'x-job-id': job.id, location: `/api/jobs/${job.id}` });
  }),

  userRoute(endpoints.listJobs, async ({ deps, userId, query }) => {
    const { limit } = parseQuery(endpoints.listJobs.query, query);
    return json(200, (await deps.repos.jobs.list(userId, limit)).map(jobView));
  }),

  userRoute(endpoints.getJob, async ({ deps, userId, params }) =>
    json(200, jobView(await deps.repos.jobs.get(userId, uuidParam(params)))),
  ),

  userRoute(endpoints.getReport, async ({ deps, userId, params }) => {
    const report = await deps.repos.reports.getForJob(userId, uuidParam(params));
    return json(200, {
      job_id: report.job_id,
      report_date: report.report_date,
      summary: report.report_summary,
      markdown: report.report_detail,
      charts: report.charts,
      generated_by: report.generated_by,
      processing_time_ms: report.processing_time_ms,
      created_at: report.created_at,
      updated_at: report.updated_at,
    });
  }),

  userRoute(endpoints.getRetirement, async ({ deps, userId, params }) => {
    const retirement = await deps.repos.retirement.getForJob(userId, uuidParam(params));
    return json(200, {
      job_id: retirement.job_id,
      estimated_income: retirement.estimated_income,
      success_rate: retirement.success_rate,
      figures: retirement.figures,
      summary: retirement.summary,
      detail: retirement.detail,
      chart: retirement.chart,
      assumptions: retirement.assumptions,
      generated_by: retirement.generated_by,
      created_at: retirement.created_at,
      updated_at: retirement.updated_at,
    });
  }),
];
