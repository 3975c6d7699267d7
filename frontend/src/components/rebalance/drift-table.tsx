import type { Drift } from '@alex/contract';
import { formatMoney, formatPercent, humanize } from '../format.ts';

const points = (n: number) =>
  `${n > 0 ? '+' : n < 0 ? '−' : ''}${Math.abs(n)
    .toFixed(2)
    .replace(/\.?0+$/, '')} pts`;

/** Cash is invested or raised, not bought or sold. */
const verb = (key: string, value: number) =>
  key === 'cash' ? (value > 0 ? 'Raise' : 'Invest') : value > 0 ? 'Buy' : 'Sell';

/** Current against target for one dimension: shares, drift in points, and dollars to buy or sell. */
export function DriftTable({
  drift,
  caption,
  keyLabel,
}: {
  drift: Drift;
  caption: string;
  keyLabel: string;
}) {
  if (drift.rows.length === 0) return <p className="muted">No targets and nothing held to compare.</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{keyLabel}</th>
            <th scope="col" className="num">
              Current
            </th>
            <th scope="col" className="num">
              Target
            </th>
            <th scope="col" className="num">
              Drift
            </th>
            <th scope="col" className="num">
              To reach target
            </th>
          </tr>
        </thead>
        <tbody>
          {drift.rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{humanize(row.key)}</th>
              <td className="num">{formatPercent(row.currentPercent)}</td>
              <td className="num">{formatPercent(row.targetPercent)}</td>
              <td className="num">{points(row.drift)}</td>
              <td className="num">
                {row.tradeValue === 0
                  ? 'On target'
                  : `${verb(row.key, row.tradeValue)} ${formatMoney(Math.abs(row.tradeValue))}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** What a drift leaves out of its comparison (unclassified value, funds with no regional split). */
export function ExcludedNote({ drift }: { drift: Drift }) {
  const folded = drift.foldedIntoInternational ?? [];
  if (drift.excluded.length === 0 && folded.length === 0) return null;
  return (
    <ul className="muted small plain-list">
      {folded.length > 0 && (
        <li>Counted as international (your targets do not name them): {folded.map(humanize).join(', ')}.</li>
      )}
      {drift.excluded.map((e) => (
        <li key={e.key}>
          {e.key === 'unclassified'
            ? `${formatMoney(e.value)} (${formatPercent(e.percent)}) is not classified yet, so it is left out of this comparison.`
            : `${formatMoney(e.value)} (${formatPercent(e.percent)}) is in funds with no regional split of their own (${humanize(e.key)}), so it is left out of this comparison rather than guessed.`}
        </li>
      ))}
    </ul>
  );
}
