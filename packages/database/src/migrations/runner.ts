import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Executor } from '../client/data-api-client.ts';
import { DatabaseError } from '../client/errors.ts';
import { splitStatements } from '../sql/lexer.ts';

/** The package's own `migrations/` folder. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));

/** A migration file: `NNN_name.sql`. */
export interface Migration {
  version: string;
  name: string;
  sql: string;
  checksum: string;
}

/** Reads `NNN_name.sql` files from `dir`, in version order. */
export function loadMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d+_[\w-]+\.sql$/.test(file))
    .sort()
    .map((file) => {
      const sql = readFileSync(join(dir, file), 'utf8');
      return {
        version: file.split('_')[0] as string,
        name: file,
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
      };
    });
}

/** What a migration run did. */
export interface MigrationReport {
  applied: string[];
  alreadyApplied: string[];
}

const CREATE_LEDGER = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version    VARCHAR(20) PRIMARY KEY,
  name       VARCHAR(255) NOT NULL,
  checksum   CHAR(64) NOT NULL,
  applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
)`;

/**
 * Applies pending migrations, each in its own transaction with its ledger row, so a failure leaves
 * nothing half-applied. Safe to run again, and from two processes at once (an advisory lock
 * serialises them). A migration edited after it was applied is an error, not a silent skip.
 */
export async function runMigrations(
  db: Executor,
  migrations: Migration[] = loadMigrations(),
): Promise<MigrationReport> {
  await db.execute(CREATE_LEDGER);
  const report: MigrationReport = { applied: [], alreadyApplied: [] };
  for (const migration of migrations) {
    await db.transaction(async (tx) => {
      await tx.query("SELECT pg_advisory_xact_lock(hashtext('alex.schema_migrations'))");
      const [done] = await tx.query<{ checksum: string }>(
        'SELECT checksum FROM schema_migrations WHERE version = :version',
        { version: migration.version },
      );
      if (done) {
        if (done.checksum.trim() !== migration.checksum) {
          throw new DatabaseError(
            `Migration ${migration.name} was changed after it was applied; add a new migration instead`,
          );
        }
        report.alreadyApplied.push(migration.name);
        return;
      }
      for (const statement of splitStatements(migration.sql)) await tx.execute(statement);
      await tx.execute(
        'INSERT INTO schema_migrations (version, name, checksum) VALUES (:version, :name, :checksum)',
        { version: migration.version, name: migration.name, checksum: migration.checksum },
      );
      report.applied.push(migration.name);
    });
  }
  return report;
}

/** Tables in the order they can be dropped without breaking a foreign key. */
export const TABLES_IN_DROP_ORDER = [
  'analysis_snapshots',
  'risk_rule_settings',
  'positions',
  'reports',
  'retirement',
  'analysis_jobs',
  'accounts',
  'instruments',
  'users',
  'webhook_deliveries',
  'schema_migrations',
] as const;

/** Drops every Alex table (children first) and the trigger function. */
export async function dropAll(db: Executor): Promise<void> {
  await db.transaction(async (tx) => {
    for (const table of TABLES_IN_DROP_ORDER) await tx.execute(`DROP TABLE IF EXISTS ${table}`);
    await tx.execute('DROP FUNCTION IF EXISTS set_updated_at()');
  });
}
