import type { RebalancePlan } from '@alex/contract';
import { Link } from 'react-router-dom';
import { formatMoney, formatPercent, humanize } from '../format.ts';

/** What the plan leaves alone or cannot place, and accounts whose cash would go below zero. */
export function RebalanceNotes({ plan }: { plan: RebalancePlan }) {
  const short = plan.accounts.filter((a) => a.after < 0);
  const notes = plan.held_aside.length + plan.unplaced.length + short.length;
  if (notes === 0) return null;
  return (
    <div className="notice" role="note" aria-label="Notes on this plan">
      {plan.held_aside.map((h) => (
        <p key={`${h.account_name}-${h.symbol}`}>
          {h.symbol} in {h.account_name} is left as it is:{' '}
          {h.reason === 'unpriced'
            ? 'it has no price, so its value is unknown.'
            : `it is not classified yet, so its ${formatMoney(h.value)} cannot be matched to a target.`}{' '}
          It is outside the {formatMoney(plan.basis)} the targets apply to.
        </p>
      ))}
      {plan.unplaced.map((u) => (
        <p key={u.asset_class}>
          {formatMoney(Math.abs(u.value))} of {humanize(u.asset_class)} has no holding to{' '}
          {u.value > 0 ? 'buy' : 'sell'}: it stays in cash. Add a {humanize(u.asset_class).toLowerCase()} fund
          on the <Link to="/portfolio">portfolio</Link> page to place it.
        </p>
      ))}
      {short.map((a) => (
        <p key={a.account_id}>
          {a.account_name} would need {formatMoney(-a.after)} more cash than it has: move it in from another
          account before buying, or buy less there.
        </p>
      ))}
    </div>
  );
}

/** The asset-class mix once the trades are done, against the targets. */
export function AfterMix({ plan }: { plan: RebalancePlan }) {
  if (plan.after.length === 0) return null;
  return (
    <p>
      After these trades:{' '}
      {plan.after
        .map(
          (a) => `${humanize(a.key)} ${formatPercent(a.percent)} (target ${formatPercent(a.target_percent)})`,
        )
        .join(', ')}
      .
    </p>
  );
}
