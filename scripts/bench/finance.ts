import { runMonteCarlo } from '@alex/finance';
import type { BenchSuite } from './harness.ts';
import { medianMs } from './harness.ts';

/** Monte Carlo speed: path-years simulated per second. */
export const financeSuite: BenchSuite = {
  name: 'finance',
  async run() {
    const paths = 10_000;
    const years = 25 + 30;
    const ms = await medianMs(async () =>
      runMonteCarlo({
        currentValue: 500_000,
        annualContribution: 10_000,
        yearsToRetirement: 25,
        targetIncome: 60_000,
        allocation: { equity: 70, fixed_income: 30 },
        paths,
        seed: 1,
      }),
    );
    return [
      {
        suite: 'finance',
        name: 'Monte Carlo 10,000 paths × 55 years',
        value: Number(ms.toFixed(1)),
        unit: 'ms',
      },
      {
        suite: 'finance',
        name: 'Monte Carlo throughput',
        value: Math.round((paths * years) / (ms / 1000)),
        unit: 'path-years/s',
      },
    ];
  },
};
