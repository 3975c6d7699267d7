import { RISK_RULE_IDS, RISK_RULES } from '@alex/core/risk-rules';
import { z } from 'zod';
import { endpoint } from './endpoint.ts';
import { Drift } from './portfolio.ts';
import { IsoTimestamp } from './primitives.ts';
import { TOOL_ROUTES } from './tools-routes.ts';

/*
 * The portfolio tools: the rebalance plan, the risk checks ("X-ray") with the user's settings, and
 * the history of analyses for side-by-side comparison. Money is today's US dollars throughout.
 */

const dollars = (what: string) => z.number().describe(`${what}, today's US dollars`);

/** One trade of a rebalance plan. */
export const RebalanceTrade = z.strictObject({
  account_id: z.string(),
  account_name: z.string(),
  symbol: z.string(),
  asset_class: z.string().describe('The asset class the holding is traded as (its largest)'),
  action: z.enum(['buy', 'sell']),
  shares: z.string().describe('Shares to trade, a positive decimal string'),
  price: z.string().describe("Price per share, today's US dollars"),
  value: dollars('Signed amount: positive is spent (buy), negative is raised (sell)'),
  whole_shares: z.boolean().describe('Whether the instrument trades only in whole shares'),
  new_holding: z.boolean().describe('True when the account does not hold the symbol yet'),
});
export type RebalanceTrade = z.infer<typeof RebalanceTrade>;

/** `GET /api/rebalance`: the trades that reach the user's asset-class targets, netting to zero with cash. */
export const RebalancePlan = z.strictObject({
  total: dollars('Value of everything held'),
  basis: dollars('Value the targets apply to: cash plus priced, classified holdings'),
  drift: z.strictObject({ asset_class: Drift, region: Drift }),
  trades: z.array(RebalanceTrade),
  cash: z.strictObject({
    before: dollars('Cash before'),
    change: dollars('Cash change: minus the sum of the trades'),
    after: dollars('Cash after'),
  }),
  accounts: z.array(
    z.strictObject({
      account_id: z.string(),
      account_name: z.string(),
      before: dollars('Cash before'),
      change: dollars('Cash change from the trades in this account'),
      after: dollars('Cash after; negative means money must be moved in from another account'),
    }),
  ),
  held_aside: z.array(
    z.strictObject({
      account_name: z.string(),
      symbol: z.string(),
      value: dollars('Value, null without a price').nullable(),
      reason: z.enum(['unpriced', 'unclassified']),
    }),
  ),
  unplaced: z.array(
    z.strictObject({
      asset_class: z.string(),
      value: dollars('Amount no holding could take (kept in cash)'),
    }),
  ),
  after: z.array(
    z.strictObject({
      key: z.string(),
      percent: z.number().describe('Share of the basis after the trades, in percent'),
      target_percent: z.number(),
    }),
  ),
});
export type RebalancePlan = z.infer<typeof RebalancePlan>;

/** A risk rule's id. */
export const RiskRuleId = z.enum(RISK_RULE_IDS);
export type RiskRuleId = z.infer<typeof RiskRuleId>;

/** One rule's setting; the threshold must lie within the rule's bounds (checked by {@link RiskRulesUpdate}). */
export const RiskRuleSetting = z.strictObject({
  enabled: z.boolean(),
  threshold: z.number().finite(),
});

/** `PUT /api/risk-rules`: settings for some rules; the others keep theirs. */
export const RiskRulesUpdate = z
  .partialRecord(RiskRuleId, RiskRuleSetting)
  .superRefine((update, ctx) => {
    for (const rule of RISK_RULES) {
      const setting = update[rule.id];
      if (!setting) continue;
      const { threshold } = setting;
      if (threshold < rule.min || threshold > rule.max) {
        ctx.addIssue({
          code: 'custom',
          path: [rule.id, 'threshold'],
          message: `must be between ${rule.min} and ${rule.max}`,
        });
      } else if (rule.integer && !Number.isInteger(threshold)) {
        ctx.addIssue({ code: 'custom', path: [rule.id, 'threshold'], message: 'must be a whole number' });
      }
    }
  })
  .refine((update) => Object.keys(update).length > 0, 'must change at least one rule');
export type RiskRulesUpdate = z.input<typeof RiskRulesUpdate>;

/** One rule: its setting and bounds, and its outcome on the current portfolio. */
export const RiskCheck = z.strictObject({
  id: RiskRuleId,
  title: z.string(),
  question: z.string().describe('What the rule flags, with the threshold filled in'),
  unit: z.enum(['percent', 'points', 'count']),
  enabled: z.boolean(),
  threshold: z.number(),
  default_threshold: z.number(),
  min: z.number(),
  max: z.number(),
  integer: z.boolean(),
  status: z.enum(['pass', 'fail', 'off']).describe('off: switched off by the user (still measured)'),
  value: z.number().describe("The measured figure compared with the threshold, in the rule's unit"),
  message: z.string().describe('Why it passed or failed, with the figures'),
  subjects: z.array(z.string()).describe('What it flags (symbols, accounts or keys); empty when it passes'),
});
export type RiskCheck = z.infer<typeof RiskCheck>;

/** `GET /api/risk-checks` and `PUT /api/risk-rules`: every rule, in display order. */
export const RiskChecks = z.strictObject({ checks: z.array(RiskCheck) });
export type RiskChecks = z.infer<typeof RiskChecks>;

/** A share of one allocation key. */
const Share = z.strictObject({ key: z.string(), percent: z.number() });

/** One past analysis with the figures a comparison needs; null where that run did not record them. */
export const ReportHistoryEntry = z.strictObject({
  job_id: z.string(),
  created_at: IsoTimestamp,
  completed_at: IsoTimestamp.nullable(),
  total_value: dollars('Portfolio value when analysed').nullable(),
  invested_value: dollars('Invested value when analysed').nullable(),
  cash_value: dollars('Cash when analysed').nullable(),
  asset_class: z.array(Share).nullable().describe('Asset-class mix, percent of the total'),
  regions: z.array(Share).nullable().describe('Region mix, percent of invested value'),
  failing_checks: z.array(z.string()).nullable().describe('Titles of the risk checks that failed'),
  success_rate: z.number().nullable().describe('Chance the money lasts, in percent'),
  estimated_income: dollars('Estimated sustainable annual income in retirement').nullable(),
});
export type ReportHistoryEntry = z.infer<typeof ReportHistoryEntry>;

/** The portfolio tools' operations. */
export const toolEndpoints = {
  getRebalance: endpoint({
    ...TOOL_ROUTES.getRebalance,
    auth: 'user',
    summary: "Trades by holding that reach the user's asset-class targets, netting to zero with cash",
    status: 200,
    response: RebalancePlan,
  }),
  getRiskChecks: endpoint({
    ...TOOL_ROUTES.getRiskChecks,
    auth: 'user',
    summary: "The risk checks on the portfolio with the user's thresholds: status and why",
    status: 200,
    response: RiskChecks,
  }),
  updateRiskRules: endpoint({
    ...TOOL_ROUTES.updateRiskRules,
    auth: 'user',
    summary: "Changes the risk checks' thresholds or switches them on or off",
    body: RiskRulesUpdate,
    status: 200,
    response: RiskChecks,
  }),
  listReportHistory: endpoint({
    ...TOOL_ROUTES.listReportHistory,
    auth: 'user',
    summary: "The user's completed analyses, newest first, with the figures to compare them",
    status: 200,
    response: z.array(ReportHistoryEntry),
  }),
};
