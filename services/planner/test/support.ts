// The database package's test support: a local Data API over PGlite, or over the PostgreSQL server.
export {
  BACKENDS,
  startTestDatabase,
  type TestDatabase,
} from '@alex/local-data-api/testing';
