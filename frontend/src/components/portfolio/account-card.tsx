import { useEffect, useRef, useState } from 'react';
import { useApi } from '../../api/api-context.tsx';
import type { ValuedAccount, ValuedPosition } from '../../lib/portfolio.ts';
import { formatMoney, formatRate } from '../format.ts';
import { EmptyState } from '../states.tsx';
import { AccountForm } from './account-form.tsx';
import { PositionForm } from './position-form.tsx';
import { PositionsTable } from './positions-table.tsx';

/** What the page's delete confirmation is about. */
export type PendingDelete =
  | { kind: 'account'; account: ValuedAccount }
  | { kind: 'position'; account: ValuedAccount; position: ValuedPosition };

/** One account: its totals, an edit form, its positions and a form to add one. */
export function AccountCard({
  account,
  focusHeading = false,
  onChanged,
  onDelete,
}: {
  account: ValuedAccount;
  /** Move focus to this account's heading (it was just created). */
  focusHeading?: boolean;
  onChanged: () => void;
  onDelete: (pending: PendingDelete) => void;
}) {
  const api = useApi();
  const [editing, setEditing] = useState(false);
  const headingId = `account-${account.id}`;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const editRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (focusHeading) headingRef.current?.focus();
  }, [focusHeading]);

  const closeEditor = () => {
    setEditing(false);
    // The form is gone: give focus back to the button that opened it, not to the page.
    window.setTimeout(() => editRef.current?.focus(), 0);
  };

  return (
    <section className="card stack" aria-labelledby={headingId}>
      <div className="page-head">
        <div>
          <h2 id={headingId} className="h2" tabIndex={-1} ref={headingRef}>
            {account.account_name}
          </h2>
          {account.account_purpose && <p className="muted">{account.account_purpose}</p>}
        </div>
        <div className="row">
          <button
            type="button"
            className="button small secondary"
            ref={editRef}
            onClick={() => setEditing((e) => !e)}
            aria-expanded={editing}
          >
            Edit account<span className="sr-only"> {account.account_name}</span>
          </button>
          <button
            type="button"
            className="button small danger-outline"
            onClick={() => onDelete({ kind: 'account', account })}
          >
            Delete account<span className="sr-only"> {account.account_name}</span>
          </button>
        </div>
      </div>
      {editing && (
        <AccountForm
          initial={account}
          submitLabel="Save account"
          onCancel={closeEditor}
          onSubmit={async (input) => {
            await api.updateAccount(account.id, input);
            closeEditor();
            onChanged();
          }}
        />
      )}
      <dl className="row wrap totals">
        <div>
          <dt>Total</dt>
          <dd>{formatMoney(account.total_value)}</dd>
        </div>
        <div>
          <dt>Invested</dt>
          <dd>{formatMoney(account.invested_value)}</dd>
        </div>
        <div>
          <dt>Cash</dt>
          <dd>
            {formatMoney(account.cash_value)}{' '}
            <span className="muted small">at {formatRate(account.cash_interest)}</span>
          </dd>
        </div>
      </dl>
      {account.positions.length === 0 ? (
        <EmptyState title="No positions yet">
          <p>Add the funds or shares this account holds.</p>
        </EmptyState>
      ) : (
        <PositionsTable
          accountName={account.account_name}
          positions={account.positions}
          onUpdate={async (position, quantity) => {
            await api.updatePosition(position.id, { quantity });
            onChanged();
          }}
          onDelete={(position) => onDelete({ kind: 'position', account, position })}
          onClassified={onChanged}
        />
      )}
      <details>
        <summary>Add a position to {account.account_name}</summary>
        <PositionForm
          held={new Map(account.positions.map((p) => [p.symbol, p.quantity]))}
          onSubmit={async (input) => {
            await api.createPosition({ account_id: account.id, ...input });
            onChanged();
          }}
        />
      </details>
    </section>
  );
}
