import { defineConfig } from 'vitest/config';

/** One vitest project per workspace package; `pnpm test` runs them all. */
export default defineConfig({
  test: {
    // Node 20 is this project's runtime; the AWS SDK's notice about its future Node 22 floor is noise.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    projects: ['packages/*/vitest.config.ts', 'services/*/vitest.config.ts', '*/vitest.config.ts'],
  },
});
