import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'portfolio-io', include: ['test/**/*.test.ts'] },
});
