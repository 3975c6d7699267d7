import { z } from 'zod';
import { Chart } from './charts.ts';
import { moneyText } from './primitives.ts';
import { Account, User, ValuedPosition } from './responses.ts';

/** Cash, invested and total value, as exact decimal strings. */
export const Totals = z.strictObject({
  cash: moneyText('Uninvested cash'),
  invested: moneyText('Value of the positions'),
  total: moneyText('Cash plus invested'),
});
export type Totals = z.infer<typeof Totals>;

/** An account with its valued positions and its totals. */
export const PortfolioAccount = Account.extend({
  cash_value: moneyText('Uninvested cash'),
  invested_value: moneyText('Value of the positions'),
  total_value: moneyText('Cash plus invested'),
  positions: z.array(ValuedPosition),
});
export type PortfolioAccount = z.infer<typeof PortfolioAccount>;

const Dimension = z.enum(['asset_class', 'regions', 'sectors']);

/** A portfolio's value split by one dimension; buckets largest first, percentages summing to 100. */
export const Allocation = z.strictObject({
  dimension: Dimension,
  total: z.number().describe("Dollar value (today's US dollars) the percentages are shares of"),
  buckets: z.array(
    z.strictObject({
      key: z.string(),
      value: z.number().describe("Value in today's US dollars"),
      percent: z.number().describe('Share of the total, in percent'),
    }),
  ),
  unclassified: z.array(z.string()).describe('Symbols without a usable map for this dimension'),
});
export type Allocation = z.infer<typeof Allocation>;

/** A portfolio's drift against the user's targets along one dimension. */
export const Drift = z.strictObject({
  dimension: Dimension,
  basis: z.number().describe("Dollar value (today's US dollars) the percentages are shares of"),
  rows: z.array(
    z.strictObject({
      key: z.string(),
      currentPercent: z.number(),
      targetPercent: z.number(),
      drift: z.number().describe('current − target, in percentage points (positive = overweight)'),
      tradeValue: z.number().describe("Today's US dollars to buy (positive) or sell (negative)"),
    }),
  ),
  unclassifiedPercent: z.number(),
  excluded: z
    .array(
      z.strictObject({
        key: z.string(),
        value: z.number().describe("Today's US dollars"),
        percent: z.number().describe('Share of the whole allocation, in percent'),
      }),
    )
    .describe('Value left out of the comparison: unclassified, or a region such as global with no split'),
  maxAbsoluteDrift: z.number(),
  foldedIntoInternational: z.array(z.string()).optional(),
});
export type Drift = z.infer<typeof Drift>;

/**
 * `GET /api/portfolio`: the dashboard's view. Accounts → positions → instruments with exact values,
 * totals, allocations, drift against the user's targets, chart data, and the symbols held without
 * a price (valued at 0) or without a classification.
 */
export const PortfolioView = z.strictObject({
  user: User,
  accounts: z.array(PortfolioAccount),
  totals: Totals,
  allocations: z.strictObject({ asset_class: Allocation, regions: Allocation, sectors: Allocation }),
  drift: z.strictObject({ asset_class: Drift, region: Drift }),
  charts: z.array(Chart),
  unpriced: z.array(z.string()),
  unclassified: z.array(z.string()),
});
export type PortfolioView = z.infer<typeof PortfolioView>;
