import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from 'jose';

import { LOCAL_ISSUER_URL, LOCAL_SPA_ORIGIN } from '../local-defaults.ts';

export { LOCAL_ISSUER_URL, LOCAL_JWKS_URL, LOCAL_SPA_ORIGIN, LOCAL_SPA_ORIGINS } from '../local-defaults.ts';

const ALG = 'RS256';
const KEY_FILE = 'signing-key.jwk.json';

/** Options for one local token. */
export interface LocalSignOptions {
  azp?: string;
  /** Seconds, or a jose time span such as `'1h'`. Default one hour. */
  expiresIn?: number | string;
}

/** The local stand-in for Clerk: a dev key pair that signs session tokens verified like Clerk's. */
export interface LocalIssuer {
  readonly issuer: string;
  sign(userId: string, options?: LocalSignOptions): Promise<string>;
  /** The public keys only, as served at `/.well-known/jwks.json`. */
  jwks(): { keys: (JWK & { kty: string })[] };
}

/**
 * Creates the RS256 key pair under `dir` (mode 0600), or loads the one already there, so tokens from
 * `scripts/dev-token.ts` and from the running API agree. Safe when two processes start together.
 */
export async function createLocalIssuer(
  dir: string,
  options: { issuer?: string } = {},
): Promise<LocalIssuer> {
  const privateJwk = await loadOrCreateKey(dir);
  const key = await importJWK(privateJwk, ALG);
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = privateJwk;
  const issuer = options.issuer ?? LOCAL_ISSUER_URL;
  return {
    issuer,
    sign: (userId, signOptions = {}) =>
      new SignJWT({ azp: signOptions.azp ?? LOCAL_SPA_ORIGIN })
        .setProtectedHeader({ alg: ALG, kid: privateJwk.kid ?? '', typ: 'JWT' })
        .setIssuer(issuer)
        .setSubject(userId)
        .setIssuedAt()
        .setNotBefore('0s')
        .setExpirationTime(signOptions.expiresIn ?? '1h')
        .sign(key),
    jwks: () => ({ keys: [{ ...publicJwk, kty: 'RSA', alg: ALG, use: 'sig' }] }),
  };
}

async function loadOrCreateKey(dir: string): Promise<JWK> {
  const file = join(dir, KEY_FILE);
  const existing = await readKey(file);
  if (existing) return existing;
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const { privateKey } = await generateKeyPair(ALG, { extractable: true, modulusLength: 2048 });
  const jwk = await exportJWK(privateKey);
  const created: JWK = { ...jwk, alg: ALG, kid: await calculateJwkThumbprint(jwk) };
  // Write aside, then link into place: link fails if another process got there first, and then we use theirs.
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temp, JSON.stringify(created), { mode: 0o600 });
  try {
    await link(temp, file);
    return created;
  } catch (err: unknown) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    const winner = await readKey(file);
    if (!winner) throw err;
    return winner;
  } finally {
    await unlink(temp).catch(() => {});
  }
}

async function readKey(file: string): Promise<JWK | null> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as JWK;
  } catch (err: unknown) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}
