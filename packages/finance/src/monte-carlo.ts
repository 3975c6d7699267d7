import { MonteCarloValueError } from './errors.ts';
import type { AssetClass } from './keys.ts';
import { type MonteCarloConfig, type MonteCarloInput, toMonteCarloConfig } from './monte-carlo-input.ts';
import { type RowFunctions, yearPass } from './monte-carlo-kernel.ts';
import { type ReturnModel, returnModel } from './monte-carlo-model.ts';
import { chunkStates, type ZigguratTables, zigguratTables } from './monte-carlo-normals.ts';
import { chunkCount, type KernelParams, kernelParams } from './monte-carlo-params.ts';
import {
  collectCaps,
  countFailures,
  type SimulationMemory,
  simulationMemory,
  startSimulation,
} from './monte-carlo-simulation.ts';
import { countBuckets, gatherMarked, type QuantileScratch, quantileScratch } from './quantile-buckets.ts';
import { finishGathered, planCounted } from './quantile-plan.ts';
import { selectInPlace } from './quantile-select.ts';

/** Share of paths that must last for an income to count as sustainable. */
export const SUSTAINABLE_SUCCESS_RATE = 0.9;

/**
 * Percentile bands of portfolio value for one year, rounded to whole dollars: `p10`, `p50`, `p90` in
 * nominal (future) dollars, `p10Today` … in today's dollars (deflated by the assumed inflation).
 */
export interface ProjectionBand {
  /** Years from now; 0 is today, `yearsToRetirement` the retirement date. */
  year: number;
  phase: 'accumulation' | 'retirement';
  p10: number;
  p50: number;
  p90: number;
  p10Today: number;
  p50Today: number;
  p90Today: number;
}

/** The assumptions a run used, so a result explains itself. */
export interface AssumptionsUsed {
  assetClasses: { assetClass: AssetClass; weight: number; mean: number; volatility: number }[];
  /** Correlations among `assetClasses`, in the same order. */
  correlations: number[][];
  inflation: number;
  /** Expected annual return of the rebalanced mix. */
  portfolioMean: number;
  /** Annual volatility of the rebalanced mix (0 with zero volatility). */
  portfolioVolatility: number;
  paths: number;
  seed: number;
  yearsToRetirement: number;
  retirementYears: number;
  /** The plan the run simulated: money in today's dollars, the fee as a fraction of the balance a year. */
  plan: {
    currentValue: number;
    annualContribution: number;
    contributionRisesWithInflation: boolean;
    targetIncome: number;
    otherIncome: number;
    otherIncomeStartYear: number;
    annualFee: number;
  };
  zeroVolatility: boolean;
  /** The success rate an income needs to count as sustainable, in percent. */
  sustainableSuccessRate: number;
  model: string;
}

/** What the retirement Monte Carlo found. */
export interface MonteCarloResult {
  /**
   * Percent of paths whose money lasted every retirement year at the target income (0–100), rounded
   * down to 0.01 so a rate below a verdict's threshold never displays as reaching it.
   */
  successRate: number;
  /** Bands for every year from 0 to yearsToRetirement + retirementYears: the projection chart. */
  percentiles: ProjectionBand[];
  /** The band at the retirement date. */
  atRetirement: ProjectionBand;
  /**
   * The largest whole-dollar income (today's dollars) that at least 90% of the same paths sustain.
   * Exact, not a bisection: on a fixed path the balance is linear in the income, so each path's
   * largest sustainable income is a minimum over its retirement years.
   */
  sustainableIncome: number;
  assumptions: AssumptionsUsed;
}

/** Names this model in every result; bump it whenever seeded results change. */
export const MONTE_CARLO_MODEL_VERSION = 'monte-carlo/4';

const MODEL =
  `${MONTE_CARLO_MODEL_VERSION}: the yearly-rebalanced mix's annual nominal return is normal with the ` +
  'mean and volatility implied by the per-asset-class assumptions and their correlations (Cholesky), ' +
  'one draw per path-year, less the annual fee; contributions at the end of each year until retirement ' +
  '(flat, or rising with inflation); withdrawals of the target income less any other income that has ' +
  'started (both grown by inflation from today) at the start of each retirement year, a surplus ' +
  'reinvested; a path succeeds if every withdrawal is paid in full. Bands are type-7 percentiles of ' +
  "nominal value, and the same bands deflated by inflation in today's dollars.";

/** The percentiles of each year's band, ascending. */
export const BAND_PROBABILITIES: readonly number[] = [0.1, 0.5, 0.9];

/** A validated run and the kernel's inputs; shared by {@link runMonteCarlo} and the worker entry. */
export interface PreparedRun {
  config: MonteCarloConfig;
  model: ReturnModel;
  params: KernelParams;
  chunks: number;
}

/** Validates the input (throwing {@link InvalidInputError}) and derives the kernel's inputs. */
export function prepareRun(input: MonteCarloInput): PreparedRun {
  const config = toMonteCarloConfig(input);
  const model = returnModel(config);
  return { config, model, params: kernelParams(config, model), chunks: chunkCount(config.paths) };
}

/** Which order statistic of the paths' income caps at least 90% of paths sustain. */
export function sustainableCapIndex(paths: number): number {
  return paths - Math.ceil(SUSTAINABLE_SUCCESS_RATE * paths);
}

/** The largest whole-dollar income at least 90% of paths sustain, from every path's cap; reorders `caps`. */
export function sustainableIncomeOf(caps: Float64Array): number {
  const index = sustainableCapIndex(caps.length);
  selectInPlace(caps, 0, caps.length - 1, index);
  return Math.max(0, Math.floor(caps[index] ?? 0));
}

/** The row functions the kernel's year pass calls (it may not import them). */
const ROW_FUNCTIONS: RowFunctions = { gather: gatherMarked, count: countBuckets };

/** Runs of up to this many paths keep their memory for the next run in the same thread. */
export const REUSED_MEMORY_MAX_PATHS = 100_000;

/** What a run of `paths` paths writes to, besides its result. */
interface RunMemory {
  paths: number;
  simulation: SimulationMemory;
  scratch: QuantileScratch;
  tables: ZigguratTables;
}

/** The last run's memory, when it was small enough to keep; taken while a run uses it. */
let spare: RunMemory | undefined;

/** Memory for a run of `paths` paths: the spare when it fits (its scratch is empty between runs). */
function takeMemory(paths: number, chunkPaths: number): RunMemory {
  const memory = spare;
  spare = undefined;
  if (memory?.paths === paths) return memory;
  return {
    paths,
    simulation: simulationMemory(paths),
    scratch: quantileScratch(paths),
    tables: zigguratTables(Math.min(chunkPaths, paths)),
  };
}

/**
 * Runs the retirement Monte Carlo in this thread (browser-safe); the same input and seed always give
 * the same result. Year by year over every chunk, so only two rows of values are alive at once, and
 * each row's bands are counted and gathered while it is still in cache. Identical to the workers'
 * split because each chunk draws from its own stream.
 */
export function runMonteCarlo(input: MonteCarloInput): MonteCarloResult {
  const run = prepareRun(input);
  const { params } = run;
  const { paths, years } = params;
  const memory = takeMemory(paths, params.chunkPaths);
  const { scratch } = memory;
  const sim = startSimulation(params, 0, paths, memory.simulation, {
    states: chunkStates(params.seed, 0, run.chunks),
    tables: memory.tables,
  });
  const width = BAND_PROBABILITIES.length;
  const bands = new Float64Array(width * (years + 1));
  const band = new Float64Array(width);
  // Year 0: every path holds the current value, so every band is that value.
  bands.fill(params.currentValue, 0, width);
  // Each year, chunk by chunk while its rows are in cache: gather last year's row as planned, advance,
  // count this year's. Then last year's bands from what was gathered, and the plan for this year's.
  let planned = -1;
  for (let year = 1; year <= years; year += 1) {
    yearPass(sim, year, scratch, planned >= 0, ROW_FUNCTIONS);
    if (planned >= 0)
      bands.set(finishGathered(paths, BAND_PROBABILITIES, band, scratch, planned), (year - 1) * width);
    planned = planCounted(paths, BAND_PROBABILITIES, scratch);
    // Only negative numbers, infinities or NaN need plain selection; the kernel writes none of them.
    if (planned < 0) throw new MonteCarloValueError(year);
  }
  const last = sim.rows[years % 2 === 0 ? 0 : 1];
  gatherMarked(last, 0, paths, scratch.marks, scratch.buffer, scratch.groups);
  bands.set(finishGathered(paths, BAND_PROBABILITIES, band, scratch, planned), years * width);
  collectCaps(sim);
  const failures = countFailures(params, sim.caps, 0, paths);
  const result = assembleResult(run, bands, failures, sustainableIncomeOf(sim.caps));
  if (paths <= REUSED_MEMORY_MAX_PATHS) spare = memory;
  return result;
}

/**
 * The result from a kernel's outputs: `bands` holds p10, p50, p90 (nominal dollars) per year;
 * `description` names the kernel that drew them (this one unless the reference kernel says otherwise).
 */
export function assembleResult(
  run: Pick<PreparedRun, 'config' | 'model'>,
  bands: Float64Array,
  failures: number,
  sustainableIncome: number,
  description: string = MODEL,
): MonteCarloResult {
  const { config, model } = run;
  const { paths, yearsToRetirement, retirementYears } = config;
  const percentiles: ProjectionBand[] = [];
  const inflation = config.assumptions.inflation;
  for (let year = 0; year <= yearsToRetirement + retirementYears; year += 1) {
    const deflator = (1 + inflation) ** year;
    const [p10 = 0, p50 = 0, p90 = 0] = [bands[year * 3], bands[year * 3 + 1], bands[year * 3 + 2]];
    percentiles.push({
      year,
      phase: year <= yearsToRetirement ? 'accumulation' : 'retirement',
      p10: Math.round(p10),
      p50: Math.round(p50),
      p90: Math.round(p90),
      p10Today: Math.round(p10 / deflator),
      p50Today: Math.round(p50 / deflator),
      p90Today: Math.round(p90 / deflator),
    });
  }
  return {
    // Whole numbers until the last step, so the rate rounds down exactly (8,999 of 10,000 is 89.99).
    successRate: Math.floor(((paths - failures) * 10_000) / paths) / 100,
    percentiles,
    atRetirement: percentiles[yearsToRetirement] ?? (percentiles[0] as ProjectionBand),
    sustainableIncome,
    assumptions: {
      assetClasses: config.classes.map((assetClass, index) => ({
        assetClass,
        weight: config.weights[index] ?? 0,
        mean: model.returns[index]?.mean ?? 0,
        volatility: config.zeroVolatility ? 0 : (model.returns[index]?.volatility ?? 0),
      })),
      correlations: model.correlations,
      inflation: config.assumptions.inflation,
      portfolioMean: model.mean,
      portfolioVolatility: model.volatility,
      paths,
      seed: config.seed,
      yearsToRetirement,
      retirementYears,
      plan: {
        currentValue: config.currentValue,
        annualContribution: config.annualContribution,
        contributionRisesWithInflation: config.contributionRisesWithInflation,
        targetIncome: config.targetIncome,
        otherIncome: config.otherIncome,
        otherIncomeStartYear: config.otherIncomeStartYear,
        annualFee: config.annualFee,
      },
      zeroVolatility: config.zeroVolatility,
      sustainableSuccessRate: SUSTAINABLE_SUCCESS_RATE * 100,
      model: description,
    },
  };
}
