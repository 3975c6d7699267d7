import type { Job } from '@alex/contract';
import { render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { JobProgress, POLL_MS } from '../src/components/job-progress.tsx';
import { fakeApi, Providers } from './fake-api.tsx';
import { jobFixture } from './fixtures.ts';

const job = jobFixture;

describe('JobProgress', () => {
  afterEach(() => vi.useRealTimers());

  it("shows each agent's status and message", () => {
    const running = job({
      progress: {
        tagger: { status: 'completed' },
        reporter: { status: 'running' },
        charter: { status: 'failed', message: 'charter: model returned no charts' },
        retirement: { status: 'skipped', message: 'no retirement data' },
      },
    });

    render(
      <Providers api={fakeApi({ getJob: vi.fn(() => new Promise<Job>(() => {})) })}>
        <JobProgress initial={running} onSettled={() => {}} />
      </Providers>,
    );

    expect(within(screen.getByTestId('agent-tagger')).getByText('Done')).toBeTruthy();
    expect(within(screen.getByTestId('agent-reporter')).getByText('Working')).toBeTruthy();
    expect(within(screen.getByTestId('agent-charter')).getByText('Failed')).toBeTruthy();
    expect(
      within(screen.getByTestId('agent-charter')).getByText('charter: model returned no charts'),
    ).toBeTruthy();
    expect(within(screen.getByTestId('agent-retirement')).getByText('Skipped')).toBeTruthy();
  });

  it('treats an agent with no progress yet as waiting', () => {
    render(
      <Providers api={fakeApi({ getJob: vi.fn(() => new Promise<Job>(() => {})) })}>
        <JobProgress initial={job({ status: 'pending' })} onSettled={() => {}} />
      </Providers>,
    );

    expect(within(screen.getByTestId('agent-reporter')).getByText('Waiting')).toBeTruthy();
  });

  it('polls every 2 seconds and reports the job once it completes', async () => {
    vi.useFakeTimers();
    const completed = job({ status: 'completed', progress: { reporter: { status: 'completed' } } });
    const getJob = vi.fn().mockResolvedValueOnce(job()).mockResolvedValueOnce(completed);
    const onSettled = vi.fn();
    render(
      <Providers api={fakeApi({ getJob })}>
        <JobProgress initial={job()} onSettled={onSettled} />
      </Providers>,
    );

    await vi.advanceTimersByTimeAsync(POLL_MS);
    expect(getJob).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(POLL_MS);

    expect(getJob).toHaveBeenCalledTimes(2);
    expect(onSettled).toHaveBeenCalledWith(completed);
  });
});
