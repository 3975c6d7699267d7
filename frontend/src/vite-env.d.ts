/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Base URL of the Alex API, e.g. https://abc.execute-api.us-east-1.amazonaws.com. */
  readonly VITE_API_URL?: string;
  /** Clerk publishable key; when unset, the SPA uses the local sign-in. */
  readonly VITE_CLERK_PUBLISHABLE_KEY?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
