import type { DataApiClient } from '@alex/database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, startTestDatabase, type TestDatabase } from '../src/testing.ts';

// On PostgreSQL the local Data API prepares each parameterised statement once per connection; these
// hold that a prepared statement never answers differently from a fresh one, on both backends.
describe.each(BACKENDS)('statements run again on %s', (kind) => {
  let db: TestDatabase;
  let client: DataApiClient;
  beforeAll(async () => {
    db = await startTestDatabase(kind);
    client = db.client;
    await client.query('CREATE TABLE notes (id int PRIMARY KEY, body text)');
    await client.query("INSERT INTO notes VALUES (1, 'one'), (2, 'two')");
  });
  afterAll(async () => db?.close());

  const byId = 'SELECT * FROM notes WHERE id = :id';

  it('answers with each run’s own parameters', async () => {
    for (const [id, body] of [
      [1, 'one'],
      [2, 'two'],
      [1, 'one'],
    ] as const) {
      expect(await client.query(byId, { id })).toEqual([{ id, body }]);
    }
  });

  it('answers with the new columns after the table changes under a statement run before', async () => {
    for (let i = 0; i < 3; i++) await client.query(byId, { id: 1 });
    await client.query("ALTER TABLE notes ADD COLUMN tag text NOT NULL DEFAULT 'new'");
    expect(await client.query(byId, { id: 1 })).toEqual([{ id: 1, body: 'one', tag: 'new' }]);
    await client.query('ALTER TABLE notes DROP COLUMN tag');
    expect(await client.query(byId, { id: 2 })).toEqual([{ id: 2, body: 'two' }]);
  });

  it('answers after the connection’s prepared statements are deallocated', async () => {
    for (let i = 0; i < 3; i++) await client.query(byId, { id: 1 });
    // Sequential statements reuse one pooled connection, so this reaches the one that prepared.
    await client.query('DEALLOCATE ALL');
    expect(await client.query(byId, { id: 2 })).toEqual([{ id: 2, body: 'two' }]);
  });

  it('still reports a statement’s own errors', async () => {
    await expect(client.query('SELECT * FROM notes WHERE id = :id', { id: 'x' })).rejects.toThrow(/integer/);
    await expect(client.query(byId, { id: 1 })).resolves.toEqual([{ id: 1, body: 'one' }]);
  });
});

// Only PostgreSQL prepares (PGlite parses every statement); the suite requires it in CI.
describe.each(BACKENDS.filter((kind) => kind === 'postgres'))('prepared statements on %s', (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await startTestDatabase(kind);
  });
  afterAll(async () => db?.close());

  it('prepares a parameterised statement once and runs it again from there', async () => {
    const marker = 'SELECT :n::int AS n /* prepared-marker */';
    for (let n = 0; n < 3; n++) expect(await db.client.query(marker, { n })).toEqual([{ n }]);
    const prepared = await db.client.query<{ statement: string }>(
      'SELECT statement FROM pg_prepared_statements WHERE statement LIKE :pattern',
      { pattern: '%prepared-marker%' },
    );
    expect(prepared).toHaveLength(1);
  });

  it('leaves statements inside a transaction unprepared', async () => {
    const marker = 'SELECT :n::int AS n /* in-transaction-marker */';
    const count = await db.client.transaction(async (tx) => {
      await tx.query(marker, { n: 1 });
      await tx.query(marker, { n: 2 });
      const rows = await tx.query<{ count: number }>(
        'SELECT count(*)::int AS count FROM pg_prepared_statements WHERE statement LIKE :pattern',
        { pattern: '%in-transaction-marker%' },
      );
      return rows[0]?.count;
    });
    expect(count).toBe(0);
  });
});
