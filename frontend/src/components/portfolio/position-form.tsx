import type { PositionMode } from '@alex/contract';
import { type FormEvent, useId, useState } from 'react';
import { errorMessage } from '../../api/errors.ts';
import { fromScaled, toScaled } from '../../lib/decimal.ts';
import { Field } from '../field.tsx';
import { formatQuantity } from '../format.ts';
import { SymbolAutocomplete } from '../symbol-autocomplete.tsx';
import { quantityError, symbolError, toDecimalString } from './validation.ts';

/** What the form submits: the API's `mode` says what happens to a symbol already held. */
export interface PositionInput {
  symbol: string;
  quantity: string;
  mode: PositionMode;
}

/**
 * Add a position: a symbol (with suggestions; unknown symbols are looked up at the next analysis)
 * and a quantity. When the account already holds the symbol, the form asks whether to add to the
 * quantity held (the default) or replace it, and says what the result will be.
 */
export function PositionForm({
  held = new Map(),
  onSubmit,
}: {
  /** The account's current quantities by symbol. */
  held?: ReadonlyMap<string, string>;
  onSubmit: (input: PositionInput) => Promise<void>;
}) {
  const id = useId();
  const [symbol, setSymbol] = useState('');
  const [quantity, setQuantity] = useState('');
  const [mode, setMode] = useState<PositionMode>('add');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const errors = { symbol: symbolError(symbol), quantity: quantityError(quantity) };
  const normalized = symbol.trim().toUpperCase();
  const heldQuantity = held.get(normalized);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (errors.symbol || errors.quantity) return;
    setBusy(true);
    setServerError(null);
    try {
      await onSubmit({
        symbol: normalized,
        quantity: toDecimalString(quantity),
        mode: heldQuantity === undefined ? 'add' : mode,
      });
      setSymbol('');
      setQuantity('');
      setMode('add');
      setTouched(false);
      // Ready for the next one (the disabled button dropped the focus while saving).
      window.setTimeout(() => document.getElementById(`${id}-symbol`)?.focus(), 0);
    } catch (err: unknown) {
      setServerError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  const symbolErrorText = touched ? errors.symbol : null;
  const typed = errors.quantity ? null : toDecimalString(quantity);
  const label =
    heldQuantity === undefined
      ? 'Add position'
      : mode === 'add'
        ? `Add to ${normalized}`
        : `Replace ${normalized}`;
  return (
    <form className="form-grid" onSubmit={submit} noValidate aria-label="Add a position">
      <Field
        id={`${id}-symbol`}
        label="Symbol"
        error={symbolErrorText}
        hint="Pick a suggestion or type any ticker. A symbol Alex does not know yet is looked up at the next analysis."
      >
        <SymbolAutocomplete
          id={`${id}-symbol`}
          value={symbol}
          onChange={setSymbol}
          invalid={Boolean(symbolErrorText)}
          describedBy={`${id}-symbol-hint${symbolErrorText ? ` ${id}-symbol-error` : ''}`}
        />
      </Field>
      <Field
        id={`${id}-quantity`}
        label="Quantity"
        inputMode="decimal"
        value={quantity}
        onChange={(e) => setQuantity(e.target.value)}
        error={touched ? errors.quantity : null}
      />
      {heldQuantity !== undefined && (
        <fieldset className="held-choice">
          <legend>
            This account already holds {formatQuantity(heldQuantity)} {normalized}. What should happen?
          </legend>
          <label>
            <input
              type="radio"
              name={`${id}-mode`}
              value="add"
              checked={mode === 'add'}
              onChange={() => setMode('add')}
            />{' '}
            Add to it{typed ? ` (${formatQuantity(sum(heldQuantity, typed))} in total)` : ''}
          </label>
          <label>
            <input
              type="radio"
              name={`${id}-mode`}
              value="replace"
              checked={mode === 'replace'}
              onChange={() => setMode('replace')}
            />{' '}
            Replace it{typed ? ` (${formatQuantity(typed)} in total)` : ''}
          </label>
        </fieldset>
      )}
      <div className="row form-actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Saving…' : label}
        </button>
      </div>
      {serverError && (
        <p className="error-text form-error" role="alert">
          {serverError}
        </p>
      )}
    </form>
  );
}

/** Held plus typed, exactly (both DECIMAL(20,8)). */
function sum(held: string, typed: string): string {
  return fromScaled(toScaled(held, 8) + toScaled(typed, 8), 8);
}
