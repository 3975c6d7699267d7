import type { AgentName, AgentProgress, Job } from '@alex/contract';
import { AGENT_NAMES } from '@alex/contract/plain';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { useApi } from '../api/api-context.tsx';
import { errorMessage } from '../api/errors.ts';
import { formatDateTime } from './format.ts';

/** How often a pending or running job is polled. */
export const POLL_MS = 2000;

const AGENT_LABELS: Record<AgentName, { title: string; does: string }> = {
  tagger: { title: 'Instrument tagger', does: 'looks up holdings Alex knows nothing about yet' },
  reporter: { title: 'Report writer', does: 'writes the portfolio report' },
  charter: { title: 'Chart maker', does: 'draws the allocation charts' },
  retirement: { title: 'Retirement specialist', does: 'projects retirement income' },
};

type AgentStatus = AgentProgress['status'];

const STATUS_LABELS: Record<AgentStatus, string> = {
  pending: 'Waiting',
  running: 'Working',
  completed: 'Done',
  failed: 'Failed',
  skipped: 'Skipped',
};

/** Whether a job has finished, one way or the other. */
export const isSettled = (job: Job) => job.status === 'completed' || job.status === 'failed';

/** Each agent's status in a job, with its message. */
export function AgentList({ job }: { job: Job }) {
  return (
    <ol className="agents" aria-label="Agents">
      {AGENT_NAMES.map((agent) => {
        const progress = job.progress[agent];
        const status: AgentStatus = progress?.status ?? 'pending';
        return (
          <li key={agent} className={`agent status-${status}`} data-testid={`agent-${agent}`}>
            <span className={`badge status-${status}`}>{STATUS_LABELS[status]}</span>
            <span className="agent-name">
              <strong>{AGENT_LABELS[agent].title}</strong>{' '}
              <span className="muted">{AGENT_LABELS[agent].does}</span>
            </span>
            {progress?.message && (
              <span className="agent-message">
                {progress.message}
                {progress.symbols?.some((s) => s.outcome !== 'classified') && (
                  <>
                    {' '}
                    <Link to="/portfolio">Open your portfolio</Link>
                  </>
                )}
              </span>
            )}
            {(progress?.fallbacks ?? 0) > 0 && (
              <span className="agent-message">
                Claude's answer could not be used; Alex's built-in writer wrote this part.
              </span>
            )}
          </li>
        );
      })}
    </ol>
  );
}

/**
 * Polls `GET /api/jobs/{id}` every 2 s while the job is pending or running, showing each agent's
 * status; calls `onSettled` once with the completed or failed job.
 */
export function JobProgress({ initial, onSettled }: { initial: Job; onSettled: (job: Job) => void }) {
  const api = useApi();
  const [job, setJob] = useState(initial);
  const [pollError, setPollError] = useState<string | null>(null);
  const settledRef = useRef(onSettled);
  settledRef.current = onSettled;

  useEffect(() => {
    if (isSettled(initial)) {
      settledRef.current(initial);
      return;
    }
    const controller = new AbortController();
    let timer: number | undefined;
    const poll = async () => {
      try {
        const next = await api.getJob(initial.id, controller.signal);
        if (controller.signal.aborted) return;
        setJob(next);
        setPollError(null);
        if (isSettled(next)) return settledRef.current(next);
      } catch (err: unknown) {
        if (controller.signal.aborted) return;
        // A dropped poll is retried; the job goes on running on the server regardless.
        setPollError(errorMessage(err));
      }
      timer = window.setTimeout(poll, POLL_MS);
    };
    timer = window.setTimeout(poll, POLL_MS);
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [api, initial]);

  return (
    <section className="card stack" aria-labelledby="progress-heading">
      <h2 id="progress-heading" className="h2">
        Analysis {job.status === 'pending' ? 'queued' : job.status}
      </h2>
      <p className="muted" role="status" aria-live="polite">
        {job.status === 'pending'
          ? 'Waiting for the analysis to start…'
          : job.status === 'running'
            ? `The agents are working (started ${formatDateTime(job.started_at)}). This page updates by itself.`
            : `Finished ${formatDateTime(job.completed_at)}.`}
      </p>
      <AgentList job={job} />
      {pollError && (
        <p className="error-text" role="alert">
          Could not check progress: {pollError} Retrying…
        </p>
      )}
    </section>
  );
}
