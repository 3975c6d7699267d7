import { describe, expect, it } from 'vitest';
import {
  centsToNumber,
  centsToString,
  InvalidDecimalError,
  multiplyToCents,
  parseDecimal,
  toCents,
} from '../src/index.ts';

describe('decimal', () => {
  it('parses a decimal string into exact units and a scale', () => {
    // Act
    const parsed = parseDecimal('-12.0500');

    // Assess
    expect(parsed).toEqual({ units: -120500n, scale: 4 });
  });

  it('rejects text that is not a plain decimal, naming the field', () => {
    // Act
    const parse = () => parseDecimal('1e5', 'price');

    // Assess
    expect(parse).toThrow(InvalidDecimalError);
    expect(parse).toThrow(/price/);
  });

  it('rounds half a cent away from zero', () => {
    // Act
    const cents = [toCents('0.005'), toCents('0.0049'), toCents('-0.005')];

    // Assess
    expect(cents).toEqual([1n, 0n, -1n]);
  });

  it('multiplies a quantity by a price exactly before rounding once to cents', () => {
    // Prepare: 0.33333333 × 3.0000 = 0.99999999, which rounds to 1.00 only if nothing was rounded earlier
    const quantity = '0.33333333';
    const price = '3.0000';

    // Act
    const cents = multiplyToCents(quantity, price);

    // Assess
    expect(cents).toBe(100n);
  });

  it('formats cents as a two-place string, including small negatives', () => {
    // Act
    const texts = [centsToString(5n), centsToString(-1234n), centsToString(0n)];

    // Assess
    expect(texts).toEqual(['0.05', '-12.34', '0.00']);
  });

  it('turns cents into the closest double of the dollar amount', () => {
    // Act
    const value = centsToNumber(30n);

    // Assess
    expect(value).toBe(0.3);
  });
});
