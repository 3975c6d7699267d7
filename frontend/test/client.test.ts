import { describe, expect, it, vi } from 'vitest';
import { type ClientAuth, createClient } from '../src/api/client.ts';
import { ApiError, errorMessage } from '../src/api/errors.ts';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

function authWith(overrides: Partial<ClientAuth> = {}): ClientAuth {
  return {
    getToken: async () => 'tok-1',
    refreshToken: async () => null,
    onUnauthorized: vi.fn(),
    ...overrides,
  };
}

describe('createClient', () => {
  it('sends the bearer token on every request', async () => {
    const fetch = vi.fn(async () => json(200, { ok: true }));
    const request = createClient({ baseUrl: 'http://api', auth: authWith(), fetch });

    await request('GET', '/api/user');

    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('http://api/api/user');
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer tok-1');
  });

  it('sends a JSON body with its content type', async () => {
    const fetch = vi.fn(async () => json(201, { id: 'a1' }));
    const request = createClient({ baseUrl: 'http://api', auth: authWith(), fetch });

    await request('POST', '/api/accounts', { account_name: 'IRA' });

    const [, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(init.body).toBe('{"account_name":"IRA"}');
    expect((init.headers as Record<string, string>)['Content-Type']).toBe('application/json');
  });

  it('retries a 401 once with a fresh token', async () => {
    const fetch = vi
      .fn()
      .mockResolvedValueOnce(json(401, {}))
      .mockResolvedValueOnce(json(200, { id: 'u' }));
    const auth = authWith({ refreshToken: async () => 'tok-2' });
    const request = createClient({ baseUrl: 'http://api', auth, fetch });

    const body = await request<{ id: string }>('GET', '/api/user');

    expect(body.id).toBe('u');
    const [, retry] = fetch.mock.calls[1] as unknown as [string, RequestInit];
    expect((retry.headers as Record<string, string>).Authorization).toBe('Bearer tok-2');
    expect(auth.onUnauthorized).not.toHaveBeenCalled();
  });

  it('refreshes the token once for parallel requests that all meet a 401', async () => {
    const fetch = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) =>
      new Headers(init?.headers).get('authorization') === 'Bearer tok-2' ? json(200, {}) : json(401, {}),
    );
    const refreshToken = vi.fn(async () => 'tok-2');
    const request = createClient({ baseUrl: 'http://api', auth: authWith({ refreshToken }), fetch });

    await Promise.all([
      request('GET', '/api/user'),
      request('GET', '/api/portfolio'),
      request('GET', '/api/jobs'),
    ]);

    expect(refreshToken).toHaveBeenCalledTimes(1);
  });

  it('sends the user to sign in when the API still answers 401', async () => {
    const unauthorized = { error: { code: 'unauthorized', message: 'Token expired' } };
    const fetch = vi.fn(async () => json(401, unauthorized));
    const auth = authWith({ refreshToken: async () => 'tok-2' });
    const request = createClient({ baseUrl: 'http://api', auth, fetch });

    await expect(request('GET', '/api/user')).rejects.toMatchObject({ status: 401, code: 'unauthorized' });
    expect(auth.onUnauthorized).toHaveBeenCalledTimes(1);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('turns an error body into an ApiError with the field details', async () => {
    const body = {
      error: {
        code: 'validation_error',
        message: 'Invalid request',
        details: [{ field: 'quantity', message: 'must be greater than 0' }],
      },
    };
    const request = createClient({
      baseUrl: 'http://api',
      auth: authWith(),
      fetch: async () => json(400, body),
    });

    const error = await request('POST', '/api/positions', {}).catch((err: unknown) => err);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'validation_error', message: 'Invalid request' });
    expect((error as ApiError).details).toEqual([{ field: 'quantity', message: 'must be greater than 0' }]);
  });

  it('explains a failure whose body is not JSON by its status', async () => {
    const fetch = async () => new Response('<html>Bad gateway</html>', { status: 502 });
    const request = createClient({ baseUrl: 'http://api', auth: authWith(), fetch });

    await expect(request('GET', '/api/user')).rejects.toMatchObject({ status: 502, code: 'http_502' });
  });
});

describe('errorMessage', () => {
  it('names each field the API rejected', () => {
    const error = new ApiError(400, 'validation_error', 'The request is invalid', [
      { field: 'portfolio', message: 'add at least one position before analysing' },
    ]);

    expect(errorMessage(error)).toBe(
      'The request is invalid (portfolio: add at least one position before analysing).',
    );
  });

  it('turns a quota 429 into the API message and when to try again, from Retry-After', async () => {
    const fetch = vi.fn(
      async () =>
        new Response(
          JSON.stringify({
            error: {
              code: 'too_many_requests',
              message: 'You have used your 10 analyses for today; you can start another later',
            },
          }),
          { status: 429, headers: { 'Content-Type': 'application/json', 'Retry-After': '10800' } },
        ),
    );
    const request = createClient({ baseUrl: 'http://api', auth: authWith(), fetch });

    const err = await request('POST', '/api/analyze', {}).catch((e: unknown) => e);

    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).retryAfterSeconds).toBe(10800);
    expect(errorMessage(err)).toBe(
      'You have used your 10 analyses for today; you can start another later. You can try again in about 3 hours.',
    );
  });
});
