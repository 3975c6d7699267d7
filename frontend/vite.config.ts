import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { prerender } from './scripts/prerender-plugin.ts';

/**
 * Vite for the SPA; the repo's root .env is read (VITE_* only). Recharts, react-markdown and Clerk
 * are reached only through dynamic imports, so they land in chunks of their own, off the first load.
 * `vite build` also pre-renders the landing page (index.html) and the signed-in shell (app.html).
 */
export default defineConfig({
  plugins: [react(), prerender()],
  envDir: fileURLToPath(new URL('..', import.meta.url)),
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  build: {
    target: 'es2022',
    sourcemap: true,
  },
});
