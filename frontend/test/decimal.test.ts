import { describe, expect, it } from 'vitest';
import { fromScaled, toScaled } from '../src/lib/decimal.ts';

describe('decimal strings', () => {
  it('scales and unscales without loss', () => {
    expect(fromScaled(toScaled('-1.5', 4), 4)).toBe('-1.5000');
  });
});
