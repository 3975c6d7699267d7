import type { Account } from '@alex/contract';
import { type FormEvent, useId, useState } from 'react';
import { errorMessage } from '../../api/errors.ts';
import { Field } from '../field.tsx';
import {
  accountNameError,
  cashError,
  fractionToPercent,
  percentToFraction,
  ratePercentError,
  rateReadAs,
  toDecimalString,
} from './validation.ts';

/** What the form edits and submits: an account's own fields. */
export type AccountInput = Pick<
  Account,
  'account_name' | 'account_purpose' | 'cash_balance' | 'cash_interest'
>;

/** Form values as typed; the rate is in percent here and a fraction at the API. */
interface Values {
  name: string;
  purpose: string;
  cash: string;
  ratePercent: string;
}

const EMPTY: Values = { name: '', purpose: '', cash: '0', ratePercent: '' };

function fromAccount(account: AccountInput): Values {
  return {
    name: account.account_name,
    purpose: account.account_purpose ?? '',
    cash: account.cash_balance,
    ratePercent: fractionToPercent(account.cash_interest),
  };
}

/** Create or edit an account: name, purpose, cash balance and cash interest, checked inline. */
export function AccountForm({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial?: AccountInput;
  submitLabel: string;
  onSubmit: (input: AccountInput) => Promise<void>;
  onCancel?: (() => void) | undefined;
}) {
  const id = useId();
  const [values, setValues] = useState<Values>(initial ? fromAccount(initial) : EMPTY);
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [serverError, setServerError] = useState<unknown>(null);
  const errors = {
    name: accountNameError(values.name),
    cash: cashError(values.cash),
    rate: ratePercentError(values.ratePercent),
  };
  const invalid = Object.values(errors).some(Boolean);
  const set = (key: keyof Values) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [key]: e.target.value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (invalid) return;
    setBusy(true);
    setServerError(null);
    try {
      await onSubmit({
        account_name: values.name.trim(),
        account_purpose: values.purpose.trim() || null,
        cash_balance: toDecimalString(values.cash),
        cash_interest: percentToFraction(values.ratePercent),
      });
      if (!initial) setValues(EMPTY);
      setTouched(false);
    } catch (err: unknown) {
      setServerError(err);
    } finally {
      setBusy(false);
    }
  }

  const show = (error: string | null) => (touched ? error : null);
  return (
    <form className="form-grid" onSubmit={submit} noValidate aria-label={submitLabel}>
      <Field
        id={`${id}-name`}
        label="Account name"
        value={values.name}
        onChange={set('name')}
        error={show(errors.name)}
        maxLength={255}
      />
      <Field
        id={`${id}-purpose`}
        label="Purpose (optional)"
        value={values.purpose}
        onChange={set('purpose')}
      />
      <Field
        id={`${id}-cash`}
        label="Cash balance ($)"
        inputMode="decimal"
        value={values.cash}
        onChange={set('cash')}
        error={show(errors.cash)}
      />
      <Field
        id={`${id}-rate`}
        label="Cash interest (% a year)"
        inputMode="decimal"
        value={values.ratePercent}
        onChange={set('ratePercent')}
        error={show(errors.rate)}
        hint={rateReadAs(values.ratePercent) ?? 'In percent, for example 4.5.'}
      />
      <div className="row form-actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Saving…' : submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button secondary" onClick={onCancel} disabled={busy}>
            Cancel
          </button>
        )}
      </div>
      {serverError !== null && (
        <div className="error-text form-error" role="alert">
          {errorMessage(serverError)}
        </div>
      )}
    </form>
  );
}
