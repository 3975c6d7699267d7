import { silentLogger } from '@alex/core';
import type { Repositories } from '@alex/database';
import type { Model } from '@openai/agents';
import type { RetirementDeps } from '../src/retirement.ts';

/** The seeded demo user. */
export const USER = 'user_test_123';

/** An embedded database (in-memory PGlite behind the local Data API) reset with the test data. */
export { startSeededDatabase } from '@alex/local-data-api';

/** A new job for the demo user; a user may have one active job, so the previous test's is closed first. */
export async function newJob(repos: Repositories): Promise<string> {
  for (const job of await repos.jobs.list(USER)) {
    if (job.status === 'pending' || job.status === 'running')
      await repos.jobs.fail(job.id, 'closed by the next test');
  }
  return (await repos.jobs.create(USER)).id;
}

/** Retirement dependencies around a model. */
export const depsWith = (repos: Repositories, model: Model): RetirementDeps => ({
  repos,
  model,
  logger: silentLogger,
});

/** An analysis that passes the schema. */
export const validAnalysis = (summary = 'The plan is borderline: most simulated markets carry it.') => ({
  summary,
  detail: `## Projection\n\n${'The projection explains itself in words. '.repeat(4)}\n\n## Next steps\n\nSave more.`,
});
