import { type FormEvent, useId, useState } from 'react';
import { errorMessage } from '../../api/errors.ts';
import { quantityError, toDecimalString } from './validation.ts';

/** Inline edit of one position's quantity; Escape or Cancel leaves it unchanged. */
export function QuantityEditor({
  symbol,
  initial,
  onSave,
  onCancel,
}: {
  symbol: string;
  initial: string;
  onSave: (quantity: string) => Promise<void>;
  onCancel: () => void;
}) {
  const id = useId();
  // "3.50000000" from the API is edited as "3.5".
  const [value, setValue] = useState(() => (initial.includes('.') ? initial.replace(/\.?0+$/, '') : initial));
  const [busy, setBusy] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const error = quantityError(value) ?? serverError;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (quantityError(value)) return;
    setBusy(true);
    try {
      await onSave(toDecimalString(value));
    } catch (err: unknown) {
      setServerError(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <form className="inline-form" onSubmit={submit} noValidate>
      <label htmlFor={id} className="sr-only">
        Quantity of {symbol}
      </label>
      <input
        id={id}
        inputMode="decimal"
        value={value}
        // biome-ignore lint/a11y/noAutofocus: the user just asked to edit this field.
        autoFocus
        aria-invalid={Boolean(error)}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => {
          setValue(e.target.value);
          setServerError(null);
        }}
        onKeyDown={(e) => e.key === 'Escape' && onCancel()}
      />
      <button type="submit" className="button small" disabled={busy || Boolean(quantityError(value))}>
        Save
      </button>
      <button type="button" className="button small secondary" onClick={onCancel} disabled={busy}>
        Cancel
      </button>
      {error && (
        <span id={`${id}-error`} className="error-text">
          {error}
        </span>
      )}
    </form>
  );
}
