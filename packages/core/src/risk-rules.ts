/**
 * The portfolio risk checks ("X-ray") Alex runs, in one place: the finance package evaluates them,
 * the contract validates a user's settings against these bounds, and the SPA renders its form from
 * them. Plain data, safe to import in the browser.
 */

/** What a rule's threshold is measured in. */
export type RiskRuleUnit = 'percent' | 'points' | 'count';

/** One rule: what it checks, and the bounds and default of its threshold. */
export interface RiskRuleDefinition {
  id: string;
  title: string;
  /** What the threshold means, with `N` standing for it ("A single holding is over N% of the portfolio."). */
  question: string;
  unit: RiskRuleUnit;
  defaultThreshold: number;
  min: number;
  max: number;
  /** Whether a whole number is required (counts). */
  integer: boolean;
}

/** Every rule, in the order they are shown. */
export const RISK_RULES = [
  {
    id: 'holding_concentration',
    title: 'Single holding',
    question: 'Flags a holding (summed over accounts) worth more than N% of the portfolio.',
    unit: 'percent',
    defaultThreshold: 25,
    min: 1,
    max: 100,
    integer: false,
  },
  {
    id: 'account_concentration',
    title: 'One account',
    question: 'Flags an account holding more than N% of the portfolio.',
    unit: 'percent',
    defaultThreshold: 80,
    min: 1,
    max: 100,
    integer: false,
  },
  {
    id: 'asset_class_drift',
    title: 'Asset-class drift',
    question: 'Flags an asset class more than N percentage points away from your target.',
    unit: 'points',
    defaultThreshold: 5,
    min: 0.5,
    max: 100,
    integer: false,
  },
  {
    id: 'region_concentration',
    title: 'Region concentration',
    question: 'Flags a region holding more than N% of the invested money placed in a region.',
    unit: 'percent',
    defaultThreshold: 80,
    min: 1,
    max: 100,
    integer: false,
  },
  {
    id: 'sector_concentration',
    title: 'Sector concentration',
    question: 'Flags a sector holding more than N% of the invested money.',
    unit: 'percent',
    defaultThreshold: 30,
    min: 1,
    max: 100,
    integer: false,
  },
  {
    id: 'cash_drag',
    title: 'Cash drag',
    question: 'Flags uninvested cash above N% of the portfolio.',
    unit: 'percent',
    defaultThreshold: 10,
    min: 0,
    max: 100,
    integer: false,
  },
  {
    id: 'data_gaps',
    title: 'Unpriced or unclassified holdings',
    question: 'Flags more than N holdings without a price or a classification.',
    unit: 'count',
    defaultThreshold: 0,
    min: 0,
    max: 100,
    integer: true,
  },
  {
    id: 'too_few_holdings',
    title: 'Too few holdings',
    question: 'Flags a portfolio with fewer than N different holdings.',
    unit: 'count',
    defaultThreshold: 3,
    min: 1,
    max: 100,
    integer: true,
  },
] as const satisfies readonly RiskRuleDefinition[];

/** The id of one rule. */
export type RiskRuleId = (typeof RISK_RULES)[number]['id'];

/** The rule ids, in display order. */
export const RISK_RULE_IDS = RISK_RULES.map((rule) => rule.id) as [RiskRuleId, ...RiskRuleId[]];

/** A user's setting for one rule. */
export interface RiskRuleSetting {
  enabled: boolean;
  threshold: number;
}

/** A user's settings, by rule; a rule not listed runs with its default. */
export type RiskRuleSettings = Partial<Record<RiskRuleId, RiskRuleSetting>>;

/** Every rule's setting: the user's where given, the default otherwise. */
export function effectiveRiskSettings(settings: RiskRuleSettings): Record<RiskRuleId, RiskRuleSetting> {
  return Object.fromEntries(
    RISK_RULES.map((rule) => [
      rule.id,
      settings[rule.id] ?? { enabled: true, threshold: rule.defaultThreshold },
    ]),
  ) as Record<RiskRuleId, RiskRuleSetting>;
}
