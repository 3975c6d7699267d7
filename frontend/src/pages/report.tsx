import type { Job } from '@alex/contract';
import { useCallback, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useApi } from '../api/api-context.tsx';
import { useResource } from '../api/use-resource.ts';
import { formatDateTime } from '../components/format.ts';
import { AgentList, isSettled, JobProgress } from '../components/job-progress.tsx';
import { usePageTitle } from '../components/page-title.ts';
import { ReportResult } from '../components/report/report-result.tsx';
import { StartAnalysisButton } from '../components/start-analysis.tsx';
import { ErrorState, isPermanent, Loading } from '../components/states.tsx';

function FailedJob({ job }: { job: Job }) {
  return (
    <section className="card stack" aria-labelledby="failed-heading">
      <div className="state error" role="alert">
        <h2 id="failed-heading" className="h2">
          The analysis failed
        </h2>
        <p>{job.error_message ?? 'The analysis stopped without saying why. Try starting it again.'}</p>
      </div>
      <AgentList job={job} />
      <StartAnalysisButton />
    </section>
  );
}

/** A report id that does not exist, is another user's, or is not an id at all: no retry, a way back. */
function NoSuchAnalysis() {
  return (
    <div className="state error" role="alert">
      <h2 className="h2">There is no analysis at this address</h2>
      <p>The link may be incomplete or mistyped, or the analysis may belong to another account.</p>
      <p>
        <Link to="/reports">Back to your reports</Link>
      </p>
    </div>
  );
}

/** One analysis: live progress while it runs, then the report, charts and retirement projection. */
export default function ReportPage() {
  const { jobId = '' } = useParams();
  const api = useApi();
  const loaded = useResource((signal) => api.getJob(jobId, signal), [api, jobId]);
  usePageTitle(loaded.status === 'error' && isPermanent(loaded.error) ? 'Analysis not found' : 'Analysis');
  const [settled, setSettled] = useState<Job | null>(null);
  const onSettled = useCallback((job: Job) => setSettled(job), []);

  const job =
    settled?.id === jobId
      ? settled
      : loaded.status === 'ready' && isSettled(loaded.data)
        ? loaded.data
        : null;
  let body: React.ReactNode;
  if (loaded.status === 'loading') body = <Loading label="Loading the analysis" />;
  else if (loaded.status === 'error' && isPermanent(loaded.error)) body = <NoSuchAnalysis />;
  else if (loaded.status === 'error') body = <ErrorState error={loaded.error} onRetry={loaded.reload} />;
  else if (!job) body = <JobProgress key={loaded.data.id} initial={loaded.data} onSettled={onSettled} />;
  else if (job.status === 'failed') body = <FailedJob job={job} />;
  else body = <ReportResult job={job} />;

  return (
    <div className="stack-lg">
      <div className="page-head">
        <div>
          <h1 className="h1">Analysis</h1>
          {loaded.status === 'ready' && (
            <p className="muted">Started {formatDateTime(loaded.data.created_at)}</p>
          )}
        </div>
        <Link to="/reports">All reports</Link>
      </div>
      {body}
    </div>
  );
}
