import { ClerkUserId } from '@alex/database';
import {
  createRemoteJWKSet,
  type JWTPayload,
  type JWTVerifyGetKey,
  errors as joseErrors,
  jwtVerify,
} from 'jose';
import { UnauthorizedError } from './errors.ts';

/** A caller whose token verified. */
export interface VerifiedUser {
  userId: string;
  claims: JWTPayload;
}

/** Port: turns a bearer token into a user id, or throws {@link UnauthorizedError}. */
export interface TokenVerifier {
  verify(token: string): Promise<VerifiedUser>;
}

/** How to verify Clerk (or local-issuer) session tokens. */
export interface JwtVerifierOptions {
  /** The JWKS URL (cached, refetched on an unknown `kid`), or a key resolver (tests). */
  jwks: string | URL | JWTVerifyGetKey;
  issuer: string;
  /** Allowed `azp` values: the exact origins of the SPA. */
  authorizedParties: readonly string[];
  clockToleranceSeconds?: number;
  /** Longest a token may live (`exp - iat`) and oldest it may be (`iat`); default 24 hours. */
  maxTokenAgeSeconds?: number;
  /** Minimum time between JWKS refetches triggered by unknown `kid`s (default 30 s). */
  jwksCooldownMs?: number;
  /** How long a verified token is trusted without checking its signature again (default 60 s; 0: never). */
  verifiedCacheMs?: number;
  now?: () => Date;
}

/** Clerk session tokens live 60 s and local ones an hour: nothing legitimate comes near a day. */
export const DEFAULT_MAX_TOKEN_AGE_SECONDS = 24 * 60 * 60;

/** Verified tokens remembered at once; the oldest is forgotten first. */
const VERIFIED_CACHE_SIZE = 1_000;

// Token failures are 401; a JWKS endpoint that cannot be reached is our failure (500), not the caller's.
const INFRASTRUCTURE_ERRORS = ['ERR_JWKS_TIMEOUT', 'ERR_JWKS_INVALID'];

/**
 * Verifies RS256 session JWTs against a JWKS: signature, `exp`/`nbf` (small leeway), a bounded
 * age and lifetime, issuer, and `azp` in the allow-list. The user id is the verified `sub`, nothing else.
 */
export function createJwtVerifier(options: JwtVerifierOptions): TokenVerifier {
  const keys =
    typeof options.jwks === 'function'
      ? options.jwks
      : createRemoteJWKSet(new URL(options.jwks), {
          cooldownDuration: options.jwksCooldownMs ?? 30_000,
          cacheMaxAge: 10 * 60_000,
          timeoutDuration: 5_000,
        });
  const allowed = new Set(options.authorizedParties);
  const maxAge = options.maxTokenAgeSeconds ?? DEFAULT_MAX_TOKEN_AGE_SECONDS;
  const tolerance = options.clockToleranceSeconds ?? 5;
  const cacheMs = options.verifiedCacheMs ?? 60_000;
  const now = () => (options.now ? options.now() : new Date()).getTime();
  // A browser sends the same token with every request until it expires: its RSA signature check is
  // most of the cost of authenticating, so a token that verified is trusted again for a short while,
  // keyed by its whole text (signature included). Every time-bound check still runs on each use.
  const verified = new Map<string, VerifiedUser & { verifiedAt: number }>();
  const stillGood = (entry: VerifiedUser & { verifiedAt: number }, at: number) => {
    const seconds = at / 1000;
    return (
      at - entry.verifiedAt < cacheMs &&
      seconds <= (entry.claims.exp ?? 0) + tolerance &&
      seconds - (entry.claims.iat ?? 0) <= maxAge + tolerance
    );
  };
  return {
    async verify(token) {
      const at = now();
      const known = verified.get(token);
      if (known && stillGood(known, at)) return { userId: known.userId, claims: known.claims };
      verified.delete(token);
      const user = await verifySignedToken(token);
      if (cacheMs > 0) {
        if (verified.size >= VERIFIED_CACHE_SIZE) verified.delete(verified.keys().next().value as string);
        verified.set(token, { ...user, verifiedAt: at });
      }
      return user;
    },
  };

  async function verifySignedToken(token: string): Promise<VerifiedUser> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        algorithms: ['RS256'],
        issuer: options.issuer,
        clockTolerance: tolerance,
        requiredClaims: ['exp', 'iat', 'sub'],
        maxTokenAge: maxAge,
        ...(options.now ? { currentDate: options.now() } : {}),
      }));
    } catch (err: unknown) {
      if (err instanceof joseErrors.JOSEError && !INFRASTRUCTURE_ERRORS.includes(err.code)) {
        throw new UnauthorizedError(`token rejected: ${err.code}`, { cause: err });
      }
      throw err;
    }
    // jose bounds the age from `iat`; a token minted to live for a century is refused as well.
    if ((payload.exp ?? 0) - (payload.iat ?? 0) > maxAge) {
      throw new UnauthorizedError('token rejected: lifetime longer than allowed');
    }
    if (typeof payload.azp !== 'string' || !allowed.has(payload.azp)) {
      throw new UnauthorizedError('token rejected: azp not allowed');
    }
    const sub = ClerkUserId.safeParse(payload.sub);
    if (!sub.success) throw new UnauthorizedError('token rejected: bad sub');
    return { userId: sub.data, claims: payload };
  }
}

/** The token of an `Authorization: Bearer …` header, or {@link UnauthorizedError}. */
export function bearerToken(header: string | undefined): string {
  const match = /^Bearer ([A-Za-z0-9\-_=]+\.[A-Za-z0-9\-_=]*\.[A-Za-z0-9\-_=]*)$/i.exec(header?.trim() ?? '');
  if (!match?.[1]) throw new UnauthorizedError('missing or malformed bearer token');
  return match[1];
}
