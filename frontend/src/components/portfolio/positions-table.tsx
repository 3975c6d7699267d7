import { useState } from 'react';
import type { ValuedPosition } from '../../lib/portfolio.ts';
import { formatMoney, formatPrice, formatQuantity } from '../format.ts';
import { PriceDate } from '../price-date.tsx';
import { QuantityEditor } from './quantity-editor.tsx';

/** An account's positions: symbol, name, quantity (editable in place), price and value. */
export function PositionsTable({
  accountName,
  positions,
  onUpdate,
  onDelete,
}: {
  accountName: string;
  positions: ValuedPosition[];
  onUpdate: (position: ValuedPosition, quantity: string) => Promise<void>;
  onDelete: (position: ValuedPosition) => void;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <div className="table-wrap">
      <table>
        <caption className="sr-only">Positions in {accountName}</caption>
        <thead>
          <tr>
            <th scope="col">Symbol</th>
            <th scope="col" className="hide-narrow">
              Name
            </th>
            <th scope="col" className="num">
              Quantity
            </th>
            <th scope="col" className="num">
              Price
            </th>
            <th scope="col" className="num">
              Value
            </th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {positions.map((position) => (
            <tr key={position.id}>
              <th scope="row">{position.symbol}</th>
              <td className="hide-narrow">
                {position.instrument?.name ?? <span className="muted">Unknown</span>}
                {!position.instrument?.allocation_asset_class && (
                  <span className="muted small"> (classified at the next analysis)</span>
                )}
              </td>
              <td className="num">
                {editing === position.id ? (
                  <QuantityEditor
                    symbol={position.symbol}
                    initial={position.quantity}
                    onCancel={() => setEditing(null)}
                    onSave={async (quantity) => {
                      await onUpdate(position, quantity);
                      setEditing(null);
                    }}
                  />
                ) : (
                  formatQuantity(position.quantity)
                )}
              </td>
              <td className="num">
                {formatPrice(position.instrument?.current_price)}
                <PriceDate asOf={position.instrument?.price_as_of} />
              </td>
              <td className="num">
                {position.value === null ? (
                  <span className="muted">No price</span>
                ) : (
                  formatMoney(position.value)
                )}
              </td>
              <td className="actions">
                {editing !== position.id && (
                  <button
                    type="button"
                    className="button small secondary"
                    onClick={() => setEditing(position.id)}
                  >
                    Edit<span className="sr-only"> {position.symbol}</span>
                  </button>
                )}
                <button
                  type="button"
                  className="button small danger-outline"
                  onClick={() => onDelete(position)}
                >
                  Delete<span className="sr-only"> {position.symbol}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
