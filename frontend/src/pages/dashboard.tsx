import type { Job } from '@alex/contract';
import { Link } from 'react-router-dom';
import { useApi } from '../api/api-context.tsx';
import { useResource } from '../api/use-resource.ts';
import { formatDateTime, formatMoney } from '../components/format.ts';
import { HoldingsNotice } from '../components/holdings-notice.tsx';
import { AllocationDonut } from '../components/lazy.tsx';
import { usePageTitle } from '../components/page-title.ts';
import { DashboardRiskChecks } from '../components/risk/risk-checks-panel.tsx';
import { StartAnalysisButton } from '../components/start-analysis.tsx';
import { EmptyState, ErrorState, Loading } from '../components/states.tsx';
import { StatusBadge } from '../components/status-badge.tsx';
import { assetClassMix } from '../lib/portfolio.ts';

function LastAnalysis({ job }: { job: Job | undefined }) {
  if (!job) return <p className="muted">No analysis yet. Start one to get a report and a projection.</p>;
  return (
    <p>
      <StatusBadge status={job.status} /> {formatDateTime(job.created_at)}.{' '}
      <Link to={`/reports/${encodeURIComponent(job.id)}`}>
        {job.status === 'completed' ? 'Read the report' : 'View the analysis'}
      </Link>
    </p>
  );
}

/** The dashboard: total value, accounts, allocation against targets, and the last analysis. */
export default function DashboardPage() {
  usePageTitle('Dashboard');
  const api = useApi();
  const data = useResource(
    async (signal) => {
      const [user, portfolio, jobs] = await Promise.all([
        api.getUser(signal),
        api.getPortfolio(signal),
        api.listJobs(signal),
      ]);
      return { user, portfolio, jobs };
    },
    [api],
  );

  if (data.status === 'loading') return <Loading label="Loading your dashboard" />;
  if (data.status === 'error') return <ErrorState error={data.error} onRetry={data.reload} />;
  const { user, portfolio, jobs } = data.data;
  const positions = portfolio.accounts.reduce((n, a) => n + a.positions.length, 0);
  const lastJob = [...jobs].sort((a, b) => b.created_at.localeCompare(a.created_at))[0];

  return (
    <div className="stack-lg">
      <div className="page-head">
        <h1 className="h1">{user.display_name ? `Hello, ${user.display_name}` : 'Your dashboard'}</h1>
        <div className="stack-sm">
          <StartAnalysisButton positions={positions} />
        </div>
      </div>
      {portfolio.accounts.length === 0 ? (
        <EmptyState title="No accounts yet">
          <p>
            Add an account and its positions to see your portfolio's value and allocation.{' '}
            <Link to="/portfolio">Set up your portfolio</Link>
          </p>
        </EmptyState>
      ) : (
        <>
          <HoldingsNotice portfolio={portfolio} />
          <dl className="grid stats">
            <div className="card stat">
              <dt>Total value</dt>
              <dd>{formatMoney(portfolio.totals.total)}</dd>
            </div>
            <div className="card stat">
              <dt>Invested</dt>
              <dd>{formatMoney(portfolio.totals.invested)}</dd>
            </div>
            <div className="card stat">
              <dt>Cash</dt>
              <dd>{formatMoney(portfolio.totals.cash)}</dd>
            </div>
            <div className="card stat">
              <dt>Accounts</dt>
              <dd>
                {portfolio.accounts.length}{' '}
                <span className="muted small">
                  ({positions} {positions === 1 ? 'position' : 'positions'})
                </span>
              </dd>
            </div>
          </dl>
          <div className="grid two">
            <section className="card stack" aria-labelledby="allocation-heading">
              <h2 id="allocation-heading" className="h2">
                Asset allocation
              </h2>
              <AllocationDonut current={assetClassMix(portfolio)} targets={user.asset_class_targets} />
              <p className="muted small">
                Targets come from your <Link to="/settings">settings</Link>.
              </p>
              <Link to="/rebalance">See the trades that reach your targets</Link>
            </section>
            <section className="card stack" aria-labelledby="accounts-heading">
              <h2 id="accounts-heading" className="h2">
                Accounts
              </h2>
              <ul className="plain-list">
                {portfolio.accounts.map((account) => (
                  <li key={account.id} className="row between">
                    <span>{account.account_name}</span>
                    <span className="num">{formatMoney(account.total_value)}</span>
                  </li>
                ))}
              </ul>
              <Link to="/portfolio">Manage accounts and positions</Link>
            </section>
          </div>
          <DashboardRiskChecks />
        </>
      )}
      <section className="card stack" aria-labelledby="last-heading">
        <h2 id="last-heading" className="h2">
          Last analysis
        </h2>
        <LastAnalysis job={lastJob} />
      </section>
    </div>
  );
}
