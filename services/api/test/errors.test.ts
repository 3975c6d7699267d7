import { DatabaseError } from '@alex/database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USER, startTestApi, type TestApi } from './support.ts';

describe('errors and request logs', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi('pglite');
  });
  afterAll(() => api.close());

  it('GET /health answers without a token', async () => {
    const res = await api.call('GET', '/health');
    expect(res).toMatchObject({ status: 200, body: { status: 'ok' } });
  });

  it('an unknown path is a 404 in the error shape', async () => {
    const res = await api.call('GET', '/api/nope', { user: DEMO_USER });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: { code: 'not_found', message: 'Not found' } });
  });

  it('a body that is not JSON is a 400 naming the body', async () => {
    const res = await api.call('POST', '/api/accounts', { user: DEMO_USER, rawBody: '{"account_name":' });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ field: '(body)', message: 'must be valid JSON' }]);
  });

  it('text the database cannot store (NUL, unpaired surrogate) is a 400 naming the field', async () => {
    const res = await api.call('POST', '/api/accounts', {
      user: DEMO_USER,
      rawBody: '{"account_name":"a\\u0000b","account_purpose":"\\ud800"}',
    });
    expect(res.status).toBe(400);
    expect(['account_name', 'account_purpose']).toContain(res.body.error.details[0].field);
  });

  it('a base64-encoded body is decoded before parsing', async () => {
    const res = await api.call('PUT', '/api/user', {
      user: DEMO_USER,
      body: { display_name: 'Base Sixty-Four' },
      base64: true,
    });
    expect(res.status).toBe(200);
    expect(res.body.display_name).toBe('Base Sixty-Four');
  });

  it('a database failure is a 500 that leaks neither SQL nor a stack trace', async () => {
    const original = api.repos.accounts.list;
    api.repos.accounts.list = async () => {
      throw new DatabaseError(
        'syntax error at or near "SELECT * FROM accounts WHERE clerk_user_id"',
        '42601',
      );
    };
    try {
      const res = await api.call('GET', '/api/accounts', { user: DEMO_USER });
      expect(res.status).toBe(500);
      expect(res.body).toEqual({
        error: { code: 'internal_error', message: 'Something went wrong on our side' },
      });
      expect(JSON.stringify(res.body)).not.toMatch(/SELECT|at .*\.ts/);
    } finally {
      api.repos.accounts.list = original;
    }
  });

  it('each request logs exactly one structured line with route, status, duration and user id', async () => {
    api.logs.length = 0;
    await api.call('GET', `/api/accounts/${'1'.repeat(8)}-1111-4111-8111-${'1'.repeat(12)}`, {
      user: DEMO_USER,
    });
    expect(api.logs).toHaveLength(1);
    expect(api.logs[0]).toMatchObject({
      message: 'request',
      route: 'GET /api/accounts/{id}',
      status: 404,
      user_id: DEMO_USER,
      request_id: 'req-1',
    });
    expect(typeof api.logs[0]?.duration_ms).toBe('number');
  });

  it('a 500 is logged at error level with the error’s name and message but no stack', async () => {
    api.logs.length = 0;
    const original = api.repos.instruments.page;
    api.repos.instruments.page = async () => {
      throw new Error('boom');
    };
    try {
      await api.call('GET', '/api/instruments', { user: DEMO_USER });
    } finally {
      api.repos.instruments.page = original;
    }
    expect(api.logs).toHaveLength(1);
    expect(api.logs[0]).toMatchObject({
      level: 'error',
      status: 500,
      err: { name: 'Error', message: 'boom' },
    });
    expect(JSON.stringify(api.logs[0])).not.toContain('stack');
  });
});
