import type { Chart, RetirementInput } from '../../src/index.ts';

export { TEST_ETF } from '../../src/testing.ts';

export const chart = (key: string): Chart => ({
  key,
  title: `${key} chart`,
  type: 'pie',
  description: 'test',
  data: [{ name: 'A', value: 100, color: '#112233' }],
});

export const RETIREMENT: RetirementInput = {
  estimated_income: 61234.567,
  success_rate: 87.5,
  figures: {
    success_rate_percent: 87.5,
    verdict: 'borderline',
    target_income_today: 60_000,
    sustainable_income_today: 61_234,
    other_income_today: 0,
    annual_contribution_today: 10_000,
    contribution_rises_with_inflation: false,
    annual_fee_percent: 0,
    inflation_percent: 3,
    retirement_year: 0,
    retirement_age: null,
    at_retirement_nominal: { p10: 1, p50: 2, p90: 3 },
    at_retirement_today: { p10: 1, p50: 2, p90: 3 },
    paths: 100,
    seed: 7,
    model_version: 'monte-carlo/4',
  },
  summary: 'On track',
  detail: '## Detail',
  chart: {
    title: 'Projection',
    type: 'projection',
    description: 'bands',
    data: [{ year: 0, phase: 'accumulation', p10: 1, p50: 2, p90: 3 }],
  },
  assumptions: { paths: 100 },
  generated_by: 'offline',
};
