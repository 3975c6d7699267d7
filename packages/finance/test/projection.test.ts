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
    expect(chart.data).toEqual(
      RESULT.percentiles.map((band) => ({
        year: band.year,
        phase: band.phase,
        p10: band.p10,
        p50: band.p50,
        p90: band.p90,
        p10_today: band.p10Today,
        p50_today: band.p50Today,
        p90_today: band.p90Today,
      })),
    );
  });

  it('marks the retirement year itself, the last year of saving, not the first year of withdrawals', () => {
    // Act
    const chart = projectionChart(RESULT);

    // Assess
    expect(chart.retirement_year).toBe(2);
    expect(chart.data.filter((point) => point.phase === 'accumulation').at(-1)?.year).toBe(2);
  });

  it("adds the user's age to every year when it is known", () => {
    // Act
    const chart = projectionChart(RESULT, { currentAge: 40 });

    // Assess
    expect(chart.data.map((point) => point.age)).toEqual([40, 41, 42, 43, 44, 45]);
  });
});
