import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORIGIN_SECRET_HEADER } from '../src/guards.ts';
import { createLocalIssuer } from '../src/local/issuer.ts';
import { DEMO_USER, SPA_ORIGIN, signToken, snapshot, startTestApi, type TestApi } from './support.ts';

describe('request guards on every deployment', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi('pglite');
  });
  afterAll(() => api.close());

  it.each(['%00', '%1B%5B31m', 'a%0Ab'])(
    'a control character in a query string (%s) is a 400, not a 500',
    async (q) => {
      const res = await api.call('GET', `/api/instruments?q=${q}`, { user: DEMO_USER });
      expect(res.status).toBe(400);
      expect(res.body.error.details).toEqual([
        { field: 'q', message: 'must not contain control characters' },
      ]);
    },
  );

  it('a text/plain body is refused with 415 and writes nothing', async () => {
    const before = await snapshot(api.db);
    const res = await api.call('POST', '/api/accounts', {
      user: DEMO_USER,
      body: { account_name: 'Simple request' },
      headers: { 'content-type': 'text/plain;charset=UTF-8' },
    });
    expect(res.status).toBe(415);
    expect(await snapshot(api.db)).toBe(before);
  });

  it('a token minted to live for a century is refused', async () => {
    const token = await signToken(api.key, { expiresIn: '100y' });
    expect((await api.call('GET', '/api/user', { token })).status).toBe(401);
  });

  it('a token without an issued-at time is refused', async () => {
    const { SignJWT } = await import('jose');
    const token = await new SignJWT({ azp: SPA_ORIGIN })
      .setProtectedHeader({ alg: 'RS256', kid: api.key.kid })
      .setIssuer('https://clerk.test.example')
      .setSubject(DEMO_USER)
      .setExpirationTime('5m')
      .sign(api.key.privateKey);
    expect((await api.call('GET', '/api/user', { token })).status).toBe(401);
  });

  it('a date the database cannot store is a 400 that carries no database text', async () => {
    const [account] = await api.repos.accounts.list(DEMO_USER);
    const res = await api.call('POST', '/api/positions', {
      user: DEMO_USER,
      body: { account_id: account?.id, symbol: 'SPY', quantity: '1', as_of_date: '0000-01-01' },
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).not.toMatch(/SQLState|ERROR:|22008/);
  });
});

describe('the origin secret CloudFront adds', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi('pglite', { originSecret: 's3cret-from-secrets-manager' });
  });
  afterAll(() => api.close());

  it('refuses a call straight to the execute-api URL, without the header', async () => {
    const res = await api.call('GET', '/api/user', { user: DEMO_USER });
    expect(res.status).toBe(403);
  });

  it('refuses a wrong secret', async () => {
    const headers = { [ORIGIN_SECRET_HEADER]: 's3cret-from-secrets-managex' };
    expect((await api.call('GET', '/health', { headers })).status).toBe(403);
  });

  it('serves a call that came through CloudFront', async () => {
    const headers = { [ORIGIN_SECRET_HEADER]: 's3cret-from-secrets-manager' };
    expect((await api.call('GET', '/api/user', { user: DEMO_USER, headers })).status).toBe(200);
  });
});

describe('local mode answers only this machine', () => {
  let dir: string;
  let local: TestApi;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'alex-guards-'));
    local = await startTestApi('pglite', { localMode: true, localIssuer: await createLocalIssuer(dir) });
  });
  afterAll(async () => {
    await local.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses a DNS-rebinding page: a foreign Host on the loopback address', async () => {
    const res = await local.call('POST', '/local/token', {
      body: { user_id: DEMO_USER },
      headers: { host: 'rebind.evil.example:8000' },
    });
    expect(res.status).toBe(403);
    expect(res.body).not.toHaveProperty('token');
  });

  it('refuses a sign-in from another origin', async () => {
    const res = await local.call('POST', '/local/token', {
      body: { user_id: DEMO_USER },
      origin: 'https://evil.example.net',
    });
    expect(res.status).toBe(403);
  });

  it.each(['127.0.0.1:8000', 'localhost:8000'])('signs in the SPA calling %s', async (host) => {
    const res = await local.call('POST', '/local/token', {
      body: { user_id: DEMO_USER },
      origin: SPA_ORIGIN,
      headers: { host },
    });
    expect(res.status).toBe(200);
    expect(typeof res.body.token).toBe('string');
  });
});
