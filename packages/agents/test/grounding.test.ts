import { describe, expect, it } from 'vitest';
import { DISCLAIMER } from '../src/agent-job.ts';
import { factNumbers, groundingIssue, statedFigures, ungroundedFigures } from '../src/grounding.ts';
import { OFFLINE_LABEL } from '../src/offline-label.ts';

const FACTS = {
  totals: { total_value: 1_234_567.89, cash_value: 45_300, cash_percent: 3.67 },
  allocation: [{ key: 'equity', percent: 45.3 }],
  expected_return: 0.0712,
  drift: -5.25,
};
const flagged = (text: string) => ungroundedFigures([text], FACTS).map((f) => f.text);

describe('statedFigures', () => {
  it('reads money in the ways people write it, with its value', () => {
    const values = statedFigures('$1.2M, $1,234, US$ 3.5 billion, 1.2 million, 2,500 dollars, $45.3k').map(
      (f) => [f.kind, f.value],
    );

    expect(values).toEqual([
      ['money', 1_200_000],
      ['money', 1234],
      ['money', 3_500_000_000],
      ['money', 1_200_000],
      ['money', 2500],
      ['money', 45_300],
    ]);
  });

  it('reads percentages written with a sign, a space or the word', () => {
    expect(statedFigures('45%, 45.3 %, 7 percent, -5.25%').map((f) => f.value)).toEqual([45, 45.3, 7, 5.25]);
  });

  it('reads "$1.2 million" once, not as two figures', () => {
    expect(statedFigures('worth $ 1.2 million today')).toHaveLength(1);
  });

  it('ignores years, ages, counts, tickers and the disclaimer', () => {
    const text = `In 2045, at age 67, with 5 recommendations and 10,000 simulated paths, hold VTI, BRK.B and
      $VTI; see the 401(k) and the S&P 500 (p90). ${OFFLINE_LABEL} ${DISCLAIMER}`;

    expect(statedFigures(text)).toEqual([]);
  });
});

describe('ungroundedFigures', () => {
  it('accepts computed figures as rounded or truncated, in any scale', () => {
    expect(
      flagged('$1,234,567.89, $1,234,568, $1.23M, $1.2 million, 1.2 million, $1,235k, 45%, 45.3 %'),
    ).toEqual([]);
  });

  it('accepts a rounded money figure written with trailing zeros', () => {
    expect(flagged('about $45,000 in cash and $1,200,000 in total')).toEqual([]);
  });

  it('accepts a fraction written as a percentage, and a negative fact stated without its sign', () => {
    expect(flagged('an expected return of 7.12% a year, 5.25% below target')).toEqual([]);
  });

  it('flags a figure the code did not compute', () => {
    expect(flagged('A 100% success rate and $999,999 a year; equity at 47%.')).toEqual([
      '100%',
      '$999,999',
      '47%',
    ]);
  });

  it('flags a figure stated more precisely than the fact allows', () => {
    expect(flagged('$1,234,612 in total')).toEqual(['$1,234,612']);
  });

  it('takes the numbers written inside the facts’ own text as facts', () => {
    expect(factNumbers({ notes: ['Annual contribution of $10,000 assumed.'] })).toContain(10_000);
  });
});

describe('groundingIssue', () => {
  it('names each ungrounded figure once, or nothing when there is none', () => {
    const figures = ungroundedFigures(['$999,999 and $999,999 and 100%'], FACTS);

    expect(groundingIssue(figures)).toContain('not in the tool results: $999,999, 100%.');
    expect(groundingIssue([])).toBeUndefined();
  });
});
