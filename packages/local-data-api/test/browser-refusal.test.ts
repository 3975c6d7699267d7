import { request } from 'node:http';
import { LOCAL_TARGET } from '@alex/database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDatabase, type TestDatabase } from '../src/testing.ts';

const SIGNED =
  'AWS4-HMAC-SHA256 Credential=local/20261201/us-east-1/rds-data/aws4_request, SignedHeaders=host, Signature=00';

/** A raw HTTP request with exactly the headers given (fetch would add or forbid some). */
function send(
  url: string,
  path: string,
  headers: Record<string, string>,
  body: string,
  method = 'POST',
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, url), { method, headers, setHost: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('local Data API refuses anything but an AWS client', () => {
  let db: TestDatabase;
  let host: string;
  const update = JSON.stringify({ ...LOCAL_TARGET, sql: "UPDATE owned SET v = 'pwned'" });

  beforeAll(async () => {
    db = await startTestDatabase('pglite');
    host = new URL(db.url).host;
    await db.client.execute('CREATE TABLE owned (v text)');
    await db.client.execute("INSERT INTO owned VALUES ('mine')");
  });
  afterAll(async () => db?.close());

  const unchanged = async () => expect(await db.client.query('SELECT v FROM owned')).toEqual([{ v: 'mine' }]);

  it('refuses a text/plain POST from a web page, as a browser sends it without a preflight', async () => {
    const res = await send(
      db.url,
      '/Execute',
      { host, origin: 'https://evil.example', 'content-type': 'text/plain;charset=UTF-8' },
      update,
    );
    expect(res.status).toBe(403);
    expect(res.headers).not.toHaveProperty('access-control-allow-origin');
    await unchanged();
  });

  it('refuses an Origin header even on an otherwise SDK-shaped request', async () => {
    const headers = { host, origin: 'http://127.0.0.1:5173', 'content-type': 'application/json' };
    const res = await send(db.url, '/Execute', { ...headers, authorization: SIGNED }, update);
    expect(res.status).toBe(403);
    await unchanged();
  });

  it('refuses a foreign Host, as a DNS-rebinding page would send', async () => {
    const port = new URL(db.url).port;
    const headers = { host: `rebind.evil.example:${port}`, 'content-type': 'application/json' };
    const res = await send(db.url, '/Execute', { ...headers, authorization: SIGNED }, update);
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body).message).toMatch(/Host/);
    await unchanged();
  });

  it('refuses a JSON request without a SigV4 Authorization header', async () => {
    const res = await send(db.url, '/Execute', { host, 'content-type': 'application/json' }, update);
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body).message).toMatch(/SigV4/);
    await unchanged();
  });

  it('refuses a signed request whose body is not declared as JSON', async () => {
    const res = await send(
      db.url,
      '/Execute',
      { host, authorization: SIGNED, 'content-type': 'text/plain' },
      update,
    );
    expect(res.status).toBe(403);
    await unchanged();
  });

  it('runs the statement for an SDK-shaped request on localhost', async () => {
    const port = new URL(db.url).port;
    const headers = { host: `localhost:${port}`, 'content-type': 'application/json', authorization: SIGNED };
    const select = JSON.stringify({ ...LOCAL_TARGET, sql: 'SELECT v FROM owned' });
    const res = await send(db.url, '/Execute', headers, select);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body).records).toEqual([[{ stringValue: 'mine' }]]);
  });

  it('answers the health check to a local caller but not to a page', async () => {
    expect((await send(db.url, '/health', { host }, '', 'GET')).status).toBe(200);
    expect((await send(db.url, '/health', { host, origin: 'https://evil.example' }, '', 'GET')).status).toBe(
      403,
    );
  });
});
