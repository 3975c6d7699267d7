import { Link } from 'react-router-dom';
import { useApi } from '../api/api-context.tsx';
import { useResource } from '../api/use-resource.ts';
import { formatMoney } from '../components/format.ts';
import { usePageTitle } from '../components/page-title.ts';
import { DriftTable, ExcludedNote } from '../components/rebalance/drift-table.tsx';
import { AfterMix, RebalanceNotes } from '../components/rebalance/rebalance-notes.tsx';
import { TradesTable } from '../components/rebalance/trades-table.tsx';
import { EmptyState, ErrorState, Loading } from '../components/states.tsx';

/** Current against target by asset class and region, and the trades that reach the targets. */
export default function RebalancePage() {
  usePageTitle('Rebalance');
  const api = useApi();
  const plan = useResource((signal) => api.getRebalance(signal), [api]);

  if (plan.status === 'loading') return <Loading label="Working out your trades" />;
  if (plan.status === 'error') return <ErrorState error={plan.error} onRetry={plan.reload} />;
  const data = plan.data;
  return (
    <div className="stack-lg">
      <div className="page-head">
        <h1 className="h1">Rebalance</h1>
        <Link to="/settings">Change your targets</Link>
      </div>
      {data.total === 0 ? (
        <EmptyState title="Nothing to rebalance yet">
          <p>
            Add accounts and positions on the <Link to="/portfolio">portfolio</Link> page to see how they
            compare with your targets.
          </p>
        </EmptyState>
      ) : (
        <>
          <p className="lead">
            Computed from your holdings and today's prices, without AI. The targets apply to{' '}
            {formatMoney(data.basis)} of your {formatMoney(data.total)}: cash plus the holdings that have a
            price and a classification.
          </p>
          <RebalanceNotes plan={data} />
          <section className="card stack" aria-labelledby="trades-heading">
            <h2 id="trades-heading" className="h2">
              Trades
            </h2>
            {data.trades.length === 0 ? (
              <p>No trades needed: every asset class is as close to its target as whole shares allow.</p>
            ) : (
              <>
                <p className="muted small">
                  Each asset class's gap is split over the holdings of that class by value, leaning toward
                  your region targets, in whole shares (fractions for mutual funds). Sales pay for purchases;
                  cash covers the rest, so trades and cash net to zero. Check taxes and fees before you sell.
                </p>
                <TradesTable plan={data} />
              </>
            )}
            <AfterMix plan={data} />
          </section>
          <div className="grid two">
            <section className="card stack" aria-labelledby="asset-heading">
              <h2 id="asset-heading" className="h2">
                Asset classes
              </h2>
              <p className="muted small">Share of cash plus priced, classified holdings.</p>
              <DriftTable
                drift={data.drift.asset_class}
                caption="Asset classes against your targets"
                keyLabel="Asset class"
              />
              <ExcludedNote drift={data.drift.asset_class} />
            </section>
            <section className="card stack" aria-labelledby="region-heading">
              <h2 id="region-heading" className="h2">
                Regions
              </h2>
              <p className="muted small">
                Share of invested money, each fund split by its own regions. Within each asset class the
                trades above buy funds in under-weight regions and sell those in over-weight ones, using the
                funds you hold.
              </p>
              <DriftTable
                drift={data.drift.region}
                caption="Regions against your targets"
                keyLabel="Region"
              />
              <ExcludedNote drift={data.drift.region} />
            </section>
          </div>
        </>
      )}
    </div>
  );
}
