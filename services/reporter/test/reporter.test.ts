import { createModel, DISCLAIMER, OFFLINE_LABEL } from '@alex/agents';
import { portfolioFacts } from '@alex/analysis';
import type { Repositories } from '@alex/database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRecommendations } from '../src/agent.ts';
import { reportWriterScript } from '../src/offline.ts';
import { REPORT_SECTIONS } from '../src/prompts.ts';
import { writeReport } from '../src/reporter.ts';
import { brokenKnowledge, depsWith, newJob, startSeededDatabase, USER } from './support.ts';

const money = (n: number) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(n);

describe('writeReport on the embedded database with the offline model', () => {
  let db: Awaited<ReturnType<typeof startSeededDatabase>>;
  let repos: Repositories;
  const offline = () => createModel({ provider: 'offline' }, reportWriterScript);

  beforeAll(async () => {
    db = await startSeededDatabase();
    repos = db.repos;
  });
  afterAll(async () => db?.close());

  it('stores a labelled report with every section, 5 to 7 recommendations and the disclaimer', async () => {
    const job = { id: await newJob(repos) };

    const result = await writeReport({ job_id: job.id, clerk_user_id: USER }, depsWith(repos, offline()));

    const stored = await repos.reports.getForJob(USER, job.id);
    const markdown = stored.report_detail ?? '';
    expect(markdown.startsWith(OFFLINE_LABEL)).toBe(true);
    for (const section of REPORT_SECTIONS) expect(markdown).toContain(`## ${section}`);
    expect(countRecommendations(markdown)).toBeGreaterThanOrEqual(5);
    expect(countRecommendations(markdown)).toBeLessThanOrEqual(7);
    expect(markdown).toContain(DISCLAIMER);
    expect(stored.generated_by).toBe('offline');
    expect(stored.processing_time_ms).toBeGreaterThanOrEqual(0);
    expect(result).toEqual({
      report_chars: markdown.length,
      insights_available: true,
      generated_by: 'offline',
    });
  });

  it("uses the computed totals and the user's own targets, with the dollars to trade", async () => {
    const job = { id: await newJob(repos) };
    const facts = portfolioFacts(await repos.portfolio.get(USER));
    const fixedIncome = facts.drift.asset_class.rows.find((r) => r.key === 'fixed_income');

    await writeReport({ job_id: job.id, clerk_user_id: USER }, depsWith(repos, offline()));

    const stored = await repos.reports.getForJob(USER, job.id);
    expect(stored.report_summary).toContain(money(facts.valuation.total.value));
    expect(stored.report_detail).toContain(`buy about ${money(fixedIncome?.tradeValue ?? 0)}`);
    expect(stored.report_detail).toMatch(/Fixed Income \| 11\.36% \| 30% \| -18\.64 pts/);
    expect(stored.report_detail).toMatch(/International \| [\d.]+% \| 40%/);
  });

  it('cites market research when the knowledge store answers', async () => {
    const job = { id: await newJob(repos) };

    await writeReport({ job_id: job.id, clerk_user_id: USER }, depsWith(repos, offline()));

    const stored = await repos.reports.getForJob(USER, job.id);
    expect(stored.report_detail).toContain('**Market context**');
  });

  it('still stores the report, saying insights were unavailable, when the knowledge store throws', async () => {
    const job = { id: await newJob(repos) };

    const result = await writeReport(
      { job_id: job.id, clerk_user_id: USER },
      depsWith(repos, offline(), brokenKnowledge),
    );

    const stored = await repos.reports.getForJob(USER, job.id);
    expect(result.insights_available).toBe(false);
    expect(stored.report_detail).toContain('Market insights were unavailable for this report');
    expect(stored.report_detail).not.toContain('**Market context**');
  });
});
