import { BACKENDS, startTestDatabase, type TestDatabase } from '@alex/local-data-api/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConflictError, DatabaseError, sql, ValidationError } from '../../src/client/index.ts';

describe.each(BACKENDS)('Data API client round trips on %s', (kind) => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await startTestDatabase(kind);
    await db.client.execute(`CREATE TABLE samples (
      id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
      doc JSONB, list JSONB, qty DECIMAL(20,8), price DECIMAL(12,4), note TEXT, day DATE,
      at TIMESTAMPTZ, flag BOOLEAN, n INTEGER, big BIGINT, ratio DOUBLE PRECISION, tags TEXT[], nums INTEGER[],
      CONSTRAINT samples_note_key UNIQUE (note))`);
  });
  afterAll(async () => db?.close());

  it('returns JSONB objects and arrays as parsed values', async () => {
    const doc = { equity: 70.5, nested: { a: [1, 'two', null] }, quote: 'it\'s "fine"' };
    const [row] = await db.client.query(
      'INSERT INTO samples (doc, list) VALUES (:doc, :list) RETURNING doc, list',
      { doc: sql.json(doc), list: sql.json([1, { b: 2 }]) },
    );
    expect(row).toEqual({ doc, list: [1, { b: 2 }] });
  });

  it('keeps DECIMAL(20,8) quantities exact as strings', async () => {
    const [row] = await db.client.query(
      'INSERT INTO samples (qty, price) VALUES (:qty, :price) RETURNING qty, price',
      { qty: sql.decimal('123456789.12345678'), price: sql.decimal('0.0001') },
    );
    expect(row).toEqual({ qty: '123456789.12345678', price: '0.0001' });
  });

  it('returns text starting with { or [ as text, not JSON', async () => {
    const [row] = await db.client.query('INSERT INTO samples (note) VALUES (:note) RETURNING note', {
      note: '{"looks": "like json"}',
    });
    expect(row?.note).toBe('{"looks": "like json"}');
  });

  it('maps NULLs of every type to null', async () => {
    const [row] = await db.client.query(
      `INSERT INTO samples (doc, qty, note, day, at, flag, n, tags) VALUES
       (:doc, :qty, :note, :day, :at, :flag, :n, NULL) RETURNING doc, qty, note, day, at, flag, n, tags`,
      {
        doc: sql.json(null),
        qty: sql.decimal(null),
        note: null,
        day: sql.date(null),
        at: sql.timestamp(null),
        flag: null,
        n: null,
      },
    );
    expect(Object.values(row ?? {})).toEqual([null, null, null, null, null, null, null, null]);
  });

  it('round-trips UUIDs, dates, timestamps, booleans, integers and doubles', async () => {
    const at = new Date('2025-03-04T05:06:07.891Z');
    const [inserted] = await db.client.query<{ id: string }>(
      `INSERT INTO samples (day, at, flag, n, big, ratio) VALUES (:day, :at, :flag, :n, :big, :ratio) RETURNING id`,
      { day: sql.date('2024-02-29'), at, flag: true, n: -42, big: 9_007_199_254_740_991, ratio: 0.125 },
    );
    const [row] = await db.client.query(
      'SELECT id, day, at, flag, n, big, ratio FROM samples WHERE id = :id',
      {
        id: sql.uuid(inserted?.id ?? null),
      },
    );
    expect(row).toEqual({
      id: inserted?.id,
      day: '2024-02-29',
      at: '2025-03-04T05:06:07.891Z',
      flag: true,
      n: -42,
      big: 9_007_199_254_740_991,
      ratio: 0.125,
    });
    expect(inserted?.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('returns Postgres arrays as arrays, NULL elements included', async () => {
    const [row] = await db.client.query(
      `SELECT ARRAY['a', NULL, 'c"d'] AS tags, ARRAY[1, 2, 3] AS nums, ARRAY[[1.5, 2.5]]::float8[] AS grid,
              ARRAY[true, false] AS flags`,
    );
    expect(row).toEqual({
      tags: ['a', null, 'c"d'],
      nums: [1, 2, 3],
      grid: [[1.5, 2.5]],
      flags: [true, false],
    });
  });

  it('stores SQL injection strings verbatim', async () => {
    const evil = "x'); DROP TABLE samples; --";
    const [row] = await db.client.query('INSERT INTO samples (note) VALUES (:note) RETURNING note', {
      note: evil,
    });
    expect(row?.note).toBe(evil);
    const [count] = await db.client.query('SELECT COUNT(*) AS n FROM samples WHERE note = :note', {
      note: evil,
    });
    expect(count?.n).toBe(1);
  });

  it('rolls back every statement of a failed transaction', async () => {
    const before = await db.client.query('SELECT COUNT(*) AS n FROM samples');
    await expect(
      db.client.transaction(async (tx) => {
        await tx.execute("INSERT INTO samples (note) VALUES ('in-tx-1')");
        await tx.execute("INSERT INTO samples (note) VALUES ('in-tx-1')");
      }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(await db.client.query('SELECT COUNT(*) AS n FROM samples')).toEqual(before);
  });

  it('commits a successful transaction and inserts batches', async () => {
    const notes = Array.from({ length: 250 }, (_, i) => ({ note: `batch-${i}`, qty: sql.decimal(`${i}.5`) }));
    await db.client.transaction((tx) =>
      tx.batch('INSERT INTO samples (note, qty) VALUES (:note, :qty)', notes),
    );
    const [row] = await db.client.query(
      "SELECT COUNT(*) AS n, SUM(qty) AS total FROM samples WHERE note LIKE 'batch-%'",
    );
    expect(row).toEqual({ n: 250, total: '31250.00000000' });
  });

  it('maps unique violations to ConflictError naming the constraint', async () => {
    await db.client.execute("INSERT INTO samples (note) VALUES ('dup')");
    const error = await db.client
      .execute("INSERT INTO samples (note) VALUES ('dup')")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).constraint).toBe('samples_note_key');
  });

  it('maps bad values to ValidationError and other SQL errors to DatabaseError with the database message', async () => {
    await expect(db.client.query('SELECT :id::uuid', { id: 'not-a-uuid' })).rejects.toBeInstanceOf(
      ValidationError,
    );
    const error = await db.client.query('SELECT * FROM no_such_table').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseError);
    expect((error as DatabaseError).message).toContain('relation "no_such_table" does not exist');
    expect((error as DatabaseError).sqlState).toBe('42P01');
  });

  it('types an unhinted string as varchar, as Aurora does, so a missing hint fails here too', async () => {
    await expect(db.client.query('INSERT INTO samples (qty) VALUES (:qty)', { qty: '1.5' })).rejects.toThrow(
      /character varying/,
    );
  });
});
