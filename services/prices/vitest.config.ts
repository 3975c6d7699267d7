import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'prices', include: ['test/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000 },
});
