import {
  createDataApiClient,
  createRepositories,
  LOCAL_TARGET,
  type Repositories,
  resetDatabase,
} from '@alex/database';
import { startLocalDataApi } from '@alex/database/local';

/** A local Data API over in-memory PGlite, migrated and seeded with the test data. */
export interface TestDatabase {
  repos: Repositories;
  close(): Promise<void>;
}

/** Starts a fresh embedded database for one test file. */
export async function startTestDatabase(): Promise<TestDatabase> {
  const server = await startLocalDataApi({ port: 0 });
  const client = createDataApiClient(
    { mode: 'local', ...LOCAL_TARGET, database: 'alex', region: 'us-east-1', endpoint: server.url },
    { retry: { maxAttempts: 1 } },
  );
  await resetDatabase(client, { withTestData: true });
  return { repos: createRepositories(client), close: () => server.close() };
}

/**
 * A job to hang charts on. A user may have one active job at a time, and the charter never looks at
 * the status, so the job is closed at once and each test can open its own.
 */
export async function newJob(repos: Repositories, userId: string): Promise<string> {
  const job = await repos.jobs.create(userId);
  await repos.jobs.fail(job.id, 'closed by the test so another job can be opened');
  return job.id;
}
