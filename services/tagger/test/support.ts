import type { Repositories } from '@alex/database';

/** A fresh embedded database for one test file, migrated and seeded with the test data. */
export {
  type SeededDatabase as TestDatabase,
  startSeededDatabase as startTestDatabase,
} from '@alex/local-data-api';

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
