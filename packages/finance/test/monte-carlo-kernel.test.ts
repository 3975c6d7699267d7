import { describe, expect, it } from 'vitest';
import {
  advanceChunk,
  CHUNK_PATHS,
  chunkStates,
  fillNormals,
  type MonteCarloInput,
  prepareRun,
  retirementYear,
  simulationMemory,
  startSimulation,
  zigguratTables,
} from '../src/index.ts';

/** Two chunks, the second partial. */
const PATHS = CHUNK_PATHS + 1000;

const PLAN: MonteCarloInput = {
  currentValue: 400_000,
  annualContribution: 12_000,
  yearsToRetirement: 10,
  targetIncome: 50_000,
  allocation: { equity: 80, fixed_income: 20 },
  annualFee: 0.004,
  paths: PATHS,
  seed: 17,
};

/** The first year's row of a simulation of `input`. */
function firstYear(input: MonteCarloInput): Float64Array {
  const { params, chunks } = prepareRun(input);
  const sim = startSimulation(params, 0, PATHS, simulationMemory(PATHS), {
    states: chunkStates(params.seed, 0, chunks),
    tables: zigguratTables(CHUNK_PATHS),
  });
  for (let chunk = 0; chunk < chunks; chunk += 1) advanceChunk(sim, 1, chunk, retirementYear(params, 1));
  return sim.rows[1];
}

/** Each path's first-year growth from fillNormals on the same chunk streams, written plainly. */
function growths(input: MonteCarloInput): number[] {
  const { params, chunks } = prepareRun(input);
  const states = chunkStates(params.seed, 0, chunks);
  const tables = zigguratTables(CHUNK_PATHS);
  const z = new Float64Array(PATHS);
  states.forEach((state, chunk) => {
    const block = z.subarray(chunk * CHUNK_PATHS, Math.min(PATHS, (chunk + 1) * CHUNK_PATHS));
    fillNormals(state, tables, block, block.length);
  });
  return Array.from(
    z,
    (normal) => Math.max(1 + params.mean + params.volatility * normal, 0) * params.afterFees,
  );
}

describe('advanceChunk', () => {
  it('draws the same normals fillNormals draws, path by path, before retirement', () => {
    // Act
    const row = firstYear(PLAN);

    // Assess
    const expected = growths(PLAN).map((growth) => 400_000 * growth + 12_000);
    expect(Array.from(row)).toEqual(expected);
  });

  it('draws the same normals fillNormals draws, path by path, in retirement', () => {
    // Prepare
    const retired = { ...PLAN, yearsToRetirement: 0 };

    // Act
    const row = firstYear(retired);

    // Assess
    const expected = growths(retired).map((growth) => Math.max(400_000 - 50_000, 0) * growth);
    expect(Array.from(row)).toEqual(expected);
  });
});
