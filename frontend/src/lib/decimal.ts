/** Exact decimal-string helpers: money is never summed with floating point. */

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** Whether `text` is a plain decimal number such as "12", "-0.5" or "1234.5678". */
export function isDecimal(text: string): boolean {
  return DECIMAL.test(text.trim());
}

/** A decimal string as a scaled integer: `toScaled('1.25', 4)` is 12500n. Rounds half away from zero. */
export function toScaled(text: string, scale: number): bigint {
  const trimmed = text.trim();
  if (!isDecimal(trimmed)) throw new RangeError(`not a decimal: ${text}`);
  const negative = trimmed.startsWith('-');
  const [whole = '0', fraction = ''] = trimmed.replace('-', '').split('.');
  const kept = fraction.slice(0, scale).padEnd(scale, '0');
  let scaled = BigInt(whole + kept);
  if ((fraction[scale] ?? '0') >= '5') scaled += 1n;
  return negative ? -scaled : scaled;
}

/** A scaled integer back to a decimal string with `scale` places: `fromScaled(12500n, 4)` is "1.2500". */
export function fromScaled(value: bigint, scale: number): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale);
  return `${negative ? '-' : ''}${whole}${scale > 0 ? `.${fraction}` : ''}`;
}

/** Compares a decimal string with zero: -1, 0 or 1. Throws on a non-decimal. */
export function signOf(text: string): -1 | 0 | 1 {
  const scaled = toScaled(text, 12);
  return scaled === 0n ? 0 : scaled > 0n ? 1 : -1;
}

/** Number of digits after the decimal point. */
export function decimalPlaces(text: string): number {
  return text.trim().split('.')[1]?.length ?? 0;
}
