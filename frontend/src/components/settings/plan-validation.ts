import { MAX_ANNUAL_FEE_PERCENT, MAX_PLAN_DOLLARS, PLAN_AGE_RANGE } from '@alex/contract';
import { readNumber } from '../../lib/number-input.ts';
import { cashError } from '../portfolio/validation.ts';

/** The same bounds the API applies to the plan, checked as the user types; each returns an error or null. */

/** A yearly amount in today's dollars, $0 to $10 million; empty is allowed only when `optional`. */
export function planDollarsError(text: string, options: { optional?: boolean } = {}): string | null {
  if (text.trim() === '') return options.optional ? null : 'Enter an amount in dollars (0 if none).';
  const error = cashError(text);
  if (error) return error.replace('Cash cannot be negative.', 'The amount cannot be negative.');
  const reading = readNumber(text, { currency: true });
  if (reading.ok && Number(reading.value) > MAX_PLAN_DOLLARS)
    return `At most $${MAX_PLAN_DOLLARS.toLocaleString('en-US')} a year.`;
  return null;
}

function wholeNumber(text: string): number | null {
  return /^\d+$/.test(text.trim()) ? Number(text) : null;
}

/** A year of birth that makes the user 16 to 100 this year; empty means not given. */
export function birthYearError(text: string, thisYear: number): string | null {
  if (text.trim() === '') return null;
  const year = wholeNumber(text);
  if (year === null) return 'Enter a year, such as 1985.';
  const [min, max] = [thisYear - PLAN_AGE_RANGE.max, thisYear - PLAN_AGE_RANGE.min];
  return year < min || year > max ? `Enter a year from ${min} to ${max}.` : null;
}

/** An age from 30 to 100; empty means not given. */
export function ageError(text: string): string | null {
  if (text.trim() === '') return null;
  const age = wholeNumber(text);
  if (age === null) return 'Enter an age in whole years, such as 65.';
  return age < 30 || age > PLAN_AGE_RANGE.max ? `Enter an age from 30 to ${PLAN_AGE_RANGE.max}.` : null;
}

/** Whole years until retirement, 0 to 100. */
export function yearsError(text: string): string | null {
  const years = wholeNumber(text);
  if (years === null) return 'Enter a whole number of years.';
  return years > 100 ? 'At most 100 years.' : null;
}

/** Fees in percent of the balance a year: 0 to 5, at most 2 decimal places. */
export function feePercentError(text: string): string | null {
  if (text.trim() === '') return null;
  const reading = readNumber(text, { percent: true });
  if (!reading.ok || !/^\d+(\.\d{1,2})?$/.test(reading.value)) {
    return 'Enter a percentage with at most 2 decimals, such as 0.25.';
  }
  return Number(reading.value) > MAX_ANNUAL_FEE_PERCENT ? `At most ${MAX_ANNUAL_FEE_PERCENT}% a year.` : null;
}
