import { createModel } from '@alex/agents';
import { portfolioFacts } from '@alex/analysis';
import type { Repositories } from '@alex/database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportWriterScript } from '../src/offline.ts';
import { writeReport } from '../src/reporter.ts';
import { depsWith, newJob, startSeededDatabase, USER } from './support.ts';

describe('the report and the dashboard read the same risk checks', () => {
  let db: Awaited<ReturnType<typeof startSeededDatabase>>;
  let repos: Repositories;
  const offline = () => createModel({ provider: 'offline' }, reportWriterScript);

  beforeAll(async () => {
    db = await startSeededDatabase();
    repos = db.repos;
  });
  afterAll(async () => db?.close());

  it("states a check failing under the user's own threshold, and records it in the analysis snapshot", async () => {
    // Prepare: a holding limit low enough that the largest holding crosses it.
    await repos.riskRules.update(USER, { holding_concentration: { enabled: true, threshold: 5 } });
    const facts = portfolioFacts(await repos.portfolio.get(USER), await repos.riskRules.get(USER));
    const check = facts.risk_checks.find((c) => c.id === 'holding_concentration');
    expect(check?.status).toBe('fail');
    const job = await newJob(repos);

    // Act
    await writeReport({ job_id: job, clerk_user_id: USER }, depsWith(repos, offline()));

    // Assess
    const stored = await repos.reports.getForJob(USER, job);
    expect(stored.report_detail).toContain(`- Single holding: ${check?.message}`);
    const snapshot = await repos.snapshots.get(USER, job);
    expect(snapshot?.failing_checks).toContain('Single holding');
    expect(snapshot?.total_value).toBe(facts.valuation.total.value);
  });

  it('leaves a check switched off out of the findings', async () => {
    await repos.riskRules.update(USER, { holding_concentration: { enabled: false, threshold: 5 } });
    const job = await newJob(repos);

    await writeReport({ job_id: job, clerk_user_id: USER }, depsWith(repos, offline()));

    const stored = await repos.reports.getForJob(USER, job);
    expect(stored.report_detail).not.toContain('Reduce reliance on');
    expect(stored.report_detail).toContain('Switched off: Single holding.');
  });
});
