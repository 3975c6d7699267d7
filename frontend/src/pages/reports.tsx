import { useEffect } from 'react';
import { Link } from 'react-router-dom';
import { useApi } from '../api/api-context.tsx';
import { useResource } from '../api/use-resource.ts';
import { formatDateTime } from '../components/format.ts';
import { usePageTitle } from '../components/page-title.ts';
import { ReportHistoryCompare } from '../components/reports/report-compare.tsx';
import { StartAnalysisButton } from '../components/start-analysis.tsx';
import { EmptyState, ErrorState, Loading } from '../components/states.tsx';
import { StatusBadge } from '../components/status-badge.tsx';

/** The analysis history, newest first, with a way to start a new one. */
export default function ReportsPage() {
  usePageTitle('Reports');
  const api = useApi();
  const jobs = useResource((signal) => api.listJobs(signal), [api]);
  const active =
    jobs.status === 'ready' && jobs.data.some((j) => j.status === 'pending' || j.status === 'running');
  const { reload } = jobs;

  // While an analysis runs, keep its row's status current.
  useEffect(() => {
    if (!active) return;
    const timer = window.setInterval(reload, 5000);
    return () => window.clearInterval(timer);
  }, [active, reload]);

  return (
    <div className="stack-lg">
      <div className="page-head">
        <h1 className="h1">Reports</h1>
        <StartAnalysisButton />
      </div>
      {jobs.status === 'loading' && <Loading label="Loading your analyses" />}
      {jobs.status === 'error' && <ErrorState error={jobs.error} onRetry={jobs.reload} />}
      {jobs.status === 'ready' &&
        (jobs.data.length === 0 ? (
          <EmptyState title="No analyses yet">
            <p>
              Start an analysis to get a written report, allocation charts and a retirement projection. Add
              positions on the <Link to="/portfolio">portfolio</Link> page first.
            </p>
          </EmptyState>
        ) : (
          <div className="table-wrap card">
            <table>
              <caption className="sr-only">Your analyses</caption>
              <thead>
                <tr>
                  <th scope="col">Started</th>
                  <th scope="col">Status</th>
                  <th scope="col" className="hide-narrow">
                    Finished
                  </th>
                  <th scope="col">
                    <span className="sr-only">Open</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {[...jobs.data]
                  .sort((a, b) => b.created_at.localeCompare(a.created_at))
                  .map((job) => (
                    <tr key={job.id}>
                      <td>{formatDateTime(job.created_at)}</td>
                      <td>
                        <StatusBadge status={job.status} />
                      </td>
                      <td className="hide-narrow">{formatDateTime(job.completed_at)}</td>
                      <td>
                        <Link to={`/reports/${encodeURIComponent(job.id)}`}>
                          {job.status === 'completed' ? 'Read report' : 'View'}
                          <span className="sr-only"> from {formatDateTime(job.created_at)}</span>
                        </Link>
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        ))}
      {jobs.status === 'ready' && jobs.data.some((j) => j.status === 'completed') && <ReportHistoryCompare />}
    </div>
  );
}
