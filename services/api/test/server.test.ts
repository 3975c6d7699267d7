import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '@alex/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiHandler } from '../src/app.ts';
import { createJwtVerifier } from '../src/auth.ts';
import { createLocalIssuer, LOCAL_ISSUER_URL, type LocalIssuer } from '../src/local/issuer.ts';
import { type LocalServer, serveLocally } from '../src/local/server.ts';
import { DEMO_USER, RecordingQueue, SPA_ORIGIN, startTestApi, type TestApi } from './support.ts';

describe('serveLocally, end to end over HTTP', () => {
  let dir: string;
  let issuer: LocalIssuer;
  let api: TestApi;
  let server: LocalServer;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'alex-serve-'));
    issuer = await createLocalIssuer(dir);
    api = await startTestApi('pglite');
    // The verifier fetches the local issuer's JWKS from this very server, as `pnpm dev` does.
    let handle: ReturnType<typeof createApiHandler> | undefined;
    server = await serveLocally((event) => (handle as ReturnType<typeof createApiHandler>)(event), {
      port: 0,
      host: '127.0.0.1',
    });
    handle = createApiHandler({
      repos: api.repos,
      queue: new RecordingQueue(),
      auth: createJwtVerifier({
        jwks: `${server.url}/.well-known/jwks.json`,
        issuer: LOCAL_ISSUER_URL,
        authorizedParties: [SPA_ORIGIN],
      }),
      cors: { origins: [SPA_ORIGIN] },
      logger: silentLogger,
      localMode: true,
      localIssuer: issuer,
    });
  });
  afterAll(async () => {
    await server.close();
    await api.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves /health', async () => {
    const res = await fetch(`${server.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('sends each response with its length, in bytes, not chunked', async () => {
    const token = await issuer.sign(DEMO_USER, { azp: SPA_ORIGIN });
    for (const path of ['/health', '/api/portfolio']) {
      const res = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect(res.status).toBe(200);
      expect(res.headers.get('transfer-encoding')).toBeNull();
      expect(Number(res.headers.get('content-length'))).toBe(bytes.length);
    }
  });

  it('signs in through /local/token and uses the token, verified against the JWKS it serves', async () => {
    const { token } = (await (
      await fetch(`${server.url}/local/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: SPA_ORIGIN },
        body: JSON.stringify({ user_id: DEMO_USER }),
      })
    ).json()) as { token: string };
    const res = await fetch(`${server.url}/api/accounts`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as unknown[]).length).toBe(3);
  });

  it('passes the query string and answers preflight with CORS headers', async () => {
    const token = await issuer.sign(DEMO_USER, { azp: SPA_ORIGIN });
    const search = await fetch(`${server.url}/api/instruments?q=spy&limit=1`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const { items } = (await search.json()) as { items: { symbol: string }[] };
    expect(items.map((i) => i.symbol)).toEqual(['SPY']);
    const preflight = await fetch(`${server.url}/api/accounts`, {
      method: 'OPTIONS',
      headers: { origin: SPA_ORIGIN, 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(200);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(SPA_ORIGIN);
  });

  it('carries a JSON body through to the handler', async () => {
    const token = await issuer.sign('user_over_http', { azp: SPA_ORIGIN });
    const res = await fetch(`${server.url}/api/accounts`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ account_name: 'Over HTTP', cash_balance: 10 }),
    });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { account_name: string }).account_name).toBe('Over HTTP');
  });

  it('rejects a token signed by any other key', async () => {
    const otherDir = await mkdtemp(join(tmpdir(), 'alex-serve-other-'));
    try {
      const stranger = await createLocalIssuer(otherDir);
      const res = await fetch(`${server.url}/api/user`, {
        headers: { authorization: `Bearer ${await stranger.sign(DEMO_USER, { azp: SPA_ORIGIN })}` },
      });
      expect(res.status).toBe(401);
    } finally {
      await rm(otherDir, { recursive: true, force: true });
    }
  });
});
