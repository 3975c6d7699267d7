import { InvalidDecimalError } from './errors.ts';

/**
 * Exact decimal arithmetic for money. Values arrive from the database as decimal strings
 * (quantity DECIMAL(20,8), price DECIMAL(12,4), cash DECIMAL(12,2)); they are parsed into BigInt
 * units so that products and sums are exact, and rounded to cents once, half away from zero
 * (as Postgres `round(numeric)` does).
 */

const DECIMAL_PATTERN = /^([+-])?(\d+)(?:\.(\d+))?$/;

/** An exact decimal: `units / 10^scale`. */
export interface ScaledDecimal {
  units: bigint;
  scale: number;
}

/** Parses a plain decimal string ("12.5", "-0.01") exactly; `field` names it in the error. */
export function parseDecimal(text: string, field = 'value'): ScaledDecimal {
  const match = DECIMAL_PATTERN.exec(text.trim());
  if (!match) throw new InvalidDecimalError(text, field);
  const [, sign, whole = '0', fraction = ''] = match;
  const units = BigInt(whole + fraction);
  return { units: sign === '-' ? -units : units, scale: fraction.length };
}

/** Rounds `units / 10^scale` to an integer number of `10^-target` units, half away from zero. */
function rescale(value: ScaledDecimal, target: number): bigint {
  if (value.scale <= target) return value.units * 10n ** BigInt(target - value.scale);
  const divisor = 10n ** BigInt(value.scale - target);
  const negative = value.units < 0n;
  const magnitude = negative ? -value.units : value.units;
  const rounded = (magnitude + divisor / 2n) / divisor;
  return negative ? -rounded : rounded;
}

/** A decimal string rounded to whole cents. */
export function toCents(text: string, field = 'value'): bigint {
  return rescale(parseDecimal(text, field), 2);
}

/** The exact product of two decimal strings (quantity × price), rounded once to cents. */
export function multiplyToCents(a: string, b: string, fields: [string, string] = ['a', 'b']): bigint {
  const left = parseDecimal(a, fields[0]);
  const right = parseDecimal(b, fields[1]);
  return rescale({ units: left.units * right.units, scale: left.scale + right.scale }, 2);
}

/** Cents as a decimal string with two places ("-12.30"). */
export function centsToString(cents: bigint): string {
  const negative = cents < 0n;
  const digits = (negative ? -cents : cents).toString().padStart(3, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** Cents as a number of dollars: the closest double to the exact amount. */
export function centsToNumber(cents: bigint): number {
  return Number(cents) / 100;
}
