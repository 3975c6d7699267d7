import { BACKENDS, startTestDatabase, type TestDatabase } from '@alex/local-data-api/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseError } from '../../src/client/index.ts';
import { dropAll, loadMigrations, runMigrations } from '../../src/migrations/runner.ts';

const ALL = [
  '001_schema.sql',
  '002_generated_by.sql',
  '003_abuse_limits.sql',
  '004_retirement_plan.sql',
  '005_portfolio_tools.sql',
  '006_price_as_of.sql',
  '007_classified_by_hand.sql',
];
const TABLES = [
  'accounts',
  'analysis_jobs',
  'analysis_snapshots',
  'instruments',
  'positions',
  'reports',
  'retirement',
  'risk_rule_settings',
  'users',
  'webhook_deliveries',
];

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

  it('creates the tables and records the migrations', async () => {
    const report = await runMigrations(db.client);
    expect(report.applied).toEqual(ALL);
    expect(await tables()).toEqual([...TABLES, 'schema_migrations'].sort());
  });

  it('does nothing the second time', async () => {
    const report = await runMigrations(db.client);
    expect(report).toEqual({ applied: [], alreadyApplied: ALL });
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

  it("moves a retirement row's text_generated_by into the generated_by column (002)", async () => {
    await dropAll(db.client);
    await runMigrations(db.client, loadMigrations().slice(0, 1));
    await db.client.execute("INSERT INTO users (clerk_user_id) VALUES ('marker_user')");
    await db.client.execute(
      `INSERT INTO retirement (clerk_user_id, assumptions) VALUES
         ('marker_user', '{"paths": 500, "text_generated_by": "offline-fallback"}'),
         ('marker_user', '{"paths": 500}')`,
    );

    await runMigrations(db.client);

    const rows = await db.client.query<{ generated_by: string | null; assumptions: unknown }>(
      "SELECT generated_by, assumptions FROM retirement WHERE clerk_user_id = 'marker_user' ORDER BY generated_by",
    );
    expect(rows.map((r) => r.generated_by)).toEqual(['offline-fallback', null]);
    expect(
      rows.map((r) => (typeof r.assumptions === 'string' ? JSON.parse(r.assumptions) : r.assumptions)),
    ).toEqual([{ paths: 500 }, { paths: 500 }]);
  });

  it('drops everything in foreign-key order and migrates again from scratch', async () => {
    await dropAll(db.client);
    expect(await tables()).toEqual([]);
    expect((await runMigrations(db.client)).applied).toEqual(ALL);
  });
});
