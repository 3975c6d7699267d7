/** The API's base URL, without a trailing slash (default: the local API). */
export const API_URL = (import.meta.env.VITE_API_URL || 'http://127.0.0.1:8000').replace(/\/+$/, '');

/** Clerk's publishable key, or '' to use the local sign-in backed by the local issuer. */
export const CLERK_PUBLISHABLE_KEY = import.meta.env.VITE_CLERK_PUBLISHABLE_KEY ?? '';
