import { describe, expect, it } from 'vitest';
import { projectionChart, runMonteCarlo } from '../src/index.ts';

const RESULT = runMonteCarlo({
  currentValue: 100_000,
  annualContribution: 5_000,
  yearsToRetirement: 2,
  targetIncome: 10_000,
  allocation: { equity: 100 },
  retirementYears: 3,
  paths: 100,
});

describe('projectionChart', () => {
  it('turns the bands into the stored projection chart shape', () => {
    // Act
    const chart = projectionChart(RESULT);

    // Assess
    expect(chart.type).toBe('projection');
    expect(chart.data).toEqual(RESULT.percentiles);
  });

  it("adds the user's age to every year when it is known", () => {
    // Act
    const chart = projectionChart(RESULT, { currentAge: 40 });

    // Assess
    expect(chart.data.map((point) => point.age)).toEqual([40, 41, 42, 43, 44, 45]);
  });
});
