import { describe, expect, it } from 'vitest';
import {
  formatMoney,
  formatPercent,
  formatPrice,
  formatQuantity,
  formatRate,
} from '../src/components/format.ts';

describe('formatMoney', () => {
  it('formats a decimal string as dollars and cents', () => {
    expect(formatMoney('1234.5')).toBe('$1,234.50');
  });

  it('keeps every digit of a large decimal string that a float would round', () => {
    expect(formatMoney('12345678901234.57')).toBe('$12,345,678,901,234.57');
  });

  it('rounds sub-cent digits of the string exactly', () => {
    expect(formatMoney('0.125')).toBe('$0.13');
  });

  it('formats negative amounts', () => {
    expect(formatMoney('-20.00')).toBe('-$20.00');
  });

  it('shows a dash for null or a non-number', () => {
    expect(formatMoney(null)).toBe('—');
    expect(formatMoney('abc')).toBe('—');
  });
});

describe('other formats', () => {
  it('formats percentages given as 0–100', () => {
    expect(formatPercent(70)).toBe('70%');
    expect(formatPercent('87.25')).toBe('87.3%');
  });

  it('formats a fractional interest rate as a percentage', () => {
    expect(formatRate('0.0450')).toBe('4.5%');
  });

  it('formats prices with up to four decimals and quantities with up to eight', () => {
    expect(formatPrice('452.1234')).toBe('$452.1234');
    expect(formatQuantity('0.12345678')).toBe('0.12345678');
  });
});
