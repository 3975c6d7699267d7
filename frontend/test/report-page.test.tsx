import { render, screen } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../src/api/errors.ts';
import ReportPage from '../src/pages/report.tsx';
import { fakeApi, Providers } from './fake-api.tsx';
import { jobFixture, reportFixture, retirementFixture } from './fixtures.ts';

const JOB = jobFixture({
  status: 'completed',
  progress: { tagger: { status: 'skipped' }, reporter: { status: 'completed' } },
  completed_at: '2026-11-25T10:01:00Z',
});

function renderPage(api: ReturnType<typeof fakeApi>) {
  render(
    <Providers api={api} path="/reports/job-1">
      <Routes>
        <Route path="/reports/:jobId" element={<ReportPage />} />
      </Routes>
    </Providers>,
  );
}

describe('ReportPage', () => {
  it("shows a failed job's message and each agent's status", async () => {
    const failed = {
      ...JOB,
      status: 'failed' as const,
      error_message: 'reporter: Bedrock throttled the model',
    };
    renderPage(fakeApi({ getJob: vi.fn(async () => failed) }));

    expect(await screen.findByText('The analysis failed')).toBeTruthy();
    expect(screen.getByText('reporter: Bedrock throttled the model')).toBeTruthy();
    expect(screen.getByTestId('agent-tagger').textContent).toContain('Skipped');
  });

  it('shows the summary and retirement figures of a completed job', async () => {
    renderPage(
      fakeApi({
        getJob: vi.fn(async () => JOB),
        getReport: vi.fn(async () =>
          reportFixture({ summary: 'Your portfolio is **balanced**.', markdown: '# Detail' }),
        ),
        getRetirement: vi.fn(async () =>
          retirementFixture({ estimated_income: '58000.5', success_rate: '82.4' }),
        ),
      }),
    );

    expect(await screen.findByText('balanced')).toBeTruthy();
    expect(screen.getByText('$58,000.50')).toBeTruthy();
    expect(screen.getByText('82.4%')).toBeTruthy();
    expect(screen.getByText(/not financial advice/)).toBeTruthy();
  });

  it("says plainly which text Alex's built-in writer wrote when Claude's answer could not be used", async () => {
    renderPage(
      fakeApi({
        getJob: vi.fn(async () => JOB),
        getReport: vi.fn(async () =>
          reportFixture({
            summary: 'Summary here',
            markdown: '# Detail',
            charts: [],
            generated_by: 'offline-fallback',
          }),
        ),
        getRetirement: vi.fn(async () =>
          retirementFixture({ generated_by: 'us.anthropic.claude-sonnet-4-20250514-v1:0' }),
        ),
      }),
    );

    const notice = await screen.findByRole('note', { name: "Written by Alex's built-in writer" });
    expect(notice.textContent).toContain(
      "Claude's answer could not be used for the summary and full report, so this text was written by Alex's built-in writer from the same computed figures.",
    );
    expect(notice.textContent).not.toContain('retirement');
    expect(screen.getByText(/Written by Alex's built-in writer, because/)).toBeTruthy();
  });

  it('shows no such notice on a report Claude wrote', async () => {
    renderPage(
      fakeApi({
        getJob: vi.fn(async () => JOB),
        getReport: vi.fn(async () =>
          reportFixture({
            summary: 'Summary here',
            markdown: '# Detail',
            charts: [],
            generated_by: 'us.anthropic.claude-sonnet-4-20250514-v1:0',
          }),
        ),
        getRetirement: vi.fn(async () => Promise.reject(new ApiError(404, 'not_found', 'Not found'))),
      }),
    );

    expect(await screen.findByText('Summary here')).toBeTruthy();
    expect(screen.queryByRole('note')).toBeNull();
  });

  it("marks an agent whose text came from the built-in writer in the job's progress", async () => {
    const failed = {
      ...JOB,
      status: 'failed' as const,
      error_message: 'charter: no value',
      progress: { reporter: { status: 'completed' as const, fallbacks: 1 } },
    };
    renderPage(fakeApi({ getJob: vi.fn(async () => failed) }));

    await screen.findByText('The analysis failed');
    expect(screen.getByTestId('agent-reporter').textContent).toContain("Claude's answer could not be used");
    expect(screen.getByTestId('agent-charter').textContent).not.toContain("Claude's answer");
  });

  it('still shows the report when no retirement projection was stored', async () => {
    renderPage(
      fakeApi({
        getJob: vi.fn(async () => JOB),
        getReport: vi.fn(async () => reportFixture({ summary: 'Summary here' })),
        getRetirement: vi.fn(async () => Promise.reject(new ApiError(404, 'not_found', 'Not found'))),
      }),
    );

    expect(await screen.findByText('Summary here')).toBeTruthy();
    expect(screen.getByText('This analysis has no retirement projection.')).toBeTruthy();
  });

  it('says so when the job does not exist', async () => {
    renderPage(
      fakeApi({ getJob: vi.fn(async () => Promise.reject(new ApiError(404, 'not_found', 'Job not found'))) }),
    );

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('There is no analysis at this address');
    expect(screen.getByRole('link', { name: 'Back to your reports' }).getAttribute('href')).toBe('/reports');
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
  });

  it('offers a way back, not a retry, for a malformed report id', async () => {
    renderPage(
      fakeApi({
        getJob: vi.fn(async () =>
          Promise.reject(
            new ApiError(400, 'validation_error', 'The request is invalid', [
              { field: 'id', message: 'must be a UUID' },
            ]),
          ),
        ),
      }),
    );

    expect((await screen.findByRole('alert')).textContent).toContain('There is no analysis at this address');
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
  });

  it('still offers a retry when the API could not be reached', async () => {
    renderPage(
      fakeApi({ getJob: vi.fn(async () => Promise.reject(new ApiError(500, 'internal_error', 'Boom'))) }),
    );

    expect((await screen.findByRole('alert')).textContent).toContain('Boom');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
