import type { RiskCheck } from '@alex/contract';
import { Link } from 'react-router-dom';
import { useApi } from '../../api/api-context.tsx';
import { useResource } from '../../api/use-resource.ts';
import { ErrorState, Loading } from '../states.tsx';

const BADGE: Record<RiskCheck['status'], { label: string; className: string }> = {
  pass: { label: 'Pass', className: 'status-completed' },
  fail: { label: 'Attention', className: 'status-failed' },
  off: { label: 'Off', className: 'status-pending' },
};

/** The risk checks ("X-ray") with each rule's status and why: the same results the report is given. */
export function RiskChecksPanel({ checks }: { checks: RiskCheck[] }) {
  const failing = checks.filter((c) => c.status === 'fail').length;
  return (
    <section className="card stack" aria-labelledby="risk-heading">
      <div className="row between">
        <h2 id="risk-heading" className="h2">
          Risk checks
        </h2>
        <span className="muted small">
          {failing === 0
            ? 'Nothing needs attention'
            : `${failing} ${failing === 1 ? 'needs' : 'need'} attention`}
        </span>
      </div>
      <ul className="risk-checks plain-list">
        {checks.map((check) => {
          const badge = BADGE[check.status];
          return (
            <li key={check.id} className={`risk-check risk-${check.status}`} data-rule={check.id}>
              <span className={`badge ${badge.className}`}>{badge.label}</span>
              <div>
                <strong>{check.title}</strong>
                <p className="small">
                  {check.status === 'off' ? `Switched off. ${check.message}` : check.message}
                </p>
              </div>
            </li>
          );
        })}
      </ul>
      <p className="muted small">
        Thresholds and switches are in your <Link to="/settings#risk-rules">settings</Link>. Your analysis
        report states the same results.
      </p>
    </section>
  );
}

/** The dashboard's risk checks, loaded on their own so a failure here leaves the rest of the page. */
export function DashboardRiskChecks() {
  const api = useApi();
  const checks = useResource((signal) => api.getRiskChecks(signal), [api]);
  if (checks.status === 'loading') return <Loading label="Running your risk checks" />;
  if (checks.status === 'error') return <ErrorState error={checks.error} onRetry={checks.reload} />;
  return <RiskChecksPanel checks={checks.data.checks} />;
}
