import { readFileSync } from 'node:fs';
import { LOCAL_TARGET } from '@alex/database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, startTestDatabase, type TestDatabase } from '../src/testing.ts';

const fixture = JSON.parse(
  readFileSync(new URL('./fixtures/execute-statement-response.json', import.meta.url), 'utf8'),
);
const FIELD_MEMBERS = [
  'isNull',
  'booleanValue',
  'longValue',
  'doubleValue',
  'stringValue',
  'blobValue',
  'arrayValue',
];

/** The headers every AWS client sends; the server checks their shape, not the signature. */
const SDK_HEADERS = {
  'content-type': 'application/json',
  authorization:
    'AWS4-HMAC-SHA256 Credential=local/20261201/us-east-1/rds-data/aws4_request, SignedHeaders=host, Signature=00',
};

const typesOf = (value: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typeof v]));

describe.each(BACKENDS)('local Data API wire format on %s', (kind) => {
  let db: TestDatabase;
  const post = async (operation: string, body: Record<string, unknown>) => {
    const response = await fetch(`${db.url}/${operation}`, {
      method: 'POST',
      headers: SDK_HEADERS,
      body: JSON.stringify({ ...LOCAL_TARGET, ...body }),
    });
    return {
      status: response.status,
      headers: response.headers,
      // biome-ignore lint/suspicious/noExplicitAny: wire responses are checked member by member below
      body: (await response.json()) as Record<string, any>,
    };
  };

  beforeAll(async () => {
    db = await startTestDatabase(kind);
  });
  afterAll(async () => db?.close());

  it('answers ExecuteStatement with the documented members and field types', async () => {
    const { status, body } = await post('Execute', {
      database: 'alex',
      sql: "SELECT 1::int4 AS a, 2.5::numeric AS b, now() AS c, 'x'::text AS d, ARRAY[1,2] AS e, NULL AS f",
      includeResultMetadata: true,
    });
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(['columnMetadata', 'numberOfRecordsUpdated', 'records']);
    expect(typesOf(body.columnMetadata[0])).toEqual(typesOf(fixture.columnMetadata[0]));
    expect(body.columnMetadata[0]).toMatchObject({ name: 'a', label: 'a', type: 4, typeName: 'int4' });
    const record = body.records[0] as Record<string, unknown>[];
    record.forEach((field, i) => {
      expect(Object.keys(field)).toHaveLength(1);
      expect(FIELD_MEMBERS).toContain(Object.keys(field)[0]);
      expect(Object.keys(field)).toEqual(Object.keys(fixture.records[0][i]));
    });
    expect(record[0]).toEqual({ longValue: 1 });
    expect(record[1]).toEqual({ stringValue: '2.5' });
    expect((record[2] as { stringValue: string }).stringValue).toMatch(
      /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{1,6})?$/,
    );
    expect(record[4]).toEqual({ arrayValue: { longValues: [1, 2] } });
    expect(record[5]).toEqual({ isNull: true });
    expect(body).not.toHaveProperty('generatedFields');
  });

  it('omits column metadata unless asked, and counts updated records', async () => {
    await post('Execute', { sql: 'CREATE TABLE wire_t (id int PRIMARY KEY, v text)' });
    const insert = await post('Execute', {
      sql: 'INSERT INTO wire_t VALUES (:id, :v), (:id2, :v)',
      parameters: [
        { name: 'id', value: { longValue: 1 } },
        { name: 'id2', value: { longValue: 2 } },
        { name: 'v', value: { stringValue: 'x' } },
      ],
    });
    expect(insert.body).toEqual({ numberOfRecordsUpdated: 2 });
    const select = await post('Execute', { sql: 'SELECT id FROM wire_t ORDER BY id' });
    expect(select.body).toEqual({
      numberOfRecordsUpdated: 0,
      records: [[{ longValue: 1 }], [{ longValue: 2 }]],
    });
  });

  it('returns formattedRecords and no records or metadata with formatRecordsAs JSON', async () => {
    const { body } = await post('Execute', {
      sql: "SELECT 1 AS n, 'a' AS s, 1.50::numeric AS d, '{\"k\":1}'::jsonb AS j, NULL AS z",
      formatRecordsAs: 'JSON',
      includeResultMetadata: true,
    });
    expect(Object.keys(body).sort()).toEqual(['formattedRecords', 'numberOfRecordsUpdated']);
    expect(JSON.parse(body.formattedRecords)).toEqual([{ n: 1, s: 'a', d: '1.50', j: '{"k": 1}', z: null }]);
  });

  it('honours resultSetOptions for decimals and longs', async () => {
    const { body } = await post('Execute', {
      sql: 'SELECT 2.5::numeric AS d, 7::numeric AS w, 9::int8 AS l',
      resultSetOptions: { decimalReturnType: 'DOUBLE_OR_LONG', longReturnType: 'STRING' },
    });
    expect(body.records).toEqual([[{ doubleValue: 2.5 }, { longValue: 7 }, { stringValue: '9' }]]);
  });

  it('honours every typeHint', async () => {
    const hint = (name: string, stringValue: string, typeHint: string) => ({
      name,
      value: { stringValue },
      typeHint,
    });
    const { status, body } = await post('Execute', {
      sql: `SELECT pg_typeof(:j)::text, pg_typeof(:d)::text, pg_typeof(:dt)::text, pg_typeof(:t)::text,
                   pg_typeof(:ts)::text, pg_typeof(:u)::text, pg_typeof(:s)::text`,
      parameters: [
        hint('j', '{"a":1}', 'JSON'),
        hint('d', '1.5', 'DECIMAL'),
        hint('dt', '2024-01-02', 'DATE'),
        hint('t', '03:04:05', 'TIME'),
        hint('ts', '2024-01-02 03:04:05', 'TIMESTAMP'),
        hint('u', '7d444840-9dc0-11d1-b245-5ffdce74fad2', 'UUID'),
        { name: 's', value: { stringValue: 'plain' } },
      ],
    });
    expect(status).toBe(200);
    expect(body.records[0].map((f: { stringValue: string }) => f.stringValue)).toEqual([
      'json',
      'numeric',
      'date',
      'time without time zone',
      'timestamp without time zone',
      'uuid',
      'character varying',
    ]);
  });

  it('answers SQL errors with a 400 BadRequestException carrying the database message', async () => {
    const { status, headers, body } = await post('Execute', { sql: 'SELECT * FROM missing_table' });
    expect(status).toBe(400);
    expect(headers.get('x-amzn-errortype')).toBe('BadRequestException');
    expect(body.message).toMatch(/^ERROR: relation "missing_table" does not exist[\s\S]*SQLState: 42P01$/);
  });

  it('refuses a database other than alex, a missing ARN, several statements and a missing parameter', async () => {
    expect((await post('Execute', { database: 'postgres', sql: 'SELECT 1' })).body.message).toMatch(
      /does not exist/,
    );
    expect((await post('Execute', { resourceArn: '', sql: 'SELECT 1' })).status).toBe(400);
    expect((await post('Execute', { sql: 'SELECT 1; SELECT 2' })).body.message).toMatch(/multiple commands/);
    expect((await post('Execute', { sql: 'SELECT :nope' })).body.message).toMatch(
      /No value specified for parameter: nope/,
    );
  });

  it('runs BatchExecuteStatement atomically and returns one update result per set', async () => {
    await post('Execute', { sql: 'CREATE TABLE wire_b (id int PRIMARY KEY)' });
    const set = (id: number) => [{ name: 'id', value: { longValue: id } }];
    const ok = await post('BatchExecute', {
      sql: 'INSERT INTO wire_b VALUES (:id)',
      parameterSets: [set(1), set(2)],
    });
    expect(ok.body).toEqual({ updateResults: [{}, {}] });
    const failed = await post('BatchExecute', {
      sql: 'INSERT INTO wire_b VALUES (:id)',
      parameterSets: [set(3), set(1)],
    });
    expect(failed.status).toBe(400);
    const count = await post('Execute', { sql: 'SELECT COUNT(*) FROM wire_b' });
    expect(count.body.records).toEqual([[{ longValue: 2 }]]);
  });

  it('runs transactions across calls and forgets them after commit or rollback', async () => {
    const { body: begun } = await post('BeginTransaction', { database: 'alex' });
    expect(typeof begun.transactionId).toBe('string');
    await post('Execute', { sql: 'CREATE TABLE wire_tx (id int)', transactionId: begun.transactionId });
    expect((await post('RollbackTransaction', { transactionId: begun.transactionId })).body).toEqual({
      transactionStatus: 'Rollback Complete',
    });
    expect((await post('Execute', { sql: 'SELECT * FROM wire_tx' })).status).toBe(400);
    const again = await post('CommitTransaction', { transactionId: begun.transactionId });
    expect(again.status).toBe(400);
    expect(again.body.message).toMatch(/is not found/);
  });

  it('refuses a response larger than 1 MiB, as Aurora does', async () => {
    const { status, body } = await post('Execute', { sql: "SELECT repeat('x', 1100000) AS big" });
    expect(status).toBe(400);
    expect(body.message).toMatch(/response size limit/);
  });

  it('answers unknown operations with 404', async () => {
    const response = await fetch(`${db.url}/Nope`, { method: 'POST', headers: SDK_HEADERS, body: '{}' });
    expect(response.status).toBe(404);
  });
});

describe('local Data API transactions', () => {
  it('rolls back a transaction left idle past the timeout', async () => {
    const db = await startTestDatabase('pglite', { transactionIdleMs: 50 });
    try {
      await db.client.execute('CREATE TABLE idle_t (id int)');
      const begin = await fetch(`${db.url}/BeginTransaction`, {
        method: 'POST',
        headers: SDK_HEADERS,
        body: JSON.stringify(LOCAL_TARGET),
      });
      const { transactionId } = (await begin.json()) as { transactionId: string };
      await fetch(`${db.url}/Execute`, {
        method: 'POST',
        headers: SDK_HEADERS,
        body: JSON.stringify({ ...LOCAL_TARGET, transactionId, sql: 'INSERT INTO idle_t VALUES (1)' }),
      });
      // Statements outside the transaction wait for it; the idle timeout releases them.
      const [row] = await db.client.query('SELECT COUNT(*) AS n FROM idle_t');
      expect(row).toEqual({ n: 0 });
    } finally {
      await db.close();
    }
  });
});
