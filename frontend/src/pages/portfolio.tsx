import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useApi } from '../api/api-context.tsx';
import { errorMessage } from '../api/errors.ts';
import { useResource } from '../api/use-resource.ts';
import { ConfirmDialog } from '../components/confirm-dialog.tsx';
import { formatMoney, formatQuantity } from '../components/format.ts';
import { HoldingsNotice } from '../components/holdings-notice.tsx';
import { usePageTitle } from '../components/page-title.ts';
import { AccountCard, type PendingDelete } from '../components/portfolio/account-card.tsx';
import { AccountForm } from '../components/portfolio/account-form.tsx';
import { EmptyState, ErrorState, Loading } from '../components/states.tsx';

/** Accounts and positions: create, edit, delete (with a confirmation), values and prices. */
export default function PortfolioPage() {
  usePageTitle('Portfolio');
  const api = useApi();
  const portfolio = useResource((signal) => api.getPortfolio(signal), [api]);
  const [pending, setPending] = useState<PendingDelete | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const [showNew, setShowNew] = useState(false);
  // The account just created: its heading takes the focus the closing form had.
  const [focusAccount, setFocusAccount] = useState<string | null>(null);

  async function confirmDelete() {
    if (!pending) return;
    setDeleting(true);
    setDeleteError(null);
    try {
      if (pending.kind === 'account') await api.deleteAccount(pending.account.id);
      else await api.deletePosition(pending.position.id);
      setPending(null);
      portfolio.reload();
    } catch (err: unknown) {
      setDeleteError(errorMessage(err));
    } finally {
      setDeleting(false);
    }
  }

  if (portfolio.status === 'loading') return <Loading label="Loading your portfolio" />;
  if (portfolio.status === 'error') return <ErrorState error={portfolio.error} onRetry={portfolio.reload} />;
  const { accounts, totals } = portfolio.data;
  const newAccountForm = (
    <AccountForm
      submitLabel="Create account"
      onCancel={accounts.length > 0 ? () => setShowNew(false) : undefined}
      onSubmit={async (input) => {
        const created = await api.createAccount(input);
        setFocusAccount(created.id);
        setShowNew(false);
        portfolio.reload();
      }}
    />
  );

  return (
    <div className="stack-lg">
      <div className="page-head">
        <div>
          <h1 className="h1">Portfolio</h1>
          {accounts.length > 0 && (
            <p className="lead">
              {formatMoney(totals.total)}{' '}
              <span className="muted small">
                across {accounts.length} {accounts.length === 1 ? 'account' : 'accounts'}
              </span>
            </p>
          )}
        </div>
        <div className="row">
          <Link to="/import" className="button secondary">
            Import or export CSV
          </Link>
          {accounts.length > 0 && !showNew && (
            <button type="button" className="button" onClick={() => setShowNew(true)}>
              Add account
            </button>
          )}
        </div>
      </div>
      {accounts.length === 0 ? (
        <EmptyState title="No accounts yet">
          <p>Start with an account such as a 401(k), a Roth IRA or a taxable brokerage account.</p>
          {newAccountForm}
        </EmptyState>
      ) : (
        showNew && (
          <section className="card stack" aria-label="New account">
            <h2 className="h2">New account</h2>
            {newAccountForm}
          </section>
        )
      )}
      <HoldingsNotice portfolio={portfolio.data} />
      {accounts.map((account) => (
        <AccountCard
          key={account.id}
          account={account}
          focusHeading={account.id === focusAccount}
          onChanged={portfolio.reload}
          onDelete={setPending}
        />
      ))}
      {pending && (
        <ConfirmDialog
          title={
            pending.kind === 'account'
              ? `Delete ${pending.account.account_name}?`
              : `Delete ${pending.position.symbol}?`
          }
          confirmLabel={pending.kind === 'account' ? 'Delete account' : 'Delete position'}
          busy={deleting}
          onCancel={() => {
            setPending(null);
            setDeleteError(null);
          }}
          onConfirm={confirmDelete}
        >
          <p>
            {pending.kind === 'account'
              ? `This removes the account and its ${pending.account.positions.length} positions. It cannot be undone.`
              : `This removes ${formatQuantity(pending.position.quantity)} shares of ${pending.position.symbol} from ${pending.account.account_name}.`}
          </p>
          {deleteError && (
            <p className="error-text" role="alert">
              {deleteError}
            </p>
          )}
        </ConfirmDialog>
      )}
    </div>
  );
}
