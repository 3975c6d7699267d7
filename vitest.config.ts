import { defineConfig } from 'vitest/config';

/** One vitest project per workspace package; `pnpm test` runs them all. */
export default defineConfig({
  test: {
    projects: ['packages/*', 'services/*', 'infra', 'frontend'],
  },
});
