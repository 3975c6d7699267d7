import { BACKENDS, startTestDatabase, type TestDatabase } from '@alex/local-data-api/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseError } from '../../src/client/index.ts';
import { dropAll, loadMigrations, runMigrations } from '../../src/migrations/runner.ts';

const TABLES = ['accounts', 'analysis_jobs', 'instruments', 'positions', 'reports', 'retirement', 'users'];

describe.each(BACKENDS)('migration runner on %s', (kind) => {
  let db: TestDatabase;
  const tables = async () =>
    (
      await db.client.query<{ t: string }>(
        "SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
      )
    ).map((r) => r.t);

  beforeAll(async () => {
    db = await startTestDatabase(kind);
  });
  afterAll(async () => db?.close());

  it('creates the seven tables and records the migration', async () => {
    const report = await runMigrations(db.client);
    expect(report.applied).toEqual(['001_schema.sql']);
    expect(await tables()).toEqual([...TABLES, 'schema_migrations'].sort());
  });

  it('does nothing the second time', async () => {
    const report = await runMigrations(db.client);
    expect(report).toEqual({ applied: [], alreadyApplied: ['001_schema.sql'] });
  });

  it('refuses a migration edited after it was applied', async () => {
    const [edited] = loadMigrations().map((m) => ({ ...m, checksum: 'f'.repeat(64) }));
    await expect(runMigrations(db.client, edited ? [edited] : [])).rejects.toBeInstanceOf(DatabaseError);
  });

  it('leaves nothing behind from a migration that fails halfway', async () => {
    const broken = {
      version: '999',
      name: '999_broken.sql',
      checksum: 'x',
      sql: 'CREATE TABLE half (id int); SELEC 1;',
    };
    await expect(runMigrations(db.client, [broken])).rejects.toBeInstanceOf(DatabaseError);
    expect(await tables()).not.toContain('half');
    const [row] = await db.client.query("SELECT COUNT(*) AS n FROM schema_migrations WHERE version = '999'");
    expect(row?.n).toBe(0);
  });

  it('keeps updated_at current through the trigger', async () => {
    await db.client.execute(
      "INSERT INTO users (clerk_user_id, updated_at) VALUES ('trigger_user', now() - interval '1 day')",
    );
    await db.client.execute("UPDATE users SET display_name = 'T' WHERE clerk_user_id = 'trigger_user'");
    const [row] = await db.client.query<{ fresh: boolean }>(
      "SELECT updated_at > now() - interval '1 minute' AS fresh FROM users WHERE clerk_user_id = 'trigger_user'",
    );
    expect(row?.fresh).toBe(true);
  });

  it('drops everything in foreign-key order and migrates again from scratch', async () => {
    await dropAll(db.client);
    expect(await tables()).toEqual([]);
    expect((await runMigrations(db.client)).applied).toEqual(['001_schema.sql']);
  });
});
