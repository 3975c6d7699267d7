import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { base64url, importJWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJwtVerifier } from '../src/auth.ts';
import { UnauthorizedError } from '../src/errors.ts';
import { userRouteRequests } from './routes.ts';
import {
  DEMO_USER,
  ISSUER,
  invoke,
  makeKey,
  SPA_ORIGIN,
  signToken,
  startTestApi,
  type TestApi,
  type TestKey,
} from './support.ts';

let api: TestApi;
let wrongKey: TestKey;

beforeAll(async () => {
  api = await startTestApi('pglite', { localMode: true });
  wrongKey = await makeKey('test-key-1');
});
afterAll(() => api.close());

/** Each way a bearer credential can be bad, as the Authorization header value (or none). */
const BAD_CREDENTIALS: Record<string, () => Promise<string | undefined>> = {
  'no token': async () => undefined,
  malformed: async () => 'Bearer not-a-jwt',
  'not a bearer scheme': async () => `Basic ${Buffer.from('user:pass').toString('base64')}`,
  expired: async () =>
    `Bearer ${await signToken(api.key, { expiresIn: Math.floor(Date.now() / 1000) - 60 })}`,
  'wrong issuer': async () =>
    `Bearer ${await new SignJWT({ azp: SPA_ORIGIN })
      .setProtectedHeader({ alg: 'RS256', kid: api.key.kid })
      .setIssuer('https://attacker.example')
      .setSubject(DEMO_USER)
      .setExpirationTime('5m')
      .sign(api.key.privateKey)}`,
  'wrong key': async () => `Bearer ${await signToken(wrongKey)}`,
  'wrong azp': async () =>
    `Bearer ${await signToken(api.key, { claims: { azp: 'https://evil.example.net' } })}`,
  'alg none': async () => `Bearer ${unsignedToken({ alg: 'none', typ: 'JWT' })}`,
  'HS256 signed with the public key': async () => `Bearer ${await hs256WithPublicKey(api.key)}`,
  'not yet valid': async () =>
    `Bearer ${await signToken(api.key, { claims: { nbf: Math.floor(Date.now() / 1000) + 3600 } })}`,
};

function unsignedToken(header: Record<string, unknown>): string {
  const encode = (value: unknown) => base64url.encode(JSON.stringify(value));
  const now = Math.floor(Date.now() / 1000);
  return `${encode(header)}.${encode({ iss: ISSUER, sub: DEMO_USER, azp: SPA_ORIGIN, exp: now + 300 })}.`;
}

async function hs256WithPublicKey(key: TestKey): Promise<string> {
  const secret = new TextEncoder().encode(JSON.stringify(key.publicJwk));
  return new SignJWT({ azp: SPA_ORIGIN })
    .setProtectedHeader({ alg: 'HS256', kid: key.kid })
    .setIssuer(ISSUER)
    .setSubject(DEMO_USER)
    .setExpirationTime('5m')
    .sign(secret);
}

describe('every user route rejects a bad credential with 401', () => {
  const cases = userRouteRequests().flatMap((route) =>
    Object.keys(BAD_CREDENTIALS).map((credential) => ({ ...route, credential })),
  );
  it.each(cases)('$method $pattern with $credential → 401', async ({ method, path, credential }) => {
    const authorization = await BAD_CREDENTIALS[credential]?.();
    const before = await api.repos.accounts.list(DEMO_USER);
    const res = await invoke(api.handle, method, path, {
      body: {},
      headers: authorization ? { authorization } : {},
    });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthorized');
    expect(res.headers['www-authenticate']).toBe('Bearer');
    expect(await api.repos.accounts.list(DEMO_USER)).toEqual(before);
  });
});

describe('valid tokens', () => {
  it('a token signed by the trusted key is accepted and its sub is the user', async () => {
    const res = await api.call('GET', '/api/user', { user: DEMO_USER });
    expect(res.status).toBe(200);
    expect(res.body.clerk_user_id).toBe(DEMO_USER);
  });

  it('a token that expired a moment ago is still accepted within the small leeway', async () => {
    const token = await signToken(api.key, { expiresIn: Math.floor(Date.now() / 1000) - 2 });
    expect((await api.call('GET', '/api/user', { token })).status).toBe(200);
  });

  it('the user id comes only from the token, never from a header or the body', async () => {
    const res = await api.call('PUT', '/api/user', {
      user: DEMO_USER,
      headers: { 'x-user-id': 'user_other_456' },
      body: { display_name: 'Changed Name' },
    });
    expect(res.body.clerk_user_id).toBe(DEMO_USER);
  });
});

describe('JWKS over HTTP', () => {
  let server: Server;
  let url: string;
  let keys: TestKey[];
  let fetches = 0;

  beforeAll(async () => {
    keys = [await makeKey('rotating-1')];
    server = createServer((_req, res) => {
      fetches += 1;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: keys.map((k) => k.publicJwk) }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('caches the key set and refetches it when a token names an unknown kid', async () => {
    const verifier = createJwtVerifier({
      jwks: url,
      issuer: ISSUER,
      authorizedParties: [SPA_ORIGIN],
      jwksCooldownMs: 0,
    });
    const [first] = keys;
    if (!first) throw new Error('no key');
    await verifier.verify(await signToken(first));
    await verifier.verify(await signToken(first));
    expect(fetches).toBe(1);

    const rotated = await makeKey('rotating-2');
    keys = [first, rotated];
    const verified = await verifier.verify(await signToken(rotated, { sub: 'user_rotated' }));

    expect(verified.userId).toBe('user_rotated');
    expect(fetches).toBe(2);
  });

  it('a token from a key the JWKS does not hold is unauthorized', async () => {
    const verifier = createJwtVerifier({ jwks: url, issuer: ISSUER, authorizedParties: [SPA_ORIGIN] });
    const stranger = await makeKey('stranger');
    await expect(verifier.verify(await signToken(stranger))).rejects.toBeInstanceOf(UnauthorizedError);
  });
});

describe('a verified token is trusted again for a short while', () => {
  /** A verifier on a clock the test moves, counting how often it checks a signature. */
  function countingVerifier(start: number) {
    let clock = start;
    const counter = { checks: 0 };
    const verifier = createJwtVerifier({
      jwks: async () => {
        counter.checks += 1;
        return importJWK(api.key.publicJwk, 'RS256');
      },
      issuer: ISSUER,
      authorizedParties: [SPA_ORIGIN],
      now: () => new Date(clock),
    });
    return { verifier, counter, advance: (ms: number) => (clock += ms) };
  }

  it('checks the signature once, again after a minute, and refuses the token once it expires', async () => {
    const issued = Math.floor(Date.now() / 1000);
    const token = await signToken(api.key, { expiresIn: issued + 120 });
    const { verifier, counter, advance } = countingVerifier(issued * 1000);

    await verifier.verify(token);
    const again = await verifier.verify(token);
    expect(again.userId).toBe(DEMO_USER);
    expect(counter.checks).toBe(1);

    advance(61_000);
    await verifier.verify(token);
    expect(counter.checks).toBe(2);

    advance(65_000);
    await expect(verifier.verify(token)).rejects.toBeInstanceOf(UnauthorizedError);
  });

  it('never takes a token whose signature differs from a verified one for it', async () => {
    const token = await signToken(api.key);
    const { verifier } = countingVerifier(Date.now());
    await verifier.verify(token);
    const [header, payload] = token.split('.');
    const forged = `${header}.${payload}.${base64url.encode('not the signature')}`;

    await expect(verifier.verify(forged)).rejects.toBeInstanceOf(UnauthorizedError);
  });
});
