import { CANDIDATE_SYMBOLS, candidatesFrom, portfolioFacts, rebalancePortfolio } from '@alex/analysis';
import {
  type RebalancePlan as RebalanceView,
  type RiskCheck as RiskCheckView,
  toolEndpoints,
} from '@alex/contract';
import { RISK_RULES } from '@alex/core/risk-rules';
import type { RebalancePlan, RiskCheck } from '@alex/finance';
import type { ApiDeps } from '../deps.ts';
import { json } from '../http.ts';
import { type Route, userRoute } from '../router.ts';
import { parseBody } from '../validation.ts';

/** A plan in the contract's snake_case shape. */
function planView(plan: RebalancePlan): RebalanceView {
  return {
    total: plan.total,
    basis: plan.basis,
    drift: plan.drift,
    trades: plan.trades.map((t) => ({
      account_id: t.accountId,
      account_name: t.accountName,
      symbol: t.symbol,
      asset_class: t.assetClass,
      action: t.action,
      shares: t.shares,
      price: t.price,
      value: t.value,
      whole_shares: t.wholeShares,
      new_holding: t.newHolding,
    })),
    cash: plan.cash,
    accounts: plan.accounts.map((a) => ({
      account_id: a.accountId,
      account_name: a.accountName,
      before: a.before,
      change: a.change,
      after: a.after,
    })),
    held_aside: plan.heldAside.map((h) => ({
      account_name: h.accountName,
      symbol: h.symbol,
      value: h.value,
      reason: h.reason,
    })),
    unplaced: plan.unplaced.map((u) => ({ asset_class: u.assetClass, value: u.value })),
    after: plan.after.map((a) => ({ key: a.key, percent: a.percent, target_percent: a.targetPercent })),
  };
}

/** A check with its rule's bounds, as the settings form and the dashboard read it. */
function checkView(check: RiskCheck): RiskCheckView {
  const rule = RISK_RULES.find((r) => r.id === check.id);
  return {
    ...check,
    default_threshold: rule?.defaultThreshold ?? check.threshold,
    min: rule?.min ?? 0,
    max: rule?.max ?? 100,
    integer: rule?.integer ?? false,
  };
}

async function riskChecks(deps: ApiDeps, userId: string) {
  const [portfolio, settings] = await Promise.all([
    deps.repos.portfolio.get(userId),
    deps.repos.riskRules.get(userId),
  ]);
  return { checks: portfolioFacts(portfolio, settings).risk_checks.map(checkView) };
}

/** The portfolio tools: rebalance plan, risk checks and their settings, report history. No model call. */
export const toolRoutes: Route[] = [
  userRoute(toolEndpoints.getRebalance, async ({ deps, userId }) => {
    await deps.repos.users.getOrCreate({ clerk_user_id: userId });
    const [portfolio, ...instruments] = await Promise.all([
      deps.repos.portfolio.get(userId),
      ...Object.values(CANDIDATE_SYMBOLS).map((symbol) => deps.repos.instruments.get(symbol)),
    ]);
    return json(200, planView(rebalancePortfolio(portfolio, candidatesFrom(instruments))));
  }),

  userRoute(toolEndpoints.getRiskChecks, async ({ deps, userId }) => {
    await deps.repos.users.getOrCreate({ clerk_user_id: userId });
    return json(200, await riskChecks(deps, userId));
  }),

  userRoute(toolEndpoints.updateRiskRules, async ({ deps, userId, rawBody }) => {
    const update = parseBody(toolEndpoints.updateRiskRules.body, rawBody);
    await deps.repos.users.getOrCreate({ clerk_user_id: userId });
    await deps.repos.riskRules.update(userId, update);
    return json(200, await riskChecks(deps, userId));
  }),

  userRoute(toolEndpoints.listReportHistory, async ({ deps, userId }) => {
    await deps.repos.users.getOrCreate({ clerk_user_id: userId });
    const rows = await deps.repos.snapshots.history(userId);
    return json(
      200,
      rows.map((row) => ({
        job_id: row.job_id,
        created_at: row.created_at,
        completed_at: row.completed_at,
        total_value: row.snapshot?.total_value ?? null,
        invested_value: row.snapshot?.invested_value ?? null,
        cash_value: row.snapshot?.cash_value ?? null,
        asset_class: row.snapshot?.asset_class ?? null,
        regions: row.snapshot?.regions ?? null,
        failing_checks: row.snapshot?.failing_checks ?? null,
        success_rate: row.success_rate === null ? null : Number(row.success_rate),
        estimated_income: row.estimated_income === null ? null : Number(row.estimated_income),
      })),
    );
  }),
];
