import { describe, expect, it } from 'vitest';
import { CHUNK_PATHS, type MonteCarloInput, runMonteCarlo } from '../src/index.ts';
import { PARALLEL_MIN_PATHS, runMonteCarloParallel } from '../src/monte-carlo-parallel.ts';

/** Five chunks, the last one partial, so two workers interleave unevenly. */
const PLAN: MonteCarloInput = {
  currentValue: 750_000,
  annualContribution: 12_000,
  yearsToRetirement: 15,
  targetIncome: 55_000,
  allocation: { equity: 60, fixed_income: 30, real_estate: 10 },
  paths: 4 * CHUNK_PATHS + 1234,
  seed: 99,
};

describe('runMonteCarloParallel', () => {
  it('gives identical results with one and with two workers', async () => {
    // Act
    const one = await runMonteCarloParallel(PLAN, { workers: 1, minPaths: 0 });
    const two = await runMonteCarloParallel(PLAN, { workers: 2, minPaths: 0 });

    // Assess
    expect(two).toEqual(one);
  });

  it('gives the same result as the single-threaded runMonteCarlo', async () => {
    // Act
    const parallel = await runMonteCarloParallel(PLAN, { workers: 3, minPaths: 0 });
    const single = runMonteCarlo(PLAN);

    // Assess
    expect(parallel).toEqual(single);
    expect(single.successRate).toBeGreaterThan(0);
    expect(single.successRate).toBeLessThan(100);
  });

  it('runs small simulations in the calling thread, with the same answer', async () => {
    // Act
    const result = await runMonteCarloParallel({ ...PLAN, paths: 500 });

    // Assess
    expect(PARALLEL_MIN_PATHS).toBeGreaterThan(500);
    expect(result).toEqual(runMonteCarlo({ ...PLAN, paths: 500 }));
  });

  it('rejects an invalid input before starting any worker', async () => {
    // Act
    const run = runMonteCarloParallel({ ...PLAN, paths: 1_000_001 }, { minPaths: 0 });

    // Assess
    await expect(run).rejects.toThrow(/paths: must be a whole number from 1 to 1000000/);
  });
});
