import { RiskRuleId, RiskRuleSetting, RiskRulesUpdate } from '@alex/contract';
import type { RiskRuleSettings } from '@alex/core/risk-rules';
import { z } from 'zod';
import type { Executor } from '../client/data-api-client.ts';
import { sql } from '../client/params.ts';
import { validate } from './validate.ts';

// Read leniently: a rule id this build no longer knows, or a setting out of today's bounds, is
// dropped (the rule runs with its default) rather than failing the user's dashboard.
const StoredRules = z.record(z.string(), z.unknown()).transform((rules) => {
  const settings: RiskRuleSettings = {};
  for (const [id, value] of Object.entries(rules)) {
    const key = RiskRuleId.safeParse(id);
    const setting = RiskRuleSetting.safeParse(value);
    if (!key.success || !setting.success) continue;
    if (RiskRulesUpdate.safeParse({ [key.data]: setting.data }).success) settings[key.data] = setting.data;
  }
  return settings;
});

/** A user's risk-check settings: one JSON row per user, merged on update. */
export function riskRulesRepository(db: Executor) {
  return {
    /** The user's settings; `{}` (every rule at its default) when they never changed one. */
    async get(clerkUserId: string): Promise<RiskRuleSettings> {
      const [row] = await db.query<{ rules: unknown }>(
        'SELECT rules FROM risk_rule_settings WHERE clerk_user_id = :user',
        { user: clerkUserId },
      );
      return row ? StoredRules.parse(row.rules) : {};
    },

    /** Changes the rules named in `update`, keeping the others; the user row must exist. */
    async update(clerkUserId: string, update: RiskRulesUpdate): Promise<RiskRuleSettings> {
      const rules = validate(RiskRulesUpdate, update);
      const [row] = await db.query<{ rules: unknown }>(
        `INSERT INTO risk_rule_settings (clerk_user_id, rules) VALUES (:user, :rules)
         ON CONFLICT (clerk_user_id) DO UPDATE SET rules = risk_rule_settings.rules || EXCLUDED.rules
         RETURNING rules`,
        { user: clerkUserId, rules: sql.json(rules) },
      );
      return StoredRules.parse(row?.rules ?? {});
    },
  };
}
