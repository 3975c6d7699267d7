import { decimalPlaces, fromScaled, isDecimal, signOf, toScaled } from '../../lib/decimal.ts';

/** The same rules the API applies, checked as the user types. Each returns an error or null. */

const SYMBOL = /^[A-Z0-9][A-Z0-9.\-^=]*$/;

function integerDigits(text: string): number {
  return (text.trim().replace('-', '').split('.')[0] ?? '').replace(/^0+/, '').length;
}

/** A share quantity: a decimal greater than 0, at most 8 decimal places (DECIMAL(20,8)). */
export function quantityError(text: string): string | null {
  const value = text.trim();
  if (value === '') return 'Enter a quantity.';
  if (!isDecimal(value)) return 'Enter a number, such as 10 or 2.5.';
  if (signOf(value) <= 0) return 'Quantity must be greater than 0.';
  if (decimalPlaces(value) > 8) return 'Use at most 8 decimal places.';
  if (integerDigits(value) > 12) return 'That quantity is too large.';
  return null;
}

/** Cash in dollars: 0 or more, at most 2 decimal places (DECIMAL(12,2)). */
export function cashError(text: string): string | null {
  const value = text.trim();
  if (value === '') return 'Enter an amount (0 if none).';
  if (!isDecimal(value)) return 'Enter an amount in dollars, such as 1500 or 99.95.';
  if (signOf(value) < 0) return 'Cash cannot be negative.';
  if (decimalPlaces(value) > 2) return 'Use at most 2 decimal places (cents).';
  if (integerDigits(value) > 10) return 'That amount is too large.';
  return null;
}

/** An interest rate in percent (0–100, up to 2 decimal places); stored as a fraction. */
export function ratePercentError(text: string): string | null {
  const value = text.trim();
  if (value === '') return null;
  if (!isDecimal(value)) return 'Enter a percentage, such as 4.5.';
  if (signOf(value) < 0) return 'The rate cannot be negative.';
  if (decimalPlaces(value) > 2) return 'Use at most 2 decimal places.';
  if (toScaled(value, 2) > 10000n) return 'The rate must be at most 100%.';
  return null;
}

/** "4.5" percent → "0.0450" fraction, exactly. Empty means 0. */
export function percentToFraction(text: string): string {
  return text.trim() === '' ? '0' : fromScaled(toScaled(text, 2), 4);
}

/** "0.0450" fraction → "4.5" percent, exactly, without trailing zeros. */
export function fractionToPercent(text: string): string {
  if (!isDecimal(text)) return '';
  return fromScaled(toScaled(text, 4), 2).replace(/\.?0+$/, '');
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
