import type { RiskCheck, RiskChecks, RiskRulesUpdate } from '@alex/contract';
import { type FormEvent, useState } from 'react';
import { type RuleInput, thresholdError, toRuleInputs, toUpdate, unitLabel } from './risk-rules.ts';
import { SaveFooter } from './save-footer.tsx';
import { useFormSave } from './use-form-save.ts';

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
  const form = useFormSave(JSON.stringify(inputs), 'your risk checks');

  const errors = Object.fromEntries(
    rules.map((rule) => [rule.id, thresholdError(inputs[rule.id]?.threshold ?? '', rule)]),
  );
  const invalid = Object.values(errors).some(Boolean);
  const set = (id: string, change: Partial<RuleInput>) => {
    form.clearStatus();
    setInputs((current) => ({
      ...current,
      [id]: { ...(current[id] ?? { enabled: true, threshold: '' }), ...change },
    }));
  };

  const submit = (event: FormEvent) =>
    form.submit(event, invalid, async () => {
      const saved = await onSave(toUpdate(inputs));
      const savedInputs = toRuleInputs(saved.checks);
      setRules(saved.checks);
      setInputs(savedInputs);
      return JSON.stringify(savedInputs);
    });

  return (
    <form
      className="card stack"
      id="risk-rules"
      onSubmit={submit}
      noValidate
      aria-labelledby="risk-rules-heading"
    >
      {form.unsavedPrompt}
      <h2 id="risk-rules-heading" className="h2">
        Risk checks
      </h2>
      <p className="muted small">
        Each check runs on your portfolio whenever you open the dashboard, and your analysis report states the
        same results. Set the limit you are comfortable with, or switch a check off.
      </p>
      {rules.map((rule) => {
        const input = inputs[rule.id] ?? { enabled: rule.enabled, threshold: String(rule.threshold) };
        const error = form.submitted ? errors[rule.id] : null;
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
      <SaveFooter
        form={form}
        label="Save risk checks"
        savedMessage="Risk checks saved."
        fixMessage={invalid ? 'Please fix the highlighted limits.' : null}
      />
    </form>
  );
}
