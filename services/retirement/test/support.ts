import { silentLogger, silentMetrics } from '@alex/core';
import type { Repositories } from '@alex/database';
import type { Model } from '@openai/agents';
import type { RetirementDeps } from '../src/retirement.ts';

/** The seeded demo user, and a fresh job for it per test. */
export { DEMO_USER as USER, newJob } from '@alex/database/testing';

/** An embedded database (in-memory PGlite behind the local Data API) reset with the test data. */
export { startSeededDatabase } from '@alex/local-data-api';

/** Retirement dependencies around a model. */
export const depsWith = (repos: Repositories, model: Model): RetirementDeps => ({
  repos,
  model,
  logger: silentLogger,
  generatedBy: 'offline',
  metrics: silentMetrics,
});

/** An analysis that passes the schema. */
export const validAnalysis = (summary = 'The plan is borderline: most simulated markets carry it.') => ({
  summary,
  detail: `## Projection\n\n${'The projection explains itself in words. '.repeat(4)}\n\n## Next steps\n\nSave more.`,
});
