import { silentLogger, silentMetrics } from '@alex/core';
import type { Repositories } from '@alex/database';
import type { Model } from '@openai/agents';
import type { ChartDeps } from '../src/charter.ts';

/** A fresh job to hang charts on (any job of the user still open is closed first). */
export { newJob } from '@alex/database/testing';
/** A fresh embedded database for one test file, migrated and seeded with the test data. */
export {
  type SeededDatabase as TestDatabase,
  startSeededDatabase as startTestDatabase,
} from '@alex/local-data-api';

/** Charter dependencies around a model: metrics dropped, text marked as the offline model's. */
export const chartDeps = (
  repos: Repositories,
  model: Model,
  overrides: Partial<ChartDeps> = {},
): ChartDeps => ({
  repos,
  model,
  logger: silentLogger,
  generatedBy: 'offline',
  metrics: silentMetrics,
  ...overrides,
});
