/**
 * The API's base URL, without a trailing slash. Unset: the local API (`pnpm dev`). Set but empty:
 * the site's own origin, as deployed, where CloudFront forwards `/api/*` to the API.
 */
export const API_URL = (import.meta.env.VITE_API_URL ?? 'http://127.0.0.1:8000').replace(/\/+$/, '');

/** Clerk's publishable key, or '' to use the local sign-in backed by the local issuer. */
export const CLERK_PUBLISHABLE_KEY = import.meta.env.VITE_CLERK_PUBLISHABLE_KEY ?? '';
