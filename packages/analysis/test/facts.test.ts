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
  it('spreads unclassified value over the classified mix and assumes a contribution the plan does not give, saying so', () => {
    const facts = portfolioFacts(portfolio());
    const inputs = retirementInputs(facts);
    expect(inputs).toMatchObject({
      currentValue: 10_000,
      annualContribution: DEFAULT_ANNUAL_CONTRIBUTION,
      yearsToRetirement: 20,
      targetIncome: 60_000,
      otherIncome: 0,
      annualFee: 0,
      unclassifiedValue: 1000,
    });
    expect(inputs.allocation.equity).toBeCloseTo((6000 / 9000) * 100, 6);
    expect(inputs.allocation.cash).toBeCloseTo((1000 / 9000) * 100, 6);
    expect(inputs.notes[0]).toMatch(/no yearly saving, so \$10,000 a year is assumed/);
  });

  it("uses the user's plan: saving, inflation-linked rises, other income from its start age, and fees", () => {
    const base = portfolio();
    const facts = portfolioFacts({
      ...base,
      user: {
        ...base.user,
        birth_year: 1986,
        current_age: 40,
        retirement_age: 60,
        annual_contribution: '15000.00',
        contribution_rises_with_inflation: true,
        other_retirement_income: '24000.00',
        other_income_start_age: 67,
        annual_fee_percent: '0.25',
      },
    });
    const inputs = retirementInputs(facts);
    expect(inputs).toMatchObject({
      annualContribution: 15_000,
      contributionRisesWithInflation: true,
      otherIncome: 24_000,
      otherIncomeStartYear: 27,
      annualFee: 0.0025,
    });
    expect(inputs.notes.join(' ')).toMatch(/\$24,000 a year in today's dollars from age 67/);
  });

  it('seeds from the inputs: the same portfolio and plan give the same seed, a changed plan another', () => {
    const facts = portfolioFacts(portfolio());
    const first = retirementInputs(facts);
    const again = retirementInputs(portfolioFacts(portfolio()));
    const changed = retirementInputs({ ...facts, user: { ...facts.user, target_retirement_income: 61_000 } });
    expect(again.seed).toBe(first.seed);
    expect(changed.seed).not.toBe(first.seed);
  });
});
