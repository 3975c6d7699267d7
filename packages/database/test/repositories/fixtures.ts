import type { Chart, InstrumentCreate, RetirementInput } from '../../src/index.ts';

/** A small, valid instrument for tests. */
export const TEST_ETF: InstrumentCreate = {
  symbol: 'TST',
  name: 'Test Total Market',
  instrument_type: 'etf',
  current_price: '100.1234',
  allocation_regions: { north_america: 100 },
  allocation_sectors: { technology: 60, healthcare: 40 },
  allocation_asset_class: { equity: 100 },
};

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
