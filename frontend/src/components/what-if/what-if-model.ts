import type { MonteCarloInput } from '@alex/finance';

/** What a stored projection's assumptions record about its run: enough to run it again in the browser. */
export interface StoredRun {
  plan: {
    currentValue: number;
    annualContribution: number;
    contributionRisesWithInflation: boolean;
    targetIncome: number;
    otherIncome: number;
    otherIncomeStartYear: number;
    annualFee: number;
  };
  assetClasses: { assetClass: string; weight: number }[];
  seed: number;
  paths: number;
  yearsToRetirement: number;
  retirementYears: number;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const numbers = (record: Record<string, unknown>, keys: readonly string[]): boolean =>
  keys.every((key) => typeof record[key] === 'number' && Number.isFinite(record[key]));

/** What the sliders change; money in today's dollars, shares and fees in percent. */
export interface WhatIfSettings {
  annualContribution: number;
  yearsToRetirement: number;
  targetIncome: number;
  equityPercent: number;
  feePercent: number;
}

/** The run a projection's stored assumptions describe, or null when they predate the plan. */
export function storedRun(assumptions: unknown): StoredRun | null {
  if (!isRecord(assumptions) || !isRecord(assumptions.plan) || !Array.isArray(assumptions.assetClasses)) {
    return null;
  }
  const { plan, assetClasses } = assumptions;
  const planKeys = [
    'currentValue',
    'annualContribution',
    'targetIncome',
    'otherIncome',
    'otherIncomeStartYear',
    'annualFee',
  ];
  if (!numbers(plan, planKeys) || typeof plan.contributionRisesWithInflation !== 'boolean') return null;
  if (!numbers(assumptions, ['seed', 'paths', 'yearsToRetirement', 'retirementYears'])) return null;
  const classes = assetClasses.filter(
    (a): a is { assetClass: string; weight: number } =>
      isRecord(a) && typeof a.assetClass === 'string' && typeof a.weight === 'number',
  );
  if (classes.length === 0 || classes.length !== assetClasses.length) return null;
  return { ...(assumptions as unknown as StoredRun), assetClasses: classes };
}

/** The sliders' starting positions: the stored run's own inputs. */
export function initialSettings(run: StoredRun): WhatIfSettings {
  const equity = run.assetClasses.find((a) => a.assetClass === 'equity')?.weight ?? 0;
  return {
    annualContribution: run.plan.annualContribution,
    yearsToRetirement: run.yearsToRetirement,
    targetIncome: run.plan.targetIncome,
    equityPercent: Math.round(equity * 1000) / 10,
    feePercent: Math.round(run.plan.annualFee * 10_000) / 100,
  };
}

/**
 * The allocation with equity at `equityPercent` and every other class scaled to share the rest as
 * before (into fixed income when equity was all there was). Unchanged equity keeps the stored mix.
 */
export function allocationWith(run: StoredRun, equityPercent: number): Record<string, number> {
  const others = run.assetClasses.filter((a) => a.assetClass !== 'equity');
  const othersTotal = others.reduce((sum, a) => sum + a.weight, 0);
  const rest = 100 - equityPercent;
  const allocation: Record<string, number> = {};
  if (equityPercent > 0) allocation.equity = equityPercent;
  if (rest > 0) {
    if (othersTotal > 0) for (const a of others) allocation[a.assetClass] = (a.weight / othersTotal) * rest;
    else allocation.fixed_income = rest;
  }
  return allocation;
}

/**
 * The Monte Carlo input for the sliders' settings on a stored run: same value, seed, paths and
 * retirement length as the server's run, so unchanged settings reproduce its figures. Other income
 * that started at retirement moves with the retirement date.
 */
export function whatIfInput(run: StoredRun, settings: WhatIfSettings): MonteCarloInput {
  const initial = initialSettings(run);
  const startsAtRetirement = run.plan.otherIncomeStartYear === run.yearsToRetirement;
  return {
    currentValue: run.plan.currentValue,
    annualContribution: settings.annualContribution,
    contributionRisesWithInflation: run.plan.contributionRisesWithInflation,
    yearsToRetirement: settings.yearsToRetirement,
    targetIncome: settings.targetIncome,
    otherIncome: run.plan.otherIncome,
    otherIncomeStartYear: startsAtRetirement ? settings.yearsToRetirement : run.plan.otherIncomeStartYear,
    annualFee: settings.feePercent === initial.feePercent ? run.plan.annualFee : settings.feePercent / 100,
    allocation:
      settings.equityPercent === initial.equityPercent
        ? Object.fromEntries(run.assetClasses.map((a) => [a.assetClass, a.weight * 100]))
        : allocationWith(
            { ...run, assetClasses: run.assetClasses.map((a) => ({ ...a, weight: a.weight * 100 })) },
            settings.equityPercent,
          ),
    retirementYears: run.retirementYears,
    paths: run.paths,
    seed: run.seed,
  };
}
