import { type MonteCarloInput, runMonteCarlo } from '@alex/finance';
import { describe, expect, it } from 'vitest';
import { formatRetirementTable } from '../lib/retirement-table.ts';

const INPUT: MonteCarloInput = {
  currentValue: 100_000,
  annualContribution: 0,
  yearsToRetirement: 1,
  targetIncome: 1_000,
  allocation: { cash: 100 },
  retirementYears: 2,
  paths: 10,
  zeroVolatility: true,
};

describe('formatRetirementTable', () => {
  it('prints the headline numbers and one row per year', () => {
    // Prepare
    const result = runMonteCarlo(INPUT);

    // Act
    const table = formatRetirementTable(INPUT, result);

    // Assess: cash grows 2% a year; $1,000 a year inflated 3% is withdrawn at the start of each retirement year
    expect(table).toContain('Probability of success  100.0%');
    expect(table).toContain('Allocation: Cash 100%; expected return 2.00%, volatility 0.0%');
    expect(table).toMatch(/ {3}1 {2}accumulation {6,}\$102,000/);
    expect(table).toMatch(/ {3}2 {2}retirement {8,}\$102,989/);
    expect(table).toMatch(/ {3}3 {2}retirement {8,}\$103,967/);
  });
});
