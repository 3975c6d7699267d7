import { z } from 'zod';

/** Chart kinds the SPA can draw with Recharts. */
export const CHART_TYPES = ['pie', 'donut', 'bar', 'horizontalBar'] as const;

/** One slice or bar: a label, a value (a percentage for allocation charts) and a colour. */
export const ChartPoint = z.strictObject({
  name: z.string().min(1).max(100).describe('Label of the slice or bar'),
  value: z.number().finite().describe('Value; a percentage for allocation charts'),
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .describe('Hex colour, e.g. #3B82F6'),
});
export type ChartPoint = z.infer<typeof ChartPoint>;

/** A Recharts-ready chart: `{key, title, type, description, data:[{name, value, color}]}`. */
export const Chart = z.strictObject({
  key: z
    .string()
    .regex(/^[a-z][a-z0-9_]*$/)
    .max(60)
    .describe('Stable snake_case key, e.g. asset_class'),
  title: z.string().min(1).max(120).describe('Chart title shown to the user'),
  type: z.enum(CHART_TYPES).describe('How to draw the chart'),
  description: z.string().max(500).describe('One sentence on what the chart shows'),
  data: z.array(ChartPoint).min(1).max(50),
  /** Who wrote title and description: the model id, 'offline', or 'offline-fallback'; unset = code. */
  generated_by: z.string().max(100).optional(),
});
export type Chart = z.infer<typeof Chart>;

/**
 * One year of the retirement projection: percentile bands of portfolio value, `p10`–`p90` in nominal
 * (future) dollars of that year and `p10_today`–`p90_today` in today's dollars (absent on charts
 * stored before both were kept).
 */
export const ProjectionPoint = z.strictObject({
  year: z.number().int().describe('Years from now'),
  age: z.number().int().nullable().optional().describe("The user's age that year, when known"),
  phase: z.enum(['accumulation', 'retirement']),
  p10: z.number().finite().describe('10th percentile, nominal dollars'),
  p50: z.number().finite().describe('Median, nominal dollars'),
  p90: z.number().finite().describe('90th percentile, nominal dollars'),
  p10_today: z.number().finite().optional().describe("10th percentile, today's dollars"),
  p50_today: z.number().finite().optional().describe("Median, today's dollars"),
  p90_today: z.number().finite().optional().describe("90th percentile, today's dollars"),
});
export type ProjectionPoint = z.infer<typeof ProjectionPoint>;

/** The retirement projection chart: percentile bands for every year. */
export const ProjectionChart = z.strictObject({
  title: z.string(),
  type: z.literal('projection'),
  description: z.string(),
  /** The year (from now) retirement starts: the last accumulation point, where the marker goes. */
  retirement_year: z.number().int().min(0).optional(),
  data: z.array(ProjectionPoint).min(1),
});
export type ProjectionChart = z.infer<typeof ProjectionChart>;
