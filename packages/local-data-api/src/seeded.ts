import {
  createRepositories,
  type DataApiClient,
  localDataApiClient,
  type Repositories,
  resetDatabase,
} from '@alex/database';
import { startLocalDataApi } from './start.ts';

/** A migrated, seeded embedded database behind its own local Data API. */
export interface SeededDatabase {
  url: string;
  client: DataApiClient;
  repos: Repositories;
  close(): Promise<void>;
}

/**
 * Starts a local Data API over a fresh in-memory PGlite, migrated and loaded with the default
 * instruments and (unless told otherwise) the demo portfolio of user_test_123: for tests and benchmarks.
 */
export async function startSeededDatabase(options: { withTestData?: boolean } = {}): Promise<SeededDatabase> {
  const server = await startLocalDataApi({ port: 0 });
  try {
    const client = localDataApiClient(server.url, { retry: { maxAttempts: 1 } });
    await resetDatabase(client, { withTestData: options.withTestData ?? true });
    return { url: server.url, client, repos: createRepositories(client), close: () => server.close() };
  } catch (err) {
    await server.close();
    throw err;
  }
}
