import type { JobStatus } from '@alex/contract';

const LABELS: Record<JobStatus, string> = {
  pending: 'Queued',
  running: 'Running',
  completed: 'Completed',
  failed: 'Failed',
};

/** A job's status as a coloured, labelled badge. */
export function StatusBadge({ status }: { status: JobStatus }) {
  return <span className={`badge status-${status}`}>{LABELS[status] ?? status}</span>;
}
