import { describe, expect, it } from 'vitest';
import {
  cashError,
  percentToFraction,
  quantityError,
  ratePercentError,
  rateReadAs,
} from '../src/components/portfolio/validation.ts';
import { feePercentError, planDollarsError } from '../src/components/settings/plan-validation.ts';
import { parseThreshold } from '../src/components/settings/risk-rules.ts';
import { entryErrors, targetTotal, toMap } from '../src/components/settings/targets.ts';
import { readNumber, toDecimalString } from '../src/lib/number-input.ts';

describe('readNumber', () => {
  it.each([
    ['1,000', '1000'],
    ['1,234,567.25', '1234567.25'],
    [' 2.5 ', '2.5'],
    ['.5', '0.5'],
    ['5.', '5'],
    ['1 000', '1000'],
    ['\u22123', '-3'],
  ])('reads %j as %s', (text, value) => {
    expect(readNumber(text)).toEqual({ ok: true, value, percentSign: false });
  });

  it('reads a dollar sign only where money is expected', () => {
    expect(readNumber('$1,000', { currency: true })).toEqual({ ok: true, value: '1000', percentSign: false });
    expect(readNumber('-$5', { currency: true })).toMatchObject({ ok: true, value: '-5' });
    expect(readNumber('$1000')).toEqual({ ok: false, error: 'Enter a number without a "$" sign.' });
  });

  it('reads a percent sign only where a percentage is expected', () => {
    expect(readNumber('60%', { percent: true })).toEqual({ ok: true, value: '60', percentSign: true });
    expect(readNumber('60%')).toMatchObject({ ok: false });
  });

  it.each(['1,5', '1,00', '12,34.5', '1.2.3', 'abc', '$', '%'])(
    'refuses the ambiguous or malformed %j',
    (text) => {
      expect(readNumber(text, { currency: true, percent: true }).ok).toBe(false);
    },
  );

  it('tells the user that a comma is not a decimal point', () => {
    expect(readNumber('1,5')).toEqual({
      ok: false,
      error: 'Use a point for decimals, such as 1.5; commas may only separate thousands (1,000).',
    });
  });

  it('turns accepted text into the exact decimal the API takes', () => {
    expect(toDecimalString('$12,345,678.90')).toBe('12345678.90');
    expect(() => toDecimalString('1,5')).toThrow(RangeError);
  });
});

describe('validators read numbers leniently', () => {
  it('accepts quantities and amounts as people type them', () => {
    expect(quantityError('1,000')).toBeNull();
    expect(cashError('$1,000')).toBeNull();
    expect(cashError('$1,000.555')).toBe('Use at most 2 decimal places (cents).');
    expect(quantityError('$10')).toBe('Enter a number without a "$" sign.');
  });

  it('accepts a rate in percent with or without the sign', () => {
    expect(ratePercentError('4.5%')).toBeNull();
    expect(percentToFraction('4.5%')).toBe('0.0450');
    expect(percentToFraction('4.5')).toBe('0.0450');
    expect(rateReadAs('4.5')).toBe('Read as 4.5% a year.');
  });

  it('reads a rate with 3 or 4 decimals below 1 as a fraction, and says so', () => {
    expect(ratePercentError('0.045')).toBeNull();
    expect(percentToFraction('0.045')).toBe('0.0450');
    expect(rateReadAs('0.045')).toBe('Read as 4.5% a year (you typed a fraction: 0.045 = 4.5%).');
  });

  it('keeps a short number below 1 in percent', () => {
    expect(percentToFraction('0.5')).toBe('0.0050');
    expect(rateReadAs('0.5')).toBe('Read as 0.5% a year.');
  });

  it('refuses a percentage with too many decimals or above 100', () => {
    expect(ratePercentError('4.555')).toBe('Use at most 2 decimal places, such as 4.25.');
    expect(ratePercentError('0.045%')).toBe('Use at most 2 decimal places, such as 4.25.');
    expect(ratePercentError('101')).toBe('The rate must be at most 100%.');
  });
});

describe('the settings forms read numbers through the same module', () => {
  it('counts "60%" as 60 in the targets, their live total and the saved map', () => {
    const inputs = { equity: '60%', fixed_income: ' 40 ' };
    expect(entryErrors(inputs)).toEqual({});
    expect(targetTotal(inputs)).toBe(100);
    expect(toMap(inputs)).toEqual({ equity: 60, fixed_income: 40 });
    expect(entryErrors({ equity: '6,0' }).equity).toBe('Enter a number, such as 60 or 60%.');
  });

  it('reads a risk threshold typed with a percent sign or in points, and refuses a negative one', () => {
    expect(parseThreshold('25%')).toBe(25);
    expect(parseThreshold('7.5 pts')).toBe(7.5);
    expect(parseThreshold('-5')).toBeNull();
  });

  it('bounds plan amounts typed with "$" and thousands separators', () => {
    expect(planDollarsError('$70,000')).toBeNull();
    expect(planDollarsError('$20,000,000')).toBe('At most $10,000,000 a year.');
    expect(feePercentError('0.35%')).toBeNull();
  });
});
