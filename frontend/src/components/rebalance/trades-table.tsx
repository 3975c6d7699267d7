import type { RebalancePlan } from '@alex/contract';
import { formatMoney, formatPrice, formatQuantity, humanize } from '../format.ts';

const cents = (n: number) => Math.round(n * 100);

/** The trades by holding, with the cash change and the net of both, which is always $0.00. */
export function TradesTable({ plan }: { plan: RebalancePlan }) {
  const traded = plan.trades.reduce((sum, t) => sum + cents(t.value), 0);
  const net = (traded + cents(plan.cash.change)) / 100;
  return (
    <div className="table-wrap">
      <table aria-describedby="trades-net">
        <caption className="sr-only">Trades to reach your asset-class targets</caption>
        <thead>
          <tr>
            <th scope="col">Account</th>
            <th scope="col">Trade</th>
            <th scope="col" className="num">
              Shares
            </th>
            <th scope="col" className="num hide-narrow">
              Price
            </th>
            <th scope="col" className="num">
              Amount
            </th>
          </tr>
        </thead>
        <tbody>
          {plan.trades.map((t) => (
            <tr key={`${t.account_id}-${t.symbol}`} className={`trade-${t.action}`}>
              <td>{t.account_name}</td>
              <td>
                <strong>{t.action === 'buy' ? 'Buy' : 'Sell'}</strong> {t.symbol}{' '}
                <span className="muted small">
                  ({humanize(t.asset_class)}
                  {t.new_holding ? ', new holding' : ''})
                </span>
              </td>
              <td className="num">
                {formatQuantity(t.shares)}
                {!t.whole_shares && <span className="sr-only"> (fractional shares allowed)</span>}
              </td>
              <td className="num hide-narrow">{formatPrice(t.price)}</td>
              <td className="num">{formatMoney(t.value)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="total-row">
            <th scope="row" colSpan={4}>
              Cash {plan.cash.change < 0 ? 'used' : 'raised'} ({formatMoney(plan.cash.before)} →{' '}
              {formatMoney(plan.cash.after)})
            </th>
            <td className="num">{formatMoney(plan.cash.change)}</td>
          </tr>
          <tr id="trades-net" data-testid="trades-net">
            <th scope="row" colSpan={4}>
              Net of trades and cash
            </th>
            <td className="num">
              <strong>{formatMoney(net)}</strong>
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
