import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BACKENDS, DEMO_USER, RETIREMENT_FIGURES, startTestApi, type TestApi } from './support.ts';

const PROJECTION = {
  title: 'Projection',
  type: 'projection' as const,
  description: 'Portfolio value by year',
  data: [{ year: 0, phase: 'accumulation' as const, p10: 1, p50: 2, p90: 3 }],
};

describe.each(BACKENDS)('analysis jobs (%s)', (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(kind);
  });
  afterAll(() => api.close());
  beforeEach(async () => {
    await api.db.client.execute('DELETE FROM analysis_jobs');
    api.queue.sent.length = 0;
  });

  it('POST /api/analyze creates a pending job, queues its id and answers 202 at once', async () => {
    const res = await api.call('POST', '/api/analyze', { user: DEMO_USER });
    expect(res.status).toBe(202);
    expect(res.headers['x-job-id']).toBe(res.body.job_id);
    expect(api.queue.sent).toEqual([res.body.job_id]);
    expect((await api.repos.jobs.get(DEMO_USER, res.body.job_id)).status).toBe('pending');
  });

  it('a second analysis while one is pending is a 409 and queues nothing', async () => {
    await api.call('POST', '/api/analyze', { user: DEMO_USER });
    const res = await api.call('POST', '/api/analyze', { user: DEMO_USER, body: {} });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('conflict');
    expect(api.queue.sent).toHaveLength(1);
  });

  it('an empty portfolio cannot be analysed (400) and no job is created', async () => {
    const res = await api.call('POST', '/api/analyze', { user: 'user_nothing_held' });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].field).toBe('portfolio');
    expect(await api.repos.jobs.list('user_nothing_held')).toEqual([]);
  });

  it('when the queue fails the job is marked failed, the answer is a 500, and a retry can start', async () => {
    api.queue.failNext = true;
    const res = await api.call('POST', '/api/analyze', { user: DEMO_USER });
    expect(res.status).toBe(500);
    expect(res.body).toEqual({
      error: { code: 'internal_error', message: 'Something went wrong on our side' },
    });
    const [job] = await api.repos.jobs.list(DEMO_USER);
    expect(job?.status).toBe('failed');
    expect((await api.call('POST', '/api/analyze', { user: DEMO_USER })).status).toBe(202);
  });

  it('the job history lists the user’s jobs newest first with status and times', async () => {
    const first = await api.repos.jobs.create(DEMO_USER);
    await api.repos.jobs.fail(first.id, 'reporter: model unavailable');
    const second = await api.call('POST', '/api/analyze', { user: DEMO_USER });
    const res = await api.call('GET', '/api/jobs', { user: DEMO_USER });
    expect(res.body.map((j: { id: string }) => j.id)).toEqual([second.body.job_id, first.id]);
    expect(res.body[1]).toMatchObject({ status: 'failed', error_message: 'reporter: model unavailable' });
    expect(res.body[1].completed_at).not.toBeNull();
  });

  it('a job shows its per-agent progress', async () => {
    const job = await api.repos.jobs.create(DEMO_USER);
    await api.repos.jobs.claim(job.id, { staleAfterSeconds: 900 });
    await api.repos.jobs.setProgress(job.id, 'reporter', { status: 'running' });
    const res = await api.call('GET', `/api/jobs/${job.id}`, { user: DEMO_USER });
    expect(res.body).toMatchObject({
      id: job.id,
      status: 'running',
      progress: { reporter: { status: 'running' } },
    });
  });

  it('a finished job’s report, charts and retirement projection can be read', async () => {
    const job = await api.repos.jobs.create(DEMO_USER);
    await api.repos.reports.saveText(DEMO_USER, job.id, {
      report_summary: 'Summary',
      report_detail: '# Report',
      generated_by: 'offline',
    });
    const chart = {
      key: 'asset_class',
      title: 'Mix',
      type: 'pie' as const,
      description: 'd',
      data: [{ name: 'Equity', value: 100, color: '#3B82F6' }],
    };
    await api.repos.reports.saveCharts(DEMO_USER, job.id, { charts: [chart] });
    await api.repos.retirement.save(DEMO_USER, job.id, {
      estimated_income: 65000,
      success_rate: 82.5,
      figures: RETIREMENT_FIGURES,
      summary: 'On track',
      detail: '## Detail',
      chart: PROJECTION,
      assumptions: { paths: 500 },
      generated_by: 'offline-fallback',
    });

    const report = await api.call('GET', `/api/jobs/${job.id}/report`, { user: DEMO_USER });
    expect(report.body).toMatchObject({
      job_id: job.id,
      markdown: '# Report',
      summary: 'Summary',
      charts: [chart],
    });
    const retirement = await api.call('GET', `/api/jobs/${job.id}/retirement`, { user: DEMO_USER });
    expect(retirement.body).toMatchObject({
      estimated_income: '65000.00',
      success_rate: '82.50',
      chart: PROJECTION,
      generated_by: 'offline-fallback',
    });
  });

  it('a job with no report yet answers 404 for its report', async () => {
    const job = await api.repos.jobs.create(DEMO_USER);
    expect((await api.call('GET', `/api/jobs/${job.id}/report`, { user: DEMO_USER })).status).toBe(404);
  });
});
