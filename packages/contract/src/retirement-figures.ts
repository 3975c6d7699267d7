import { z } from 'zod';

/** The verdict on a plan by its success rate: 90% or more, 75% or more, or below. */
export const RetirementVerdict = z.enum(['on track', 'borderline', 'at risk']);
export type RetirementVerdict = z.infer<typeof RetirementVerdict>;

const today = (what: string) => z.number().finite().describe(`${what}, in today's US dollars`);
const nominal = (what: string) =>
  z.number().finite().describe(`${what}, in nominal (future) US dollars of that year`);

/**
 * A projection's headline figures, each named with its unit: `_today` is today's dollars (deflated by
 * the assumed inflation), `_nominal` is the dollars of the year it happens.
 */
export const RetirementFigures = z.strictObject({
  success_rate_percent: z
    .number()
    .min(0)
    .max(100)
    .describe('Chance the target income lasts through retirement, in percent, rounded down to 0.01'),
  verdict: RetirementVerdict,
  target_income_today: today('The yearly income the user wants in retirement'),
  sustainable_income_today: today('The yearly income that lasts in 9 of 10 simulated markets'),
  other_income_today: today('Pension, Social Security or other yearly income counted in both incomes'),
  annual_contribution_today: today('What the plan saves each year'),
  contribution_rises_with_inflation: z.boolean(),
  annual_fee_percent: z.number().min(0).describe('Fees in percent of the balance a year'),
  inflation_percent: z.number().describe('Inflation assumed, percent a year'),
  retirement_year: z.number().int().min(0).describe('Years from now to the retirement date'),
  retirement_age: z.number().int().nullable().describe("The user's age at retirement, when known"),
  at_retirement_nominal: z.strictObject({
    p10: nominal('10th percentile'),
    p50: nominal('Median'),
    p90: nominal('90th percentile'),
  }),
  at_retirement_today: z.strictObject({
    p10: today('10th percentile'),
    p50: today('Median'),
    p90: today('90th percentile'),
  }),
  paths: z.number().int().min(1),
  seed: z.number().int().min(0).describe('The seed the run drew from, derived from its inputs'),
  model_version: z.string().describe('The Monte Carlo model, e.g. monte-carlo/4'),
});
export type RetirementFigures = z.infer<typeof RetirementFigures>;
