import type { Repositories } from '@alex/database';

/** A fresh embedded database for one test file, migrated and seeded with the test data. */
export {
  type SeededDatabase as TestDatabase,
  startSeededDatabase as startTestDatabase,
} from '@alex/local-data-api';

/**
 * A job to hang charts on. A user may have one active job at a time, and the charter never looks at
 * the status, so the job is closed at once and each test can open its own.
 */
export async function newJob(repos: Repositories, userId: string): Promise<string> {
  const job = await repos.jobs.create(userId);
  await repos.jobs.fail(job.id, 'closed by the test so another job can be opened');
  return job.id;
}
