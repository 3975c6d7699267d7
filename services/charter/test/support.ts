/** A fresh embedded database for one test file, migrated and seeded with the test data. */

/** A fresh job to hang charts on (any job of the user still open is closed first). */
export { newJob } from '@alex/database/testing';
export {
  type SeededDatabase as TestDatabase,
  startSeededDatabase as startTestDatabase,
} from '@alex/local-data-api';
