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
