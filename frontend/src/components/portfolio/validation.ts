import { decimalPlaces, fromScaled, isDecimal, signOf, toScaled } from '../../lib/decimal.ts';
import { readNumber } from '../../lib/number-input.ts';

/**
 * The same rules the API applies, checked as the user types. Each returns an error or null. Numbers
 * are read leniently ("1,000", "$1,000", "4.5%": see lib/number-input.ts); a form sends what
 * {@link toDecimalString} (or {@link percentToFraction} for a rate) makes of the accepted text.
 */
export { toDecimalString } from '../../lib/number-input.ts';

const SYMBOL = /^[A-Z0-9][A-Z0-9.\-^=]*$/;

function integerDigits(value: string): number {
  return (value.replace('-', '').split('.')[0] ?? '').replace(/^0+/, '').length;
}

/** A share quantity: a decimal greater than 0, at most 8 decimal places (DECIMAL(20,8)). */
export function quantityError(text: string): string | null {
  if (text.trim() === '') return 'Enter a quantity.';
  const reading = readNumber(text);
  if (!reading.ok) return reading.error;
  const value = reading.value;
  if (signOf(value) <= 0) return 'Quantity must be greater than 0.';
  if (decimalPlaces(value) > 8) return 'Use at most 8 decimal places.';
  if (integerDigits(value) > 12) return 'That quantity is too large.';
  return null;
}

/** Cash in dollars: 0 or more, at most 2 decimal places (DECIMAL(12,2)); "$1,500" is fine. */
export function cashError(text: string): string | null {
  if (text.trim() === '') return 'Enter an amount (0 if none).';
  const reading = readNumber(text, { currency: true });
  if (!reading.ok) return reading.error;
  const value = reading.value;
  if (signOf(value) < 0) return 'Cash cannot be negative.';
  if (decimalPlaces(value) > 2) return 'Use at most 2 decimal places (cents).';
  if (integerDigits(value) > 10) return 'That amount is too large.';
  return null;
}

type RateReading = { ok: true; percent: string; fromFraction: boolean } | { ok: false; error: string };

/**
 * A yearly rate typed in percent ("4.5", "4.5%"), or as a fraction ("0.045"). A fraction is only
 * ever read from a number below 1 with 3 or 4 decimal places and no "%": as a percentage it would
 * need more precision than a rate is stored with (4 decimal places of a fraction), so it cannot
 * mean anything else. "0.5" stays 0.5%; the form shows how it read the text either way.
 */
function readRate(text: string): RateReading {
  const reading = readNumber(text, { percent: true });
  if (!reading.ok) return reading;
  const value = reading.value;
  if (signOf(value) < 0) return { ok: false, error: 'The rate cannot be negative.' };
  const places = decimalPlaces(value);
  const belowOne = toScaled(value, 8) < 100000000n;
  if (!reading.percentSign && belowOne && places > 2 && places <= 4) {
    return { ok: true, percent: fromScaled(toScaled(value, 4), 2), fromFraction: true };
  }
  if (places > 2) return { ok: false, error: 'Use at most 2 decimal places, such as 4.25.' };
  if (toScaled(value, 2) > 10000n) return { ok: false, error: 'The rate must be at most 100%.' };
  return { ok: true, percent: value, fromFraction: false };
}

/** An interest rate in percent (0–100, up to 2 decimal places) or as a fraction; empty means 0. */
export function ratePercentError(text: string): string | null {
  if (text.trim() === '') return null;
  const reading = readRate(text);
  return reading.ok ? null : reading.error;
}

/** How the form read a rate, for its hint: "Read as 4.5% a year." (null when empty or invalid). */
export function rateReadAs(text: string): string | null {
  if (text.trim() === '') return null;
  const reading = readRate(text);
  if (!reading.ok) return null;
  const percent = trimZeros(reading.percent);
  return reading.fromFraction
    ? `Read as ${percent}% a year (you typed a fraction: ${text.trim()} = ${percent}%).`
    : `Read as ${percent}% a year.`;
}

/** "4.5" or "4.5%" percent (or "0.045" as a fraction) → "0.0450" fraction, exactly. Empty means 0. */
export function percentToFraction(text: string): string {
  if (text.trim() === '') return '0';
  const reading = readRate(text);
  if (!reading.ok) throw new RangeError(`not a rate: ${text}`);
  return fromScaled(toScaled(reading.percent, 2), 4);
}

/** "0.0450" fraction → "4.5" percent, exactly, without trailing zeros. */
export function fractionToPercent(text: string): string {
  if (!isDecimal(text)) return '';
  return trimZeros(fromScaled(toScaled(text, 4), 2));
}

function trimZeros(value: string): string {
  return value.includes('.') ? value.replace(/\.?0+$/, '') : value;
}

/** A price per share in dollars: greater than 0, at most 4 decimal places (DECIMAL(12,4)); "$12.50" is fine. */
export function priceError(text: string): string | null {
  if (text.trim() === '') return 'Enter the price of one share.';
  const reading = readNumber(text, { currency: true });
  if (!reading.ok) return reading.error;
  if (signOf(reading.value) <= 0) return 'The price must be greater than 0.';
  if (decimalPlaces(reading.value) > 4) return 'Use at most 4 decimal places.';
  if (integerDigits(reading.value) > 8) return 'That price is too large.';
  return null;
}

/** A ticker symbol as the API accepts it (upper-cased before checking). */
export function symbolError(text: string): string | null {
  const value = text.trim().toUpperCase();
  if (value === '') return 'Enter a symbol, such as SPY.';
  if (value.length > 20 || !SYMBOL.test(value)) return 'Use letters, digits and . - ^ = only.';
  return null;
}

/** An account name: 1–255 characters. */
export function accountNameError(text: string): string | null {
  const value = text.trim();
  if (value === '') return 'Enter a name, such as "Roth IRA".';
  if (value.length > 255) return 'Use at most 255 characters.';
  return null;
}
