import type { AssetClass, Instrument, Region, Sector } from '@alex/contract';
import { ASSET_CLASSES, REGIONS, SECTORS } from '@alex/core/taxonomy';
import { type FormEvent, useId, useState } from 'react';
import { useApi } from '../../api/api-context.tsx';
import { errorMessage } from '../../api/errors.ts';
import { Field } from '../field.tsx';
import { humanize } from '../format.ts';
import { priceError, toDecimalString } from './validation.ts';

/**
 * Prices and classifies by hand a symbol Alex could not look up: a price, and the one asset class,
 * region and sector it belongs to (each counted as 100%). Only for symbols the user added.
 */
export function ClassifyForm({
  symbol,
  onDone,
  onCancel,
}: {
  symbol: string;
  onDone: (instrument: Instrument) => void;
  onCancel: () => void;
}) {
  const api = useApi();
  const id = useId();
  const [name, setName] = useState('');
  const [price, setPrice] = useState('');
  const [assetClass, setAssetClass] = useState<AssetClass>('equity');
  const [region, setRegion] = useState<Region>('north_america');
  const [sector, setSector] = useState<Sector>('diversified');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [serverError, setServerError] = useState<unknown>(null);
  const error = priceError(price);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (error) return;
    setBusy(true);
    setServerError(null);
    try {
      onDone(
        await api.classifyInstrument({
          symbol,
          ...(name.trim() ? { name: name.trim() } : {}),
          current_price: toDecimalString(price),
          asset_class: assetClass,
          region,
          sector,
        }),
      );
    } catch (err: unknown) {
      setServerError(err);
      setBusy(false);
    }
  }

  return (
    <form
      className="form-grid classify-form"
      onSubmit={submit}
      noValidate
      aria-label={`Classify ${symbol} by hand`}
    >
      <p className="form-wide muted">
        Alex could not find {symbol}. Enter what you know about it; the analysis then uses these figures.
      </p>
      <Field
        id={`${id}-name`}
        label="Name (optional)"
        value={name}
        onChange={(e) => setName(e.target.value)}
      />
      <Field
        id={`${id}-price`}
        label="Price of one share ($)"
        inputMode="decimal"
        value={price}
        onChange={(e) => setPrice(e.target.value)}
        error={touched ? error : null}
      />
      <Choice
        id={`${id}-class`}
        label="Asset class"
        value={assetClass}
        options={ASSET_CLASSES}
        onChange={setAssetClass}
      />
      <Choice id={`${id}-region`} label="Region" value={region} options={REGIONS} onChange={setRegion} />
      <Choice id={`${id}-sector`} label="Sector" value={sector} options={SECTORS} onChange={setSector} />
      <div className="row form-actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Saving…' : `Save ${symbol}`}
        </button>
        <button type="button" className="button secondary" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
      {serverError !== null && (
        <p className="error-text form-error" role="alert">
          {errorMessage(serverError)}
        </p>
      )}
    </form>
  );
}

function Choice<T extends string>({
  id,
  label,
  value,
  options,
  onChange,
}: {
  id: string;
  label: string;
  value: T;
  options: readonly T[];
  onChange: (value: T) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as T)}>
        {options.map((option) => (
          <option key={option} value={option}>
            {humanize(option)}
          </option>
        ))}
      </select>
    </div>
  );
}
