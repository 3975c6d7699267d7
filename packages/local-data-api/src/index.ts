/** The local Data API: an RDS Data API look-alike over embedded PGlite or a PostgreSQL server. */
export type { SqlBackend } from './backend.ts';
export { localDataApiIsUp, localStoreFromEnv, type OpenedDatabase, openDatabase, redact } from './connect.ts';
export { LOCAL_DATABASE, LocalDataApi, MAX_RESPONSE_BYTES, TRANSACTION_IDLE_MS } from './data-api.ts';
export { DataDirLockedError } from './data-dir-lock.ts';
export { postgresReachable } from './postgres-reachable.ts';
export { type SeededDatabase, startSeededDatabase } from './seeded.ts';
export type { RunningDataApi } from './server.ts';
export { defaultDataDir, type LocalStore, openBackend, startLocalDataApi } from './start.ts';
export { type DataApiThread, startLocalDataApiInWorker } from './start-worker.ts';
