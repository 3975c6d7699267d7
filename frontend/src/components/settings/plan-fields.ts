import type { User } from '@alex/contract';

const text = (value: number | string | null): string => (value === null ? '' : String(value));

/** The plan as typed: every field's text, and the one checkbox (`rises`). */
export interface PlanInputs {
  birthYear: string;
  retirementAge: string;
  years: string;
  income: string;
  contribution: string;
  rises: boolean;
  other: string;
  otherAge: string;
  fee: string;
  risk: string;
}

/** The plan's text inputs (the risk score is a select, `rises` a checkbox). */
export type PlanTextKey = Exclude<keyof PlanInputs, 'rises' | 'risk'>;

/** What a field's hint or shown value may follow from. */
export interface PlanFacts {
  inputs: PlanInputs;
  /** The user's age this year, from a valid year of birth; null without one. */
  age: number | null;
  /** The years to go, from the age and a valid retirement age; null without both. */
  derivedYears: number | null;
}

/** One text input of the plan; its value, change handler and error come from `key`. */
export interface PlanFieldSpec {
  key: PlanTextKey;
  id: string;
  label: string;
  inputMode: 'numeric' | 'decimal';
  hint?: string | ((facts: PlanFacts) => string | undefined);
  /** A value that follows from other fields: while there is one, the field shows it, read-only. */
  derived?: (facts: PlanFacts) => number | null;
}

/** The fields above the "raise my saving" checkbox: when, and how much. */
export const TIMING_AND_SAVING_FIELDS: PlanFieldSpec[] = [
  {
    key: 'birthYear',
    id: 'plan-birth-year',
    label: 'Year of birth',
    inputMode: 'numeric',
    hint: ({ age }) => (age === null ? undefined : `Age ${age} this year`),
  },
  { key: 'retirementAge', id: 'plan-retirement-age', label: 'Retirement age', inputMode: 'numeric' },
  {
    key: 'years',
    id: 'settings-years',
    label: 'Years until retirement',
    inputMode: 'numeric',
    derived: ({ derivedYears }) => derivedYears,
    hint: ({ derivedYears }) =>
      derivedYears === null ? undefined : 'From your year of birth and retirement age',
  },
  {
    key: 'income',
    id: 'settings-income',
    label: "Target retirement income ($ a year, today's dollars)",
    inputMode: 'decimal',
  },
  {
    key: 'contribution',
    id: 'plan-contribution',
    label: "Yearly saving until retirement ($, today's dollars)",
    inputMode: 'decimal',
    hint: ({ inputs }) =>
      inputs.contribution.trim() === '' ? 'Not entered: Alex assumes $10,000 a year' : undefined,
  },
];

/** The fields below it: other income and fees. */
export const INCOME_AND_FEE_FIELDS: PlanFieldSpec[] = [
  {
    key: 'other',
    id: 'plan-other-income',
    label: "Pension, Social Security or other income ($ a year, today's dollars)",
    inputMode: 'decimal',
  },
  {
    key: 'otherAge',
    id: 'plan-other-age',
    label: 'Age the other income starts',
    inputMode: 'numeric',
    hint: 'Empty: from retirement',
  },
  {
    key: 'fee',
    id: 'plan-fee',
    label: 'Fees (% of your balance a year)',
    inputMode: 'decimal',
    hint: 'Fund expense ratios plus any advisory fee, e.g. 0.25',
  },
];

/** The plan form's inputs for the user's saved plan. */
export function planInputs(user: User): PlanInputs {
  return {
    birthYear: text(user.birth_year),
    retirementAge: text(user.retirement_age),
    years: String(user.years_until_retirement),
    income: user.target_retirement_income,
    contribution: text(user.annual_contribution),
    rises: user.contribution_rises_with_inflation,
    other: user.other_retirement_income,
    otherAge: text(user.other_income_start_age),
    fee: user.annual_fee_percent,
    risk: text(user.risk_score),
  };
}
