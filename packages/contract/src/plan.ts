/**
 * The user's retirement plan (issue 10): what they save, when they retire, other income and fees.
 * Money is in today's US dollars throughout; the API stores and returns these with the user.
 */
import { z } from 'zod';
import { decimalString, moneyText } from './primitives.ts';

/** Largest yearly amount a plan may state (contribution, other income): $10 million. */
export const MAX_PLAN_DOLLARS = 10_000_000;
/** Largest annual fee drag accepted, in percent of the balance a year. */
export const MAX_ANNUAL_FEE_PERCENT = 5;
/** Youngest and oldest ages a plan accepts. */
export const PLAN_AGE_RANGE = { min: 16, max: 100 } as const;

const thisYear = (): number => new Date().getUTCFullYear();

function planDollars(what: string) {
  return decimalString(12, 2, { min: 0 })
    .refine((text) => Number(text) <= MAX_PLAN_DOLLARS, {
      message: `must be at most ${MAX_PLAN_DOLLARS.toLocaleString('en-US')} dollars a year`,
    })
    .describe(`${what}, in today's US dollars a year`);
}

/** The plan's fields as a request may set them (each optional in an update; null clears one). */
export const RetirementPlanFields = {
  birth_year: z
    .number()
    .int()
    .refine((year) => year >= thisYear() - PLAN_AGE_RANGE.max && year <= thisYear() - PLAN_AGE_RANGE.min, {
      message: `must make you ${PLAN_AGE_RANGE.min} to ${PLAN_AGE_RANGE.max} years old`,
    })
    .nullable()
    .describe("The user's year of birth; with retirement_age it sets years_until_retirement"),
  retirement_age: z
    .number()
    .int()
    .min(30)
    .max(PLAN_AGE_RANGE.max)
    .nullable()
    .describe('The age at which the user plans to retire'),
  annual_contribution: planDollars('What the user adds to their savings each year until retirement')
    .nullable()
    .describe(
      "Yearly saving until retirement in today's US dollars; null: not entered (Alex assumes $10,000)",
    ),
  contribution_rises_with_inflation: z
    .boolean()
    .describe('Whether the yearly saving is raised with inflation (level in today’s dollars)'),
  other_retirement_income: planDollars('Pension, Social Security or other income in retirement'),
  other_income_start_age: z
    .number()
    .int()
    .min(30)
    .max(PLAN_AGE_RANGE.max)
    .nullable()
    .describe('The age at which the other income starts; null: at retirement'),
  annual_fee_percent: decimalString(4, 2, { min: 0 })
    .refine((text) => Number(text) <= MAX_ANNUAL_FEE_PERCENT, {
      message: `must be at most ${MAX_ANNUAL_FEE_PERCENT} (% a year)`,
    })
    .describe('Fund fees and advisory costs, in percent of the balance a year (0.25 = 0.25%)'),
  risk_score: z
    .number()
    .int()
    .min(1)
    .max(10)
    .nullable()
    .describe('How much risk the user is willing to take, 1 (least) to 10 (most)'),
};

/** The plan's fields as the API returns them with the user. */
export const RetirementPlanView = {
  birth_year: z.number().int().nullable(),
  /** Derived from birth_year and this calendar year; null without a birth year. */
  current_age: z.number().int().nullable().describe("The user's age this year, from birth_year"),
  retirement_age: z.number().int().nullable(),
  annual_contribution: moneyText('Yearly saving until retirement (null: not entered)').nullable(),
  contribution_rises_with_inflation: z.boolean(),
  other_retirement_income: moneyText('Other income in retirement, a year'),
  other_income_start_age: z.number().int().nullable(),
  annual_fee_percent: z.string().describe('Fees in percent of the balance a year, a decimal string'),
  risk_score: z.number().int().nullable(),
};
