import { z } from 'zod';

/** Upper bound on free-text fields, so one request cannot store megabytes. */
export const MAX_TEXT = 2_000;

/**
 * An exact decimal carried as a string, like Postgres `DECIMAL(precision, scale)`. Accepts a string
 * or a finite number; rejects more than `scale` fractional digits or more than
 * `precision - scale` integer digits rather than letting the database round or overflow.
 */
export function decimalString(precision: number, scale: number, options: { min?: number } = {}) {
  const intDigits = precision - scale;
  const pattern = /^-?\d+(\.\d+)?$/;
  return z.union([z.string().trim(), z.number().finite()]).transform((value, ctx) => {
    const text = typeof value === 'number' ? numberToPlainString(value) : value;
    if (!pattern.test(text)) {
      ctx.addIssue({ code: 'custom', message: 'must be a decimal number' });
      return z.NEVER;
    }
    const [whole = '', fraction = ''] = text.replace('-', '').split('.');
    if (fraction.length > scale) {
      ctx.addIssue({ code: 'custom', message: `must have at most ${scale} decimal places` });
      return z.NEVER;
    }
    if (whole.replace(/^0+/, '').length > intDigits) {
      ctx.addIssue({ code: 'custom', message: `must be below 10^${intDigits}` });
      return z.NEVER;
    }
    if (options.min !== undefined && Number(text) < options.min) {
      ctx.addIssue({ code: 'custom', message: `must be at least ${options.min}` });
      return z.NEVER;
    }
    return text;
  });
}

/** Renders a finite number without exponent notation (1e-7 → "0.0000001"). */
export function numberToPlainString(value: number): string {
  const text = String(value);
  if (!/e/i.test(text)) return text;
  return value.toFixed(20).replace(/\.?0+$/, '');
}

/** A ticker symbol, trimmed and upper-cased: letters, digits, dot, dash, caret, equals. */
export const TickerSymbol = z
  .string()
  .trim()
  .toUpperCase()
  .min(1)
  .max(20)
  .regex(/^[A-Z0-9][A-Z0-9.\-^=]*$/, 'must be a ticker symbol (letters, digits, . - ^ =)')
  .describe("Ticker symbol, e.g. 'SPY'");

/** A UUID in canonical text form. */
export const Uuid = z.uuid().describe('Identifier (UUID)');

/** An ISO calendar date, YYYY-MM-DD. */
export const IsoDate = z.iso.date().describe('Calendar date, YYYY-MM-DD');

/** An ISO 8601 timestamp in UTC. */
export const IsoTimestamp = z.string().describe('ISO 8601 timestamp in UTC');

/** A Clerk user id: the `sub` of a verified token. */
export const ClerkUserId = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[A-Za-z0-9_\-.:@|]+$/, 'must be a user id')
  .describe('Clerk user id');

/** Money as an exact decimal string; the description names the unit, today's US dollars. */
export function moneyText(what: string) {
  return z.string().describe(`${what}, a decimal string in today's US dollars`);
}
