import { testPortfolio } from '@alex/database/testing';
import { describe, expect, it } from 'vitest';
import { portfolioFacts } from '../src/facts.ts';
import { DEFAULT_ANNUAL_CONTRIBUTION, retirementInputs } from '../src/retirement-inputs.ts';

/** $10,000 in all (today's dollars): $6,000 equity, $2,000 fixed income, $1,000 unclassified, $1,000 cash. */
const portfolio = () =>
  testPortfolio('1000.00', [
    ['EQ', 6000, 'equity', 'north_america'],
    ['BD', 2000, 'fixed_income', 'north_america'],
    ['NEW', 1000, null, null],
  ]);

describe('portfolioFacts', () => {
  it('values the portfolio, splits it by asset class with cash as cash, and measures drift against targets', () => {
    const facts = portfolioFacts(portfolio());
    expect(facts.valuation.total.valueText).toBe('10000.00');
    expect(Object.fromEntries(facts.allocations.asset_class.buckets.map((b) => [b.key, b.percent]))).toEqual({
      equity: 60,
      fixed_income: 20,
      cash: 10,
      unclassified: 10,
    });
    // Drift is measured over the $9,000 that can be matched to a target; the $1,000 unclassified is stated.
    expect(facts.drift.asset_class.basis).toBe(9000);
    expect(facts.drift.asset_class.rows.find((r) => r.key === 'fixed_income')?.drift).toBe(-7.78);
    expect(facts.drift.asset_class.excluded).toEqual([{ key: 'unclassified', value: 1000, percent: 10 }]);
    expect(facts.valuation.unclassified).toEqual(['NEW']);
    expect(facts.holdings.map((h) => [h.symbol, h.percent])).toEqual([
      ['EQ', 66.67],
      ['BD', 22.22],
      ['NEW', 11.11],
    ]);
    expect(facts.charts.map((c) => c.key)).toContain('asset_class');
  });
});

describe('retirementInputs', () => {
  it('spreads unclassified value over the classified mix and seeds by job id', () => {
    const facts = portfolioFacts(portfolio());
    const inputs = retirementInputs(facts, 'job-1');
    expect(inputs).toMatchObject({
      currentValue: 10_000,
      annualContribution: DEFAULT_ANNUAL_CONTRIBUTION,
      yearsToRetirement: 20,
      targetIncome: 60_000,
      unclassifiedValue: 1000,
    });
    expect(inputs.allocation.equity).toBeCloseTo((6000 / 9000) * 100, 6);
    expect(inputs.allocation.cash).toBeCloseTo((1000 / 9000) * 100, 6);
    expect(retirementInputs(facts, 'job-1').seed).toBe(inputs.seed);
    expect(retirementInputs(facts, 'job-2').seed).not.toBe(inputs.seed);
  });
});
