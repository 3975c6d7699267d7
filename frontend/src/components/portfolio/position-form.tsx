import { type FormEvent, useId, useState } from 'react';
import { errorMessage } from '../../api/errors.ts';
import { Field } from '../field.tsx';
import { SymbolAutocomplete } from '../symbol-autocomplete.tsx';
import { quantityError, symbolError } from './validation.ts';

/** Add a position: a symbol (with suggestions; unknown symbols are classified later) and a quantity. */
export function PositionForm({
  onSubmit,
}: {
  onSubmit: (input: { symbol: string; quantity: string }) => Promise<void>;
}) {
  const id = useId();
  const [symbol, setSymbol] = useState('');
  const [quantity, setQuantity] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const errors = { symbol: symbolError(symbol), quantity: quantityError(quantity) };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (errors.symbol || errors.quantity) return;
    setBusy(true);
    setServerError(null);
    try {
      await onSubmit({ symbol: symbol.trim().toUpperCase(), quantity: quantity.trim() });
      setSymbol('');
      setQuantity('');
      setTouched(false);
    } catch (err: unknown) {
      setServerError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  const symbolErrorText = touched ? errors.symbol : null;
  return (
    <form className="form-grid" onSubmit={submit} noValidate aria-label="Add a position">
      <Field
        id={`${id}-symbol`}
        label="Symbol"
        error={symbolErrorText}
        hint="Pick a suggestion or type any ticker: new ones are classified at the next analysis."
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
      <div className="row form-actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Adding…' : 'Add position'}
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
