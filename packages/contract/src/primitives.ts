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

/**
 * A ticker symbol: trimmed, then ASCII letters, digits, `.` and `-` only, then upper-cased. The
 * check runs before the case mapping, so no Unicode letter can map onto another ticker (`aß` would
 * otherwise become `ASS`, `spı` become `SPI`).
 */
export const TickerSymbol = z
  .string()
  .trim()
  .min(1)
  .max(20)
  .regex(/^[A-Za-z0-9][A-Za-z0-9.-]*$/, 'must be a ticker symbol (ASCII letters, digits, . -)')
  .toUpperCase()
  .describe("Ticker symbol, e.g. 'SPY'");

/** Zero-width characters and the bidirectional overrides and isolates: text that displays unlike what it is. */
const INVISIBLE_RANGES: readonly [number, number][] = [
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x2064],
  [0x2066, 0x2069],
  [0xfeff, 0xfeff],
];
const BIDI_OVERRIDES: readonly [number, number][] = [
  [0x202a, 0x202e],
  [0x2066, 0x2069],
];

/** Whether `text` holds a C0/C1 control (ANSI escapes too), except `allowed`, or a char in `ranges`. */
function hasUnsafeChar(text: string, ranges: readonly [number, number][], allowed = ''): boolean {
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if ((code < 0x20 || (code >= 0x7f && code <= 0x9f)) && !allowed.includes(char)) return true;
    if (ranges.some(([from, to]) => code >= from && code <= to)) return true;
  }
  return false;
}

/** Single-line user text (a name): trimmed, `max` characters, no control, zero-width or bidi characters. */
export function nameText(max: number) {
  return z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine(
      (text) => !hasUnsafeChar(text, INVISIBLE_RANGES),
      'must not contain control, zero-width or bidi characters',
    );
}

/** Free text (a purpose, a note): newlines and tabs allowed, other controls and bidi overrides not. */
export function freeText(max: number) {
  return z
    .string()
    .trim()
    .max(max)
    .refine(
      (text) => !hasUnsafeChar(text, BIDI_OVERRIDES, '\n\r\t'),
      'must not contain control or bidi-override characters',
    );
}

/** A UUID in canonical text form. */
export const Uuid = z.uuid().describe('Identifier (UUID)');

/** An ISO calendar date, YYYY-MM-DD. */
export const IsoDate = z.iso
  .date()
  .refine((text) => text >= '0001-01-01', 'must be a date from year 1 onwards')
  .describe('Calendar date, YYYY-MM-DD');

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
