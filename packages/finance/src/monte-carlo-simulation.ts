/*
 * One thread's share of a Monte Carlo run and the memory it writes. Workers get these functions as
 * source text, so they call nothing else and use no closures.
 */

import type { ZigguratTables } from './monte-carlo-normals.ts';
import type { KernelParams } from './monte-carlo-params.ts';

/** The memory a {@link Simulation} writes that its caller reads: two rows of values and the caps. */
export interface SimulationMemory {
  /** Two rows of the simulation's values (nominal dollars): year y is in rows[y % 2]. */
  rows: [Float64Array, Float64Array];
  /** Each path's income cap (today's dollars), written by {@link collectCaps} after the last year. */
  caps: Float64Array;
  /**
   * In retirement, per path, side by side: a, b, c (the balance after a withdrawal is
   * a + otherIncome·c − income·b) and the cap so far (the minimum of (a + otherIncome·c)/b); 4 per path.
   */
  retirement: Float64Array;
}

/**
 * One thread's share of a run: paths `first … first + paths − 1`, whole chunks from a chunk boundary,
 * each chunk on its own random stream.
 */
export interface Simulation extends SimulationMemory {
  params: KernelParams;
  first: number;
  paths: number;
  /** Each chunk's sfc32 state (stream: the chunk's number). */
  states: Uint32Array[];
  /** The ziggurat's tables; their scratch holds a chunk's misses. */
  tables: ZigguratTables;
}

/** Memory for a simulation of `paths` paths. */
export function simulationMemory(paths: number): SimulationMemory {
  return {
    rows: [new Float64Array(paths), new Float64Array(paths)],
    caps: new Float64Array(paths),
    retirement: new Float64Array(4 * paths),
  };
}

/**
 * Starts a simulation of `paths` paths from path `first` (a chunk boundary) with its chunks' random
 * states (monte-carlo-normals.ts: chunkStates) and tables with room for a chunk: year 0 in rows[0].
 */
export function startSimulation(
  params: KernelParams,
  first: number,
  paths: number,
  memory: SimulationMemory,
  random: { states: Uint32Array[]; tables: ZigguratTables },
): Simulation {
  memory.rows[0].fill(params.currentValue, 0, paths);
  return {
    rows: memory.rows,
    caps: memory.caps,
    retirement: memory.retirement,
    params,
    first,
    paths,
    states: random.states,
    tables: random.tables,
  };
}

/** Copies each path's income cap into `sim.caps`, after the last year. */
export function collectCaps(sim: Simulation): void {
  const { retirement, caps } = sim;
  for (let i = 0; i < sim.paths; i += 1) caps[i] = retirement[4 * i + 3] ?? 0;
}

/**
 * How many of `count` paths fail: the balance after each withdrawal is a + other·c − income·b, so a path pays
 * every withdrawal in full exactly when the target income is within its cap.
 */
export function countFailures(p: KernelParams, caps: Float64Array, from: number, count: number): number {
  let failures = 0;
  for (let i = from; i < from + count; i += 1) if ((caps[i] ?? 0) < p.targetIncome) failures += 1;
  return failures;
}
