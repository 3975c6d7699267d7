import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useApi } from '../api/api-context.tsx';
import { ApiError, errorMessage } from '../api/errors.ts';

/** Starts an analysis (`POST /api/analyze`) and goes to its page, where progress is shown. */
export function StartAnalysisButton({ disabled = false }: { disabled?: boolean }) {
  const api = useApi();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; runningJobId?: string } | null>(null);

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
      <button type="button" className="button" onClick={start} disabled={busy || disabled}>
        {busy ? 'Starting…' : 'Start analysis'}
      </button>
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
