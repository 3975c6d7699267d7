import type { Instrument, Portfolio, Position } from '@alex/database';
import {
  type AccountInput,
  type Allocation,
  allocationBy,
  assetClassDrift,
  type Chart,
  type Drift,
  type PortfolioValuation,
  type PositionInput,
  portfolioCharts,
  type RiskCheck,
  type RiskRuleSettings,
  regionDrift,
  runRiskChecks,
  valuePortfolio,
} from '@alex/finance';

/** A stored position with its instrument, in the finance package's input shape. */
export function toPositionInput(position: Position & { instrument: Instrument }): PositionInput {
  return {
    symbol: position.symbol,
    quantity: position.quantity,
    price: position.instrument.current_price,
    allocation_asset_class: position.instrument.allocation_asset_class,
    allocation_regions: position.instrument.allocation_regions,
    allocation_sectors: position.instrument.allocation_sectors,
  };
}

/** The database's portfolio in the finance package's input shape. */
export function toAccountInputs(portfolio: Portfolio): AccountInput[] {
  return portfolio.accounts.map((account) => ({
    id: account.id,
    account_name: account.account_name,
    cash_balance: account.cash_balance,
    positions: account.positions.map(toPositionInput),
  }));
}

/** The user's retirement plan as numbers (money in today's dollars; null where not entered). */
export interface RetirementPlanFacts {
  current_age: number | null;
  retirement_age: number | null;
  annual_contribution: number | null;
  contribution_rises_with_inflation: boolean;
  other_retirement_income: number;
  other_income_start_age: number | null;
  annual_fee_percent: number;
  risk_score: number | null;
}

/**
 * Everything an agent needs to know about a portfolio, computed by code: values, allocations,
 * drift against the user's targets, and chart data. Agents receive it as tool results and write
 * words around it; they never do the arithmetic.
 */
export interface PortfolioFacts {
  user: {
    display_name: string | null;
    years_until_retirement: number;
    target_retirement_income: number;
    asset_class_targets: Readonly<Partial<Record<string, number>>>;
    region_targets: Readonly<Partial<Record<string, number>>>;
    /** The user's retirement plan: money in today's dollars, null where not entered. */
    plan: RetirementPlanFacts;
  };
  valuation: PortfolioValuation;
  allocations: Record<'asset_class' | 'regions' | 'sectors', Allocation>;
  drift: { asset_class: Drift; region: Drift };
  charts: Chart[];
  /** The risk checks with the user's thresholds: the dashboard shows these, the report states them. */
  risk_checks: RiskCheck[];
  holdings: {
    symbol: string;
    name: string;
    instrument_type: string | null;
    value: number;
    percent: number;
  }[];
}

/** Computes the {@link PortfolioFacts} of a stored portfolio, checked with the user's risk settings. */
export function portfolioFacts(portfolio: Portfolio, riskSettings: RiskRuleSettings = {}): PortfolioFacts {
  const valuation = valuePortfolio(toAccountInputs(portfolio));
  const names = new Map(
    portfolio.accounts.flatMap((a) => a.positions.map((p) => [p.symbol, p.instrument] as const)),
  );
  const bySymbol = new Map<string, number>();
  for (const p of valuation.positions) bySymbol.set(p.symbol, (bySymbol.get(p.symbol) ?? 0) + p.value);
  const invested = valuation.invested.value;
  const holdings = [...bySymbol.entries()]
    .map(([symbol, value]) => ({
      symbol,
      name: names.get(symbol)?.name ?? symbol,
      instrument_type: names.get(symbol)?.instrument_type ?? null,
      value: Math.round(value * 100) / 100,
      percent: invested > 0 ? Math.round((value / invested) * 10_000) / 100 : 0,
    }))
    .sort((a, b) => b.value - a.value || a.symbol.localeCompare(b.symbol));
  const { user } = portfolio;
  return {
    user: {
      display_name: user.display_name,
      years_until_retirement: user.years_until_retirement,
      target_retirement_income: Number(user.target_retirement_income),
      asset_class_targets: user.asset_class_targets,
      region_targets: user.region_targets,
      plan: {
        current_age: user.current_age,
        retirement_age: user.retirement_age,
        annual_contribution: user.annual_contribution === null ? null : Number(user.annual_contribution),
        contribution_rises_with_inflation: user.contribution_rises_with_inflation,
        other_retirement_income: Number(user.other_retirement_income),
        other_income_start_age: user.other_income_start_age,
        annual_fee_percent: Number(user.annual_fee_percent),
        risk_score: user.risk_score,
      },
    },
    valuation,
    allocations: {
      asset_class: allocationBy(valuation, 'asset_class'),
      regions: allocationBy(valuation, 'regions', { includeCash: false }),
      sectors: allocationBy(valuation, 'sectors', { includeCash: false }),
    },
    drift: {
      asset_class: assetClassDrift(valuation, user.asset_class_targets),
      region: regionDrift(valuation, user.region_targets),
    },
    charts: portfolioCharts(valuation),
    risk_checks: runRiskChecks({ valuation, assetClassTargets: user.asset_class_targets }, riskSettings),
    holdings,
  };
}
