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
  now?: () => Date;
}

/** Clerk session tokens live 60 s and local ones an hour: nothing legitimate comes near a day. */
export const DEFAULT_MAX_TOKEN_AGE_SECONDS = 24 * 60 * 60;

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
  return {
    async verify(token) {
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, keys, {
          algorithms: ['RS256'],
          issuer: options.issuer,
          clockTolerance: options.clockToleranceSeconds ?? 5,
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
    },
  };
}

/** The token of an `Authorization: Bearer …` header, or {@link UnauthorizedError}. */
export function bearerToken(header: string | undefined): string {
  const match = /^Bearer ([A-Za-z0-9\-_=]+\.[A-Za-z0-9\-_=]*\.[A-Za-z0-9\-_=]*)$/i.exec(header?.trim() ?? '');
  if (!match?.[1]) throw new UnauthorizedError('missing or malformed bearer token');
  return match[1];
}
