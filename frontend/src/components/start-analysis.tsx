import { useId, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useApi } from '../api/api-context.tsx';
import { ApiError, errorMessage } from '../api/errors.ts';
import { useResource } from '../api/use-resource.ts';

/** Why an analysis cannot start yet, in words shown beside the disabled button. */
export const NO_POSITIONS_REASON = 'Add a position to start an analysis.';

/**
 * Starts an analysis (`POST /api/analyze`) and goes to its page, where progress is shown. Every copy
 * follows one rule: with no positions the button is disabled and says why. A page that already has
 * the portfolio passes `positions`; otherwise the button counts them itself.
 */
export function StartAnalysisButton({ positions }: { positions?: number }) {
  const api = useApi();
  const navigate = useNavigate();
  const reasonId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; runningJobId?: string } | null>(null);
  const counted = useResource(
    async (signal) =>
      positions ??
      (await api.getPortfolio(signal)).accounts.reduce((n, account) => n + account.positions.length, 0),
    [api, positions],
  );
  // Unknown (still loading, or the count failed): leave the decision to the API.
  const known = positions ?? (counted.status === 'ready' ? counted.data : undefined);
  const reason = known === 0 ? NO_POSITIONS_REASON : null;

  async function start() {
    setBusy(true);
    setError(null);
    try {
      const { job_id } = await api.startAnalysis();
      navigate(`/reports/${encodeURIComponent(job_id)}`);
    } catch (err: unknown) {
      let runningJobId: string | undefined;
      if (err instanceof ApiError && err.status === 409) {
        const jobs = await api.listJobs().catch(() => []);
        runningJobId = jobs.find((j) => j.status === 'pending' || j.status === 'running')?.id;
      }
      setError(runningJobId ? { message: errorMessage(err), runningJobId } : { message: errorMessage(err) });
      setBusy(false);
    }
  }

  return (
    <div className="stack-sm">
      <button
        type="button"
        className="button"
        onClick={start}
        disabled={busy || reason !== null}
        aria-describedby={reason ? reasonId : undefined}
      >
        {busy ? 'Starting…' : 'Start analysis'}
      </button>
      {reason && (
        <p id={reasonId} className="muted small">
          {reason} <Link to="/portfolio">Go to your portfolio</Link>.
        </p>
      )}
      {error && (
        <p className="error-text" role="alert">
          {error.message}{' '}
          {error.runningJobId && (
            <Link to={`/reports/${encodeURIComponent(error.runningJobId)}`}>Watch the running analysis</Link>
          )}
        </p>
      )}
    </div>
  );
}
