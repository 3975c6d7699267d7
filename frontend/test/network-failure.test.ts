import { describe, expect, it, vi } from 'vitest';
import { createClient } from '../src/api/client.ts';
import { NetworkError } from '../src/api/errors.ts';

const auth = { getToken: async () => 'tok', refreshToken: async () => null, onUnauthorized: () => {} };

/** A fetch that fails the real request and treats the no-cors health probe as `probe` says. */
function failingFetch(probe: 'answers' | 'fails') {
  return vi.fn(async (_url: string, init?: RequestInit) => {
    if (init?.mode === 'no-cors' && probe === 'answers') return new Response(null, { status: 200 });
    throw new TypeError('Failed to fetch');
  });
}

async function failureOf(fetch: typeof globalThis.fetch, baseUrl = 'http://127.0.0.1:8000') {
  const request = createClient({ baseUrl, auth, fetch });
  return (await request('GET', '/api/user').catch((err: unknown) => err)) as NetworkError;
}

describe('network failures say what failed', () => {
  it('names a refused origin when the API answers a request that needs no CORS', async () => {
    const fetch = failingFetch('answers');

    const error = await failureOf(fetch as unknown as typeof globalThis.fetch);

    expect(error).toBeInstanceOf(NetworkError);
    expect(error.kind).toBe('origin_refused');
    expect(error.message).toContain(`does not accept requests from this address (${window.location.origin})`);
    expect(fetch).toHaveBeenLastCalledWith('http://127.0.0.1:8000/api/health', {
      mode: 'no-cors',
      cache: 'no-store',
    });
  });

  it('says the API is not reachable when nothing answers at all', async () => {
    const error = await failureOf(failingFetch('fails') as unknown as typeof globalThis.fetch);

    expect(error.kind).toBe('unreachable');
    expect(error.message).toMatch(/^Could not reach the Alex API at http:\/\/127\.0\.0\.1:8000.*pnpm dev/);
  });

  it('never blames CORS for a same-origin API', async () => {
    const error = await failureOf(failingFetch('answers') as unknown as typeof globalThis.fetch, '');

    expect(error.kind).toBe('unreachable');
  });
});
