import type { MonteCarloResult } from './monte-carlo.ts';

/** One year of the projection chart, structurally the database's `ProjectionPoint`. */
export interface ProjectionPoint {
  year: number;
  age?: number | null;
  phase: 'accumulation' | 'retirement';
  p10: number;
  p50: number;
  p90: number;
}

/** The retirement projection chart, structurally the database's `ProjectionChart`. */
export interface ProjectionChart {
  title: string;
  type: 'projection';
  description: string;
  data: ProjectionPoint[];
}

/** The Monte Carlo's bands as a projection chart; with `currentAge`, each year carries the user's age. */
export function projectionChart(
  result: MonteCarloResult,
  options: { currentAge?: number } = {},
): ProjectionChart {
  const { paths, retirementYears } = result.assumptions;
  const { currentAge } = options;
  return {
    title: 'Retirement Projection',
    type: 'projection',
    description:
      `Portfolio value in nominal dollars: 10th, 50th and 90th percentile of ${paths.toLocaleString('en-US')} ` +
      `simulated paths, through ${retirementYears} years of inflation-adjusted withdrawals.`,
    data: result.percentiles.map((band) => ({
      ...band,
      ...(currentAge === undefined ? {} : { age: currentAge + band.year }),
    })),
  };
}
