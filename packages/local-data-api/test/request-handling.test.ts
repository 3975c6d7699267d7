import { request } from 'node:http';
import { LOCAL_TARGET } from '@alex/database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDatabase, type TestDatabase } from '../src/testing.ts';

const SIGNED =
  'AWS4-HMAC-SHA256 Credential=local/20261201/us-east-1/rds-data/aws4_request, SignedHeaders=host, Signature=00';

/** An SDK-shaped POST of `body` to `/Execute`. */
function execute(url: string, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const target = new URL('/Execute', url);
    const req = request(
      target,
      {
        method: 'POST',
        headers: { host: target.host, 'content-type': 'application/json', authorization: SIGNED },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('local Data API request handling', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await startTestDatabase('pglite');
    await db.client.execute('CREATE TABLE counters (id int PRIMARY KEY, n int NOT NULL)');
    await db.client.execute('INSERT INTO counters VALUES (1, 0)');
  });
  afterAll(async () => db?.close());

  it('refuses a request body over 4 MiB with a BadRequestException', async () => {
    const sql = `SELECT '${'x'.repeat(4 * 1024 * 1024)}' AS big`;

    const res = await execute(db.url, JSON.stringify({ ...LOCAL_TARGET, sql }));

    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({
      __type: 'BadRequestException',
      message: 'Request is larger than 4 MiB',
    });
  });

  it('refuses a body that is not JSON with a BadRequestException', async () => {
    const res = await execute(db.url, '{"sql": ');

    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ message: 'Request body is not valid JSON' });
  });

  it('answers many statements in flight at once, each with its own parameters', async () => {
    const ids = Array.from({ length: 60 }, (_, i) => i);

    const rows = await Promise.all(
      ids.map((i) =>
        db.client.query<{ i: number; label: string }>('SELECT :i::int AS i, :label AS label', {
          i,
          label: `n${i}`,
        }),
      ),
    );

    expect(rows.map(([row]) => row)).toEqual(ids.map((i) => ({ i, label: `n${i}` })));
  });

  it('keeps transactions whole while other statements run alongside them on the one PGlite session', async () => {
    const increments = Array.from({ length: 10 }, () =>
      db.client.transaction(async (tx) => {
        const [row] = await tx.query<{ n: number }>('SELECT n FROM counters WHERE id = 1');
        await tx.execute('UPDATE counters SET n = :n WHERE id = 1', { n: (row?.n ?? 0) + 1 });
      }),
    );
    const reads = Array.from({ length: 20 }, () =>
      db.client.query<{ n: number }>('SELECT n FROM counters WHERE id = 1'),
    );

    const [, seen] = await Promise.all([Promise.all(increments), Promise.all(reads)]);

    // Read-modify-write in each transaction loses no increment; every read sees a committed count.
    expect(await db.client.query('SELECT n FROM counters WHERE id = 1')).toEqual([{ n: 10 }]);
    for (const [row] of seen) expect(Number.isInteger(row?.n) && (row?.n ?? -1) <= 10).toBe(true);
  });
});
