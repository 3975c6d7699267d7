/** Local-mode defaults, shared by the environment reader and the local issuer (no code, only names). */
/** The `iss` of local tokens. */
export const LOCAL_ISSUER_URL = 'http://127.0.0.1:8000/local-issuer';
/** Where the local API serves the local issuer's public keys. */
export const LOCAL_JWKS_URL = 'http://127.0.0.1:8000/.well-known/jwks.json';
/** The local SPA's origin as `pnpm dev` prints it: the default `azp` of local tokens. */
export const LOCAL_SPA_ORIGIN = 'http://127.0.0.1:5173';
/**
 * Every address the local SPA is opened at (the same Vite server): the default CORS origins and
 * authorized parties, so `http://localhost:5173` signs in as well as `http://127.0.0.1:5173`.
 */
export const LOCAL_SPA_ORIGINS: readonly string[] = [LOCAL_SPA_ORIGIN, 'http://localhost:5173'];
