import { createModel, DISCLAIMER, OFFLINE_LABEL } from '@alex/agents';
import { portfolioFacts, retirementInputs } from '@alex/analysis';
import type { Repositories } from '@alex/database';
import { type MonteCarloResult, runMonteCarlo } from '@alex/finance';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { retirementScript } from '../src/offline.ts';
import { projectRetirement } from '../src/retirement.ts';
import { depsWith, newJob, startSeededDatabase, USER } from './support.ts';

describe('projectRetirement on the embedded database with the offline model', () => {
  let db: Awaited<ReturnType<typeof startSeededDatabase>>;
  let repos: Repositories;
  const offline = () => createModel({ provider: 'offline' }, retirementScript);

  /** The same Monte Carlo the service runs, straight from the finance package. */
  const directRun = async (_jobId?: string): Promise<{ total: number; result: MonteCarloResult }> => {
    const facts = portfolioFacts(await repos.portfolio.get(USER));
    return { total: facts.valuation.total.value, result: runMonteCarlo(retirementInputs(facts)) };
  };

  beforeAll(async () => {
    db = await startSeededDatabase();
    repos = db.repos;
  });
  afterAll(async () => db?.close());

  it('stores the success rate and income of a direct Monte Carlo run on the same inputs', async () => {
    const jobId = await newJob(repos);
    const { result: direct } = await directRun(jobId);

    const result = await projectRetirement(
      { job_id: jobId, clerk_user_id: USER },
      depsWith(repos, offline()),
    );

    const stored = await repos.retirement.getForJob(USER, jobId);
    expect(result).toEqual({
      success_rate: direct.successRate,
      estimated_income: direct.sustainableIncome,
      generated_by: 'offline',
    });
    // The offline model's text passed the figure check: it is marked as its own, not as a fallback.
    expect(stored.generated_by).toBe('offline');
    expect(stored.success_rate).toBe(direct.successRate.toFixed(2));
    expect(stored.estimated_income).toBe(direct.sustainableIncome.toFixed(2));
  });

  it('stores a projection chart with a p10/p50/p90 band for every year through retirement', async () => {
    const jobId = await newJob(repos);

    await projectRetirement({ job_id: jobId, clerk_user_id: USER }, depsWith(repos, offline()));

    const chart = (await repos.retirement.getForJob(USER, jobId)).chart;
    const years = (await repos.portfolio.get(USER)).user.years_until_retirement + 30;
    expect(chart?.data.map((band) => band.year)).toEqual(
      Array.from({ length: years + 1 }, (_, year) => year),
    );
    for (const band of chart?.data ?? []) {
      expect(band.p10).toBeLessThanOrEqual(band.p50);
      expect(band.p50).toBeLessThanOrEqual(band.p90);
    }
  });

  it("projects from the portfolio's real value, not from zero", async () => {
    const jobId = await newJob(repos);
    const { total } = await directRun(jobId);

    await projectRetirement({ job_id: jobId, clerk_user_id: USER }, depsWith(repos, offline()));

    const stored = await repos.retirement.getForJob(USER, jobId);
    expect(total).toBeGreaterThan(100_000);
    expect(stored.chart?.data[0]?.p50).toBe(Math.round(total));
    expect(stored.assumptions).toMatchObject({ inputs: { currentValue: total, targetIncome: 80_000 } });
  });

  it('stores the assumptions with the notes on how the inputs were derived and the what-if that was run', async () => {
    const jobId = await newJob(repos);

    await projectRetirement({ job_id: jobId, clerk_user_id: USER }, depsWith(repos, offline()));

    const { assumptions } = await repos.retirement.getForJob(USER, jobId);
    expect(assumptions).toMatchObject({ paths: 10_000, inflation: 0.03, retirementYears: 30 });
    expect(assumptions?.notes).toContain(
      "Saving $15,000 a year (today's dollars), raised with inflation each year, until retirement.",
    );
    expect(assumptions?.what_ifs).toHaveLength(1);
  });

  it('writes a labelled summary and a detail comparing the plan with a what-if, ending with the disclaimer', async () => {
    const jobId = await newJob(repos);
    const { result: direct } = await directRun(jobId);

    await projectRetirement({ job_id: jobId, clerk_user_id: USER }, depsWith(repos, offline()));

    const stored = await repos.retirement.getForJob(USER, jobId);
    expect(stored.summary?.startsWith(OFFLINE_LABEL)).toBe(true);
    expect(stored.summary).toContain(`${Number(direct.successRate.toFixed(2))}%`);
    for (const section of [
      '## Projection',
      '## What-ifs',
      '## What this means',
      '## Next steps',
      '## Assumptions',
    ]) {
      expect(stored.detail).toContain(section);
    }
    expect(stored.detail).toMatch(/What if you were (saving|retiring)/);
    expect(stored.detail).toContain(DISCLAIMER);
  });

  it('gives identical retirement figures for two analyses of an unchanged portfolio and plan', async () => {
    const first = await newJob(repos);
    const second = await newJob(repos);

    await projectRetirement({ job_id: first, clerk_user_id: USER }, depsWith(repos, offline()));
    await projectRetirement({ job_id: second, clerk_user_id: USER }, depsWith(repos, offline()));

    const [a, b] = await Promise.all([
      repos.retirement.getForJob(USER, first),
      repos.retirement.getForJob(USER, second),
    ]);
    expect(b.success_rate).toBe(a.success_rate);
    expect(b.estimated_income).toBe(a.estimated_income);
    expect(b.figures).toEqual(a.figures);
    expect(b.chart).toEqual(a.chart);
  });

  it("stores the headline figures with their units, the plan's inputs and the retirement age on the chart", async () => {
    const jobId = await newJob(repos);
    const { result: direct } = await directRun();

    await projectRetirement({ job_id: jobId, clerk_user_id: USER }, depsWith(repos, offline()));

    const stored = await repos.retirement.getForJob(USER, jobId);
    expect(stored.figures).toMatchObject({
      success_rate_percent: direct.successRate,
      sustainable_income_today: direct.sustainableIncome,
      target_income_today: 80_000,
      other_income_today: 24_000,
      annual_contribution_today: 15_000,
      contribution_rises_with_inflation: true,
      annual_fee_percent: 0.2,
      retirement_year: 25,
      retirement_age: 65,
      at_retirement_nominal: { p50: direct.atRetirement.p50 },
      at_retirement_today: { p50: direct.atRetirement.p50Today },
      seed: direct.assumptions.seed,
      model_version: 'monte-carlo/4',
    });
    expect(stored.chart?.retirement_year).toBe(25);
    expect(stored.chart?.data[25]).toMatchObject({ age: 65, phase: 'accumulation' });
    expect(stored.summary).toContain("today's dollars");
  });

  it("uses the user's plan: a larger yearly saving raises the chance the target income lasts", async () => {
    const before = await newJob(repos);
    await projectRetirement({ job_id: before, clerk_user_id: USER }, depsWith(repos, offline()));
    await repos.users.update(USER, { annual_contribution: '40000.00' });

    const after = await newJob(repos);
    await projectRetirement({ job_id: after, clerk_user_id: USER }, depsWith(repos, offline()));

    await repos.users.update(USER, { annual_contribution: '15000.00' });
    const [a, b] = await Promise.all([
      repos.retirement.getForJob(USER, before),
      repos.retirement.getForJob(USER, after),
    ]);
    expect(b.figures?.annual_contribution_today).toBe(40_000);
    expect(Number(b.success_rate)).toBeGreaterThan(Number(a.success_rate));
    expect(b.figures?.seed).not.toBe(a.figures?.seed);
  });
});
