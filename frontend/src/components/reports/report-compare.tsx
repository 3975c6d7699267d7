import type { ReportHistoryEntry } from '@alex/contract';
import { useId, useState } from 'react';
import { Link } from 'react-router-dom';
import { useApi } from '../../api/api-context.tsx';
import { useResource } from '../../api/use-resource.ts';
import { type ComparedRow, compareAnalyses } from '../../lib/compare.ts';
import { formatDateTime, formatMoney, formatPercent } from '../format.ts';
import { ErrorState, Loading } from '../states.tsx';

const DASH = '—';

function show(row: ComparedRow, value: number | string | null): string {
  if (value === null) return 'Not recorded';
  if (typeof value === 'string') return value;
  return row.kind === 'money' ? formatMoney(value) : formatPercent(value);
}

function showChange(row: ComparedRow): string {
  if (row.change === null) return row.changed ? 'Changed' : DASH;
  if (row.change === 0) return 'No change';
  const sign = row.change > 0 ? '+' : '−';
  const size = Math.abs(row.change);
  return row.kind === 'money'
    ? `${sign}${formatMoney(size)}`
    : `${sign}${size.toFixed(2).replace(/\.?0+$/, '')} pts`;
}

/** Two past analyses side by side, with what changed highlighted. */
export function ReportCompare({ history }: { history: ReportHistoryEntry[] }) {
  const id = useId();
  const [earlier, setEarlier] = useState(history[1]?.job_id ?? '');
  const [later, setLater] = useState(history[0]?.job_id ?? '');
  if (history.length < 2) {
    return (
      <p className="muted">
        {history.length === 0 ? 'No completed analyses yet.' : 'One completed analysis so far.'} Run another
        to compare two side by side.
      </p>
    );
  }
  const before = history.find((h) => h.job_id === earlier);
  const after = history.find((h) => h.job_id === later);
  // Numbered from the oldest, so two analyses started in the same minute can be told apart.
  const name = (h: ReportHistoryEntry) =>
    `Analysis ${history.length - history.indexOf(h)}, ${formatDateTime(h.created_at)}`;
  const option = (h: ReportHistoryEntry) => (
    <option key={h.job_id} value={h.job_id}>
      {name(h)}
    </option>
  );
  return (
    <div className="stack">
      <div className="form-grid">
        <div className="field">
          <label htmlFor={`${id}-a`}>Compare</label>
          <select id={`${id}-a`} value={earlier} onChange={(e) => setEarlier(e.target.value)}>
            {history.map(option)}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-b`}>With</label>
          <select id={`${id}-b`} value={later} onChange={(e) => setLater(e.target.value)}>
            {history.map(option)}
          </select>
        </div>
      </div>
      {before && after && before.job_id === after.job_id && (
        <p className="muted">Pick two different analyses to see what changed.</p>
      )}
      {before && after && before.job_id !== after.job_id && (
        <div className="table-wrap">
          <table className="compare">
            <caption className="sr-only">
              {name(before)} compared with {name(after)}
            </caption>
            <thead>
              <tr>
                <th scope="col">Figure</th>
                <th scope="col" className="num">
                  <Link to={`/reports/${encodeURIComponent(before.job_id)}`}>
                    {formatDateTime(before.created_at)}
                  </Link>
                </th>
                <th scope="col" className="num">
                  <Link to={`/reports/${encodeURIComponent(after.job_id)}`}>
                    {formatDateTime(after.created_at)}
                  </Link>
                </th>
                <th scope="col" className="num">
                  Change
                </th>
              </tr>
            </thead>
            {compareAnalyses(before, after).map((group) => (
              <tbody key={group.title}>
                <tr>
                  <th scope="colgroup" colSpan={4} className="muted small">
                    {group.title}
                  </th>
                </tr>
                {group.rows.map((row) => (
                  <tr
                    key={row.label}
                    className={row.changed ? 'changed' : undefined}
                    data-changed={row.changed}
                  >
                    <th scope="row">{row.label}</th>
                    <td className="num">{show(row, row.before)}</td>
                    <td className="num">{show(row, row.after)}</td>
                    <td className="num">{showChange(row)}</td>
                  </tr>
                ))}
              </tbody>
            ))}
          </table>
        </div>
      )}
    </div>
  );
}

/** The reports page's comparison card: loads the history of completed analyses itself. */
export function ReportHistoryCompare() {
  const api = useApi();
  const history = useResource((signal) => api.listReportHistory(signal), [api]);
  return (
    <section className="card stack" aria-labelledby="compare-heading">
      <h2 id="compare-heading" className="h2">
        Compare two analyses
      </h2>
      {history.status === 'loading' && <Loading label="Loading your past analyses" />}
      {history.status === 'error' && <ErrorState error={history.error} onRetry={history.reload} />}
      {history.status === 'ready' && <ReportCompare history={history.data} />}
    </section>
  );
}
