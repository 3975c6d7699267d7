import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USER, OTHER_ORIGIN, SPA_ORIGIN, startTestApi, type TestApi } from './support.ts';

describe('CORS', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi('pglite');
  });
  afterAll(() => api.close());

  const preflight = (origin: string) =>
    api.call('OPTIONS', '/api/accounts', {
      origin,
      headers: {
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      },
    });

  it('a preflight from the configured origin is answered 200 with that origin, methods and headers', async () => {
    const res = await preflight(SPA_ORIGIN);
    expect(res.status).toBe(200);
    expect(res.headers).toMatchObject({
      'access-control-allow-origin': SPA_ORIGIN,
      'access-control-allow-methods': 'GET,POST,PUT,DELETE,OPTIONS',
      'access-control-allow-headers': 'Authorization,Content-Type',
      vary: 'Origin',
    });
  });

  it('a preflight needs no token', async () => {
    expect((await preflight(SPA_ORIGIN)).body).toBeUndefined();
  });

  it('a preflight from any other origin gets no CORS headers', async () => {
    const res = await preflight(OTHER_ORIGIN);
    expect(Object.keys(res.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
  });

  it('a response to the configured origin names exactly that origin, never *', async () => {
    const res = await api.call('GET', '/api/user', { user: DEMO_USER, origin: SPA_ORIGIN });
    expect(res.headers['access-control-allow-origin']).toBe(SPA_ORIGIN);
  });

  it('errors carry the CORS headers too, so the SPA can read a 401', async () => {
    const res = await api.call('GET', '/api/user', { origin: SPA_ORIGIN });
    expect(res.status).toBe(401);
    expect(res.headers['access-control-allow-origin']).toBe(SPA_ORIGIN);
  });

  it('a response to another origin carries no CORS headers', async () => {
    const res = await api.call('GET', '/api/user', { user: DEMO_USER, origin: OTHER_ORIGIN });
    expect(Object.keys(res.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
  });

  it('an origin that only starts like the configured one is not allowed', async () => {
    const res = await api.call('GET', '/health', { origin: `${SPA_ORIGIN}.evil.example` });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});
