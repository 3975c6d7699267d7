import type { User, UserUpdate } from '@alex/contract';
import { type FormEvent, useState } from 'react';
import { toDecimalString } from '../../lib/number-input.ts';
import { Field } from '../field.tsx';
import {
  ageError,
  birthYearError,
  feePercentError,
  planDollarsError,
  yearsError,
} from './plan-validation.ts';
import { fixFieldsMessage, SaveFooter } from './save-footer.tsx';
import { useFormSave } from './use-form-save.ts';

const text = (value: number | string | null): string => (value === null ? '' : String(value));
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
  const [birthYear, setBirthYear] = useState(text(user.birth_year));
  const [retirementAge, setRetirementAge] = useState(text(user.retirement_age));
  const [years, setYears] = useState(String(user.years_until_retirement));
  const [income, setIncome] = useState(user.target_retirement_income);
  const [contribution, setContribution] = useState(text(user.annual_contribution));
  const [rises, setRises] = useState(user.contribution_rises_with_inflation);
  const [other, setOther] = useState(user.other_retirement_income);
  const [otherAge, setOtherAge] = useState(text(user.other_income_start_age));
  const [fee, setFee] = useState(user.annual_fee_percent);
  const [risk, setRisk] = useState(text(user.risk_score));
  const current = JSON.stringify([
    birthYear,
    retirementAge,
    years,
    income,
    contribution,
    rises,
    other,
    otherAge,
    fee,
    risk,
  ]);
  const form = useFormSave(current, 'your retirement plan');

  const errors = {
    birthYear: birthYearError(birthYear, thisYear),
    retirementAge: ageError(retirementAge),
    years: yearsError(years),
    income: planDollarsError(income),
    contribution: planDollarsError(contribution, { optional: true }),
    other: planDollarsError(other),
    otherAge: ageError(otherAge),
    fee: feePercentError(fee),
  };
  const invalid = Object.values(errors).some(Boolean);
  // With both an age and a retirement age, the years to go follow from them.
  const derived =
    !errors.birthYear && !errors.retirementAge && birthYear.trim() !== '' && retirementAge.trim() !== ''
      ? Math.max(0, Number(retirementAge) - (thisYear - Number(birthYear)))
      : null;

  const submit = (event: FormEvent) =>
    form.submit(event, invalid, async () => {
      await onSave({
        birth_year: orNull(birthYear),
        retirement_age: orNull(retirementAge),
        ...(derived === null ? { years_until_retirement: Number(years) } : {}),
        target_retirement_income: toDecimalString(income),
        annual_contribution: contribution.trim() === '' ? null : toDecimalString(contribution),
        contribution_rises_with_inflation: rises,
        other_retirement_income: toDecimalString(other),
        other_income_start_age: orNull(otherAge),
        annual_fee_percent: fee.trim() === '' ? '0' : toDecimalString(fee),
        risk_score: orNull(risk),
      });
      return current;
    });

  const show = (error: string | null) => (form.submitted ? error : null);
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
        <Field
          id="plan-birth-year"
          label="Year of birth"
          inputMode="numeric"
          value={birthYear}
          onChange={(e) => setBirthYear(e.target.value)}
          error={show(errors.birthYear)}
          hint={
            birthYear.trim() && !errors.birthYear
              ? `Age ${thisYear - Number(birthYear)} this year`
              : undefined
          }
        />
        <Field
          id="plan-retirement-age"
          label="Retirement age"
          inputMode="numeric"
          value={retirementAge}
          onChange={(e) => setRetirementAge(e.target.value)}
          error={show(errors.retirementAge)}
        />
        <Field
          id="settings-years"
          label="Years until retirement"
          inputMode="numeric"
          value={derived === null ? years : String(derived)}
          readOnly={derived !== null}
          onChange={(e) => setYears(e.target.value)}
          error={derived === null ? show(errors.years) : null}
          hint={derived === null ? undefined : 'From your year of birth and retirement age'}
        />
        <Field
          id="settings-income"
          label="Target retirement income ($ a year, today's dollars)"
          inputMode="decimal"
          value={income}
          onChange={(e) => setIncome(e.target.value)}
          error={show(errors.income)}
        />
        <Field
          id="plan-contribution"
          label="Yearly saving until retirement ($, today's dollars)"
          inputMode="decimal"
          value={contribution}
          onChange={(e) => setContribution(e.target.value)}
          error={show(errors.contribution)}
          hint={contribution.trim() === '' ? 'Not entered: Alex assumes $10,000 a year' : undefined}
        />
        <div className="field">
          <label className="row" htmlFor="plan-rises">
            <input
              id="plan-rises"
              type="checkbox"
              checked={rises}
              onChange={(e) => setRises(e.target.checked)}
            />
            Raise my saving with inflation each year
          </label>
        </div>
        <Field
          id="plan-other-income"
          label="Pension, Social Security or other income ($ a year, today's dollars)"
          inputMode="decimal"
          value={other}
          onChange={(e) => setOther(e.target.value)}
          error={show(errors.other)}
        />
        <Field
          id="plan-other-age"
          label="Age the other income starts"
          inputMode="numeric"
          value={otherAge}
          onChange={(e) => setOtherAge(e.target.value)}
          error={show(errors.otherAge)}
          hint="Empty: from retirement"
        />
        <Field
          id="plan-fee"
          label="Fees (% of your balance a year)"
          inputMode="decimal"
          value={fee}
          onChange={(e) => setFee(e.target.value)}
          error={show(errors.fee)}
          hint="Fund expense ratios plus any advisory fee, e.g. 0.25"
        />
        <Field id="plan-risk" label="Risk score (1 cautious – 10 adventurous)">
          <select id="plan-risk" value={risk} onChange={(e) => setRisk(e.target.value)}>
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
        label="Save my plan"
        savedMessage="Plan saved. Your next analysis uses it."
        fixMessage={form.submitted && invalid ? fixFieldsMessage(errors) : null}
        busy={form.busy}
        status={form.status}
      />
    </form>
  );
}
