import type { MonteCarloResult } from './monte-carlo.ts';

/** One year of the projection chart, structurally the contract's `ProjectionPoint`. */
export interface ProjectionPoint {
  year: number;
  age?: number | null;
  phase: 'accumulation' | 'retirement';
  /** Nominal (future) dollars of that year. */
  p10: number;
  p50: number;
  p90: number;
  /** Today's dollars. */
  p10_today: number;
  p50_today: number;
  p90_today: number;
}

/** The retirement projection chart, structurally the contract's `ProjectionChart`. */
export interface ProjectionChart {
  title: string;
  type: 'projection';
  description: string;
  /** Years from now to the retirement date: the last accumulation point, where the marker goes. */
  retirement_year: number;
  data: ProjectionPoint[];
}

/** The Monte Carlo's bands as a projection chart; with `currentAge`, each year carries the user's age. */
export function projectionChart(
  result: MonteCarloResult,
  options: { currentAge?: number } = {},
): ProjectionChart {
  const { paths, retirementYears, yearsToRetirement, inflation } = result.assumptions;
  const { currentAge } = options;
  return {
    title: 'Retirement Projection',
    type: 'projection',
    description:
      `Portfolio value in today's dollars (or nominal dollars, not adjusted for ${Number((inflation * 100).toFixed(2))}% ` +
      `yearly inflation): 10th, 50th and 90th percentile of ${paths.toLocaleString('en-US')} simulated paths, ` +
      `through ${retirementYears} years of inflation-adjusted withdrawals.`,
    retirement_year: yearsToRetirement,
    data: result.percentiles.map((band) => ({
      year: band.year,
      ...(currentAge === undefined ? {} : { age: currentAge + band.year }),
      phase: band.phase,
      p10: band.p10,
      p50: band.p50,
      p90: band.p90,
      p10_today: band.p10Today,
      p50_today: band.p50Today,
      p90_today: band.p90Today,
    })),
  };
}
