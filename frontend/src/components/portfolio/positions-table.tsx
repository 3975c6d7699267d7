import { Fragment, useEffect, useRef, useState } from 'react';
import type { ValuedPosition } from '../../lib/portfolio.ts';
import { formatMoney, formatPrice, formatQuantity } from '../format.ts';
import { PriceDate } from '../price-date.tsx';
import { ClassifyForm } from './classify-form.tsx';
import { QuantityEditor } from './quantity-editor.tsx';

const COLUMNS = 6;

/**
 * An account's positions: symbol, name, quantity (editable in place), price and value. On a phone
 * each row is laid out as a card (see `.positions` in styles.css), so nothing scrolls sideways. A
 * symbol Alex could not look up says so and offers to enter its price and class by hand.
 */
export function PositionsTable({
  accountName,
  positions,
  onUpdate,
  onDelete,
  onClassified,
}: {
  accountName: string;
  positions: ValuedPosition[];
  onUpdate: (position: ValuedPosition, quantity: string) => Promise<void>;
  onDelete: (position: ValuedPosition) => void;
  onClassified: () => void;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  const [classifying, setClassifying] = useState<string | null>(null);
  // What was just saved, shown until the reloaded positions arrive (no flash of the old value).
  const [saved, setSaved] = useState<Record<string, string>>({});
  const [focusAfter, setFocusAfter] = useState<string | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());

  useEffect(() => setSaved({}), [positions]);
  useEffect(() => {
    if (focusAfter === null) return;
    buttons.current.get(focusAfter)?.focus();
    setFocusAfter(null);
  }, [focusAfter]);

  const stopEditing = (id: string) => {
    setEditing(null);
    setFocusAfter(id);
  };

  return (
    <div className="table-wrap">
      <table className="positions">
        <caption className="sr-only">Positions in {accountName}</caption>
        <thead>
          <tr>
            <th scope="col">Symbol</th>
            <th scope="col">Name</th>
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
          {positions.map((position) => {
            const quantity = saved[position.id] ?? position.quantity;
            const instrument = position.instrument;
            const notFound = Boolean(instrument?.tag_failed_at) && !instrument?.allocation_asset_class;
            const pending = !notFound && !instrument?.allocation_asset_class;
            return (
              <Fragment key={position.id}>
                <tr>
                  <th scope="row">{position.symbol}</th>
                  <td data-label="Name" className="name-cell">
                    {instrument?.name && instrument.name !== position.symbol ? (
                      instrument.name
                    ) : (
                      <span className="muted">
                        {pending || notFound ? 'Not known yet' : instrument?.name}
                      </span>
                    )}
                    {pending && (
                      <span className="muted small block">Alex looks it up at the next analysis.</span>
                    )}
                    {notFound && (
                      <span className="status-note block">
                        Not found. Check the symbol, or enter its price and class yourself.{' '}
                        <button
                          type="button"
                          className="link-button"
                          aria-expanded={classifying === position.id}
                          onClick={() => setClassifying((c) => (c === position.id ? null : position.id))}
                        >
                          Enter price and class<span className="sr-only"> of {position.symbol}</span>
                        </button>
                      </span>
                    )}
                  </td>
                  <td data-label="Quantity" className="num">
                    {editing === position.id ? (
                      <QuantityEditor
                        symbol={position.symbol}
                        initial={quantity}
                        onCancel={() => stopEditing(position.id)}
                        onSave={async (next) => {
                          await onUpdate(position, next);
                          setSaved((s) => ({ ...s, [position.id]: next }));
                          stopEditing(position.id);
                        }}
                      />
                    ) : (
                      formatQuantity(quantity)
                    )}
                  </td>
                  <td data-label="Price" className="num">
                    {formatPrice(instrument?.current_price)}
                    <PriceDate asOf={instrument?.price_as_of} />
                  </td>
                  <td data-label="Value" className="num">
                    {saved[position.id] !== undefined ? (
                      <span className="muted">Updating…</span>
                    ) : position.value === null ? (
                      <span className="muted">No price yet</span>
                    ) : (
                      formatMoney(position.value)
                    )}
                  </td>
                  <td className="actions">
                    {editing !== position.id && (
                      <button
                        type="button"
                        className="button small secondary"
                        ref={(el) => {
                          if (el) buttons.current.set(position.id, el);
                          else buttons.current.delete(position.id);
                        }}
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
                {classifying === position.id && (
                  <tr className="classify-row">
                    <td colSpan={COLUMNS}>
                      <ClassifyForm
                        symbol={position.symbol}
                        onCancel={() => setClassifying(null)}
                        onDone={() => {
                          setClassifying(null);
                          onClassified();
                        }}
                      />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
