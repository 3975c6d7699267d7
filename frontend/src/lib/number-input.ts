import { isDecimal } from './decimal.ts';

/**
 * Numbers as people type them ("1,000", "$1,000.50", "60%", " 2.5 ", "−3", ".5"), read as the plain,
 * exact decimal string the API takes ("1000", "1000.50", "60", "2.5", "-3", "0.5"). Every form reads
 * its numbers through here (by way of the validators in components/portfolio/validation.ts), so the
 * same text means the same number everywhere. Nothing is guessed: a comma is only ever a thousands
 * separator in groups of three, so "1,5" is refused with a hint instead of being read as 15 or 1.5.
 */

/** Which signs a field accepts besides the number itself. */
export interface NumberSigns {
  /** A leading "$" (money fields). */
  currency?: boolean;
  /** A trailing "%" (percentage fields). */
  percent?: boolean;
}

/** What a piece of typed text was read as. */
export type NumberReading = { ok: true; value: string; percentSign: boolean } | { ok: false; error: string };

const EMPTY_READING: NumberReading = { ok: false, error: 'Enter a number.' };
const GROUPED = /^\d{1,3}(,\d{3})+(\.\d*)?$/;
const PLAIN = /^(\d+\.?\d*|\.\d+)$/;

/** Reads typed text as a decimal, accepting thousands separators and the signs `signs` allows. */
export function readNumber(text: string, signs: NumberSigns = {}): NumberReading {
  // Unicode minus and the spaces a paste from a spreadsheet or a bank statement may carry.
  let rest = text.replace(/[\u2212\u2012\u2013]/g, '-').replace(/[\s\u00a0\u202f]+/g, '');
  if (rest === '') return EMPTY_READING;
  let negative = false;
  let currency = false;
  let percentSign = false;
  if (rest.startsWith('-')) {
    negative = true;
    rest = rest.slice(1);
  }
  if (rest.startsWith('$')) {
    currency = true;
    rest = rest.slice(1);
    if (!negative && rest.startsWith('-')) {
      negative = true;
      rest = rest.slice(1);
    }
  }
  if (rest.endsWith('%')) {
    percentSign = true;
    rest = rest.slice(0, -1);
  }
  if (currency && !signs.currency) return { ok: false, error: 'Enter a number without a "$" sign.' };
  if (percentSign && !signs.percent) return { ok: false, error: 'Enter a number without a "%" sign.' };
  if (currency && percentSign) return { ok: false, error: 'Use either "$" or "%", not both.' };
  if (rest.includes(',') && !GROUPED.test(rest)) {
    return {
      ok: false,
      error: 'Use a point for decimals, such as 1.5; commas may only separate thousands (1,000).',
    };
  }
  const digits = rest.replace(/,/g, '');
  if (!PLAIN.test(digits)) return { ok: false, error: 'Enter a number, such as 1,000 or 2.5.' };
  const [whole = '', fraction = ''] = digits.split('.');
  const value = `${negative ? '-' : ''}${whole === '' ? '0' : whole}${fraction === '' ? '' : `.${fraction}`}`;
  return isDecimal(value) ? { ok: true, value, percentSign } : EMPTY_READING;
}

/**
 * The exact decimal string for text a validator accepted: "$1,000.50" → "1000.50". Throws on text
 * the validators refuse, which a form never submits.
 */
export function toDecimalString(
  text: string,
  signs: NumberSigns = { currency: true, percent: true },
): string {
  const reading = readNumber(text, signs);
  if (!reading.ok) throw new RangeError(`not a number: ${text}`);
  return reading.value;
}
