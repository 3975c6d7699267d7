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

/** Adds unclassified placeholders, as the API does for a symbol a user types in. */
export async function addPlaceholders(repos: Repositories, symbols: readonly string[]): Promise<void> {
  await repos.instruments.ensurePlaceholders(
    symbols.map((symbol) => ({ symbol })),
    { userAdded: true },
  );
}

/** The tagger event for some symbols, as the planner sends it. */
export const eventFor = (...symbols: string[]) => ({
  job_id: '3f0e7a52-8d0c-4c1e-9a57-2f4a9c1d6b10',
  instruments: symbols.map((symbol) => ({ symbol, name: symbol, instrument_type: null })),
});
