import { defineProject } from 'vitest/config';

export default defineProject({
  // Embedded PGlite takes a while to start on a busy machine.
  test: { name: 'market-data', include: ['test/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 120_000 },
});
