import type { User, UserUpdate } from '@alex/contract';
import { type FormEvent, useState } from 'react';
import { toDecimalString } from '../../lib/number-input.ts';
import { Field } from '../field.tsx';
import {
  INCOME_AND_FEE_FIELDS,
  type PlanFacts,
  type PlanFieldSpec,
  type PlanInputs,
  type PlanTextKey,
  planInputs,
  TIMING_AND_SAVING_FIELDS,
} from './plan-fields.ts';
import {
  ageError,
  birthYearError,
  feePercentError,
  planDollarsError,
  yearsError,
} from './plan-validation.ts';
import { fixFieldsMessage, SaveFooter } from './save-footer.tsx';
import { useFormSave } from './use-form-save.ts';

const orNull = (value: string): number | null => (value.trim() === '' ? null : Number(value));

/**
 * The user's retirement plan: age and retirement age (or years to go), target income, yearly saving,
 * other income, fees and risk score, every amount in today's dollars. Its own form and Save button;
 * the next analysis uses what is saved.
 */
export function PlanForm({
  user,
  onSave,
  thisYear = new Date().getFullYear(),
}: {
  user: User;
  onSave: (update: UserUpdate) => Promise<User>;
  thisYear?: number;
}) {
  const [inputs, setInputs] = useState(() => planInputs(user));
  const current = JSON.stringify(inputs);
  const form = useFormSave(current, 'your retirement plan');
  const set = (change: Partial<PlanInputs>) => setInputs((now) => ({ ...now, ...change }));

  const errors: Record<PlanTextKey, string | null> = {
    birthYear: birthYearError(inputs.birthYear, thisYear),
    retirementAge: ageError(inputs.retirementAge),
    years: yearsError(inputs.years),
    income: planDollarsError(inputs.income),
    contribution: planDollarsError(inputs.contribution, { optional: true }),
    other: planDollarsError(inputs.other),
    otherAge: ageError(inputs.otherAge),
    fee: feePercentError(inputs.fee),
  };
  const invalid = Object.values(errors).some(Boolean);
  const age =
    !errors.birthYear && inputs.birthYear.trim() !== '' ? thisYear - Number(inputs.birthYear) : null;
  // With both an age and a retirement age, the years to go follow from them.
  const derivedYears =
    age !== null && !errors.retirementAge && inputs.retirementAge.trim() !== ''
      ? Math.max(0, Number(inputs.retirementAge) - age)
      : null;
  const facts: PlanFacts = { inputs, age, derivedYears };

  const submit = (event: FormEvent) =>
    form.submit(event, invalid, async () => {
      await onSave({
        birth_year: orNull(inputs.birthYear),
        retirement_age: orNull(inputs.retirementAge),
        ...(derivedYears === null ? { years_until_retirement: Number(inputs.years) } : {}),
        target_retirement_income: toDecimalString(inputs.income),
        annual_contribution: inputs.contribution.trim() === '' ? null : toDecimalString(inputs.contribution),
        contribution_rises_with_inflation: inputs.rises,
        other_retirement_income: toDecimalString(inputs.other),
        other_income_start_age: orNull(inputs.otherAge),
        annual_fee_percent: inputs.fee.trim() === '' ? '0' : toDecimalString(inputs.fee),
        risk_score: orNull(inputs.risk),
      });
      return current;
    });

  const field = (spec: PlanFieldSpec) => {
    const derived = spec.derived?.(facts) ?? null;
    return (
      <Field
        key={spec.id}
        id={spec.id}
        label={spec.label}
        inputMode={spec.inputMode}
        value={derived === null ? inputs[spec.key] : String(derived)}
        readOnly={derived !== null}
        onChange={(e) => set({ [spec.key]: e.target.value })}
        error={derived === null && form.submitted ? errors[spec.key] : null}
        hint={typeof spec.hint === 'function' ? spec.hint(facts) : spec.hint}
      />
    );
  };
  return (
    <form className="card stack" onSubmit={submit} noValidate aria-labelledby="plan-heading">
      {form.unsavedPrompt}
      <h2 id="plan-heading" className="h2">
        Your retirement plan
      </h2>
      <p className="muted">
        Amounts are yearly, in today's dollars: Alex grows them with inflation in the projection. Your next
        analysis uses this plan.
      </p>
      <div className="form-grid">
        {TIMING_AND_SAVING_FIELDS.map(field)}
        <div className="field">
          <label className="row" htmlFor="plan-rises">
            <input
              id="plan-rises"
              type="checkbox"
              checked={inputs.rises}
              onChange={(e) => set({ rises: e.target.checked })}
            />
            Raise my saving with inflation each year
          </label>
        </div>
        {INCOME_AND_FEE_FIELDS.map(field)}
        <Field id="plan-risk" label="Risk score (1 cautious – 10 adventurous)">
          <select id="plan-risk" value={inputs.risk} onChange={(e) => set({ risk: e.target.value })}>
            <option value="">Not set</option>
            {Array.from({ length: 10 }, (_, i) => String(i + 1)).map((score) => (
              <option key={score} value={score}>
                {score}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <SaveFooter
        form={form}
        label="Save my plan"
        savedMessage="Plan saved. Your next analysis uses it."
        fixMessage={fixFieldsMessage(errors)}
      />
    </form>
  );
}
