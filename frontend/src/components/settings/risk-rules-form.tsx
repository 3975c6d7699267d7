import type { RiskCheck, RiskChecks, RiskRulesUpdate } from '@alex/contract';
import { type FormEvent, useState } from 'react';
import { errorMessage } from '../../api/errors.ts';
import { useUnsavedChanges } from '../../lib/use-unsaved-changes.tsx';
import { type RuleInput, thresholdError, toRuleInputs, toUpdate, unitLabel } from './risk-rules.ts';

/** The risk checks' thresholds and on/off switches, with their own Save. */
export function RiskRulesForm({
  checks,
  onSave,
}: {
  checks: RiskCheck[];
  onSave: (update: RiskRulesUpdate) => Promise<RiskChecks>;
}) {
  const [rules, setRules] = useState(checks);
  const [inputs, setInputs] = useState(() => toRuleInputs(checks));
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ kind: 'saved' } | { kind: 'error'; error: unknown } | null>(null);
  const current = JSON.stringify(inputs);
  const [savedAs, setSavedAs] = useState(current);
  const unsavedPrompt = useUnsavedChanges(current !== savedAs, 'your risk checks');

  const errors = Object.fromEntries(
    rules.map((rule) => [rule.id, thresholdError(inputs[rule.id]?.threshold ?? '', rule)]),
  );
  const invalid = Object.values(errors).some(Boolean);
  const set = (id: string, change: Partial<RuleInput>) => {
    setStatus(null);
    setInputs((current) => ({
      ...current,
      [id]: { ...(current[id] ?? { enabled: true, threshold: '' }), ...change },
    }));
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    setStatus(null);
    if (invalid) return;
    setBusy(true);
    try {
      const saved = await onSave(toUpdate(inputs));
      setRules(saved.checks);
      setInputs(toRuleInputs(saved.checks));
      setSavedAs(JSON.stringify(toRuleInputs(saved.checks)));
      setStatus({ kind: 'saved' });
    } catch (err: unknown) {
      setStatus({ kind: 'error', error: err });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="card stack"
      id="risk-rules"
      onSubmit={submit}
      noValidate
      aria-labelledby="risk-rules-heading"
    >
      {unsavedPrompt}
      <h2 id="risk-rules-heading" className="h2">
        Risk checks
      </h2>
      <p className="muted small">
        Each check runs on your portfolio whenever you open the dashboard, and your analysis report states the
        same results. Set the limit you are comfortable with, or switch a check off.
      </p>
      {rules.map((rule) => {
        const input = inputs[rule.id] ?? { enabled: rule.enabled, threshold: String(rule.threshold) };
        const error = submitted ? errors[rule.id] : null;
        const inputId = `risk-${rule.id}`;
        return (
          <div key={rule.id} className="risk-rule">
            <div>
              <strong id={`${inputId}-title`}>{rule.title}</strong>
              <p className="muted small">{rule.question}</p>
            </div>
            <div className="field">
              <label htmlFor={inputId}>
                Limit ({unitLabel(rule.unit)})<span className="sr-only"> for {rule.title}</span>
              </label>
              <input
                id={inputId}
                inputMode="decimal"
                value={input.threshold}
                disabled={!input.enabled}
                aria-invalid={Boolean(error)}
                aria-describedby={error ? `${inputId}-error` : undefined}
                onChange={(e) => set(rule.id, { threshold: e.target.value })}
              />
              {error && (
                <span id={`${inputId}-error`} className="error-text">
                  {error}
                </span>
              )}
            </div>
            <label className="row risk-switch">
              <input
                type="checkbox"
                checked={input.enabled}
                onChange={(e) => set(rule.id, { enabled: e.target.checked })}
                aria-describedby={`${inputId}-title`}
              />
              On
            </label>
          </div>
        );
      })}
      <div className="row">
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Saving…' : 'Save risk checks'}
        </button>
        <span role="status" aria-live="polite">
          {status?.kind === 'saved' && 'Risk checks saved.'}
        </span>
      </div>
      {submitted && invalid && (
        <p className="error-text" role="alert">
          Please fix the highlighted limits.
        </p>
      )}
      {status?.kind === 'error' && (
        <div className="error-text" role="alert">
          {errorMessage(status.error)}
        </div>
      )}
    </form>
  );
}
