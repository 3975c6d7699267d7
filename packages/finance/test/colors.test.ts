import { describe, expect, it } from 'vitest';
import {
  ASSET_CLASSES,
  CASH_KEY,
  colorFor,
  OTHER_KEY,
  REGIONS,
  SECTORS,
  UNCLASSIFIED_KEY,
} from '../src/index.ts';

const extras = [CASH_KEY, UNCLASSIFIED_KEY, OTHER_KEY];

describe('colorFor', () => {
  it.each([
    ['asset classes', ASSET_CLASSES],
    ['regions', REGIONS],
    ['sectors', SECTORS],
  ])('gives every key among the %s, cash, unclassified and other its own colour', (_name, keys) => {
    // Act
    const colors = new Set([...keys, ...extras].map(colorFor));

    // Assess
    expect(colors.size).toBe(new Set([...keys, ...extras]).size);
  });

  it('gives a name without a fixed colour the same #RRGGBB colour every time', () => {
    // Act
    const first = colorFor('My Brokerage');
    const second = colorFor('My Brokerage');

    // Assess
    expect(first).toMatch(/^#[0-9A-F]{6}$/);
    expect(second).toBe(first);
  });
});
