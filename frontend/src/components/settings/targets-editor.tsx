import { type ReactNode, useId } from 'react';
import { formatPercent, humanize } from '../format.ts';
import { entryErrors, type TargetInputs, targetTotal, totalError } from './targets.ts';

/** A fieldset of percentage targets with a live total that must reach 100. */
export function TargetsEditor({
  legend,
  inputs,
  onChange,
  showErrors,
  explanation,
  labelFor = humanize,
}: {
  legend: string;
  inputs: TargetInputs;
  onChange: (next: TargetInputs) => void;
  showErrors: boolean;
  /** What the keys mean, shown under the legend. */
  explanation?: ReactNode;
  labelFor?: (key: string) => string;
}) {
  const id = useId();
  const errors = entryErrors(inputs);
  const total = targetTotal(inputs);
  const sumError = totalError(inputs);
  const totalId = `${id}-total`;
  const explanationId = `${id}-explanation`;
  return (
    <fieldset className="targets" aria-describedby={explanation ? `${explanationId} ${totalId}` : totalId}>
      <legend>{legend}</legend>
      {explanation && (
        <p id={explanationId} className="muted small">
          {explanation}
        </p>
      )}
      <div className="targets-grid">
        {Object.entries(inputs).map(([key, text]) => {
          const inputId = `${id}-${key}`;
          const error = errors[key];
          return (
            <div className="field" key={key}>
              <label htmlFor={inputId}>{labelFor(key)} (%)</label>
              <input
                id={inputId}
                inputMode="decimal"
                value={text}
                placeholder="0"
                aria-invalid={Boolean(error)}
                aria-describedby={error ? `${inputId}-error` : undefined}
                onChange={(e) => onChange({ ...inputs, [key]: e.target.value })}
              />
              {error && (
                <span id={`${inputId}-error`} className="error-text">
                  {error}
                </span>
              )}
            </div>
          );
        })}
      </div>
      <p id={totalId} className={sumError ? 'total off' : 'total ok'} aria-live="polite">
        Total: <strong>{formatPercent(total)}</strong>
        {sumError ? (
          <span className="error-text" role={showErrors ? 'alert' : undefined}>
            {' '}
            {sumError}
          </span>
        ) : (
          ' ✓'
        )}
      </p>
    </fieldset>
  );
}
