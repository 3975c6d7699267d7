import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalJWKSet, decodeJwt, decodeProtectedHeader } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createJwtVerifier } from '../src/auth.ts';
import { UnauthorizedError } from '../src/errors.ts';
import { createLocalIssuer, LOCAL_ISSUER_URL, LOCAL_SPA_ORIGIN } from '../src/local/issuer.ts';

describe('local issuer', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'alex-issuer-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('signs RS256 tokens with the local issuer, the SPA as azp and a one-hour expiry', async () => {
    const token = await (await createLocalIssuer(dir)).sign('user_test_123');
    const claims = decodeJwt(token);
    expect(decodeProtectedHeader(token).alg).toBe('RS256');
    expect(claims).toMatchObject({ iss: LOCAL_ISSUER_URL, sub: 'user_test_123', azp: LOCAL_SPA_ORIGIN });
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(3600);
  });

  it('keeps its key under the directory, readable by the owner only, and reuses it', async () => {
    const first = await createLocalIssuer(dir);
    const second = await createLocalIssuer(dir);
    expect(second.jwks()).toEqual(first.jwks());
    expect((await stat(join(dir, 'signing-key.jwk.json'))).mode & 0o077).toBe(0);
  });

  it('two processes starting at once end up with the same key', async () => {
    const issuers = await Promise.all([
      createLocalIssuer(dir),
      createLocalIssuer(dir),
      createLocalIssuer(dir),
    ]);
    const kids = new Set(issuers.map((i) => i.jwks().keys[0]?.kid));
    expect(kids.size).toBe(1);
  });

  it('tokens from another dev key are rejected by a verifier trusting this one', async () => {
    const other = await mkdtemp(join(tmpdir(), 'alex-issuer-other-'));
    try {
      const trusted = await createLocalIssuer(dir);
      const stranger = await createLocalIssuer(other);
      const verifier = createJwtVerifier({
        jwks: createLocalJWKSet(trusted.jwks()),
        issuer: LOCAL_ISSUER_URL,
        authorizedParties: [LOCAL_SPA_ORIGIN],
      });
      await expect(verifier.verify(await stranger.sign('user_test_123'))).rejects.toBeInstanceOf(
        UnauthorizedError,
      );
      expect((await verifier.verify(await trusted.sign('user_test_123'))).userId).toBe('user_test_123');
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });
});
