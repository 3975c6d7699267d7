import { z } from 'zod';
import { Chart, ProjectionChart } from './charts.ts';
import { InstrumentType, JobStatus } from './enums.ts';
import { RetirementPlanView } from './plan.ts';
import { IsoDate, IsoTimestamp, moneyText } from './primitives.ts';
import { RetirementFigures } from './retirement-figures.ts';
import {
  AssetClassAllocation,
  AssetClassTargets,
  JobProgress,
  RegionAllocation,
  RegionTargets,
  SectorAllocation,
} from './values.ts';

/*
 * Every response object is strict: a field the API sends that is not described here fails
 * validation (in the API's tests and in the SPA's development builds), so the contract cannot drift.
 * Decimals (money, quantities, prices) travel as strings, exact.
 */

/** The signed-in user's profile and goals. */
export const User = z.strictObject({
  clerk_user_id: z.string(),
  display_name: z.string().nullable(),
  years_until_retirement: z
    .number()
    .int()
    .describe('Years until retirement: retirement_age − current_age when both are known (never below 0)'),
  target_retirement_income: moneyText('Desired annual income in retirement'),
  asset_class_targets: AssetClassTargets,
  region_targets: RegionTargets,
  ...RetirementPlanView,
  created_at: IsoTimestamp,
  updated_at: IsoTimestamp,
});
export type User = z.infer<typeof User>;

/** An account (without its positions). */
export const Account = z.strictObject({
  id: z.string(),
  clerk_user_id: z.string(),
  account_name: z.string(),
  account_purpose: z.string().nullable(),
  cash_balance: moneyText('Uninvested cash'),
  cash_interest: z.string().describe('Annual interest on cash as a fraction (0.045 = 4.5%)'),
  created_at: IsoTimestamp,
  updated_at: IsoTimestamp,
});
export type Account = z.infer<typeof Account>;

/** An instrument; allocations are null on a user-added placeholder the tagger has not classified. */
export const Instrument = z.strictObject({
  symbol: z.string(),
  name: z.string(),
  instrument_type: InstrumentType.nullable(),
  current_price: z.string().nullable().describe("Price per share in today's US dollars, null when unknown"),
  price_as_of: IsoDate.nullable().describe('The day current_price is for (null when there is no price)'),
  allocation_regions: RegionAllocation.nullable(),
  allocation_sectors: SectorAllocation.nullable(),
  allocation_asset_class: AssetClassAllocation.nullable(),
  is_user_added: z.boolean(),
  tag_failed_at: IsoTimestamp.nullable()
    .optional()
    .describe(
      'When Alex last failed to look the symbol up (null: never); such a symbol can be classified by hand',
    ),
  created_at: IsoTimestamp,
  updated_at: IsoTimestamp,
});
export type Instrument = z.infer<typeof Instrument>;

/** `GET /api/instruments`: one page; pass `next_cursor` back as `cursor` for the next (null: last page). */
export const InstrumentPage = z.strictObject({
  items: z.array(Instrument),
  next_cursor: z.string().nullable(),
});
export type InstrumentPage = z.infer<typeof InstrumentPage>;

/** A position as stored: a quantity of one symbol in one account. */
export const Position = z.strictObject({
  id: z.string(),
  account_id: z.string(),
  symbol: z.string(),
  quantity: z.string().describe('Number of shares, a decimal string'),
  as_of_date: IsoDate,
  created_at: IsoTimestamp,
  updated_at: IsoTimestamp,
});
export type Position = z.infer<typeof Position>;

/** A position with its instrument and value (quantity × price to the cent; null when unpriced). */
export const ValuedPosition = Position.extend({
  instrument: Instrument,
  value: moneyText('Quantity × price, rounded to the cent').nullable(),
});
export type ValuedPosition = z.infer<typeof ValuedPosition>;

/** What a DELETE answers. */
export const Deleted = z.strictObject({ id: z.string(), deleted: z.literal(true) });
export type Deleted = z.infer<typeof Deleted>;

/** An analysis job: status, per-agent progress, timings and the failure message. */
export const Job = z.strictObject({
  id: z.string(),
  status: JobStatus,
  progress: JobProgress,
  error_message: z.string().nullable(),
  result: z.record(z.string(), z.unknown()).nullable().describe("The planner's summary of the run"),
  created_at: IsoTimestamp,
  started_at: IsoTimestamp.nullable(),
  completed_at: IsoTimestamp.nullable(),
  updated_at: IsoTimestamp,
});
export type Job = z.infer<typeof Job>;

/** `POST /api/analyze`: the job that was queued. */
export const AnalysisStarted = z.strictObject({ job_id: z.string() });
export type AnalysisStarted = z.infer<typeof AnalysisStarted>;

/** A job's report: the reporter's words (summary and Markdown) and the charter's charts. */
export const Report = z.strictObject({
  job_id: z.string().nullable(),
  report_date: IsoDate,
  summary: z.string().nullable(),
  markdown: z.string().nullable(),
  charts: z.array(Chart),
  generated_by: z.string().nullable(),
  processing_time_ms: z.number().int().nullable(),
  created_at: IsoTimestamp,
  updated_at: IsoTimestamp,
});
export type Report = z.infer<typeof Report>;

/** A job's retirement projection. */
export const Retirement = z.strictObject({
  job_id: z.string().nullable(),
  estimated_income: moneyText('The yearly income that lasts in 9 of 10 simulated markets').nullable(),
  success_rate: z
    .string()
    .nullable()
    .describe('Chance the target income lasts: share of simulations that never ran out, in percent'),
  /** The headline figures with their units; null on projections stored before the plan existed. */
  figures: RetirementFigures.nullable(),
  summary: z.string().nullable(),
  detail: z.string().nullable(),
  chart: ProjectionChart.nullable(),
  assumptions: z.record(z.string(), z.unknown()).nullable(),
  /** Who wrote summary and detail: the model id, 'offline', or 'offline-fallback'. */
  generated_by: z.string().nullable(),
  created_at: IsoTimestamp,
  updated_at: IsoTimestamp,
});
export type Retirement = z.infer<typeof Retirement>;

/** The JSON body of every failure. */
export const ErrorBody = z.strictObject({
  error: z.strictObject({
    code: z.string(),
    message: z.string(),
    details: z.array(z.strictObject({ field: z.string(), message: z.string() })).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
