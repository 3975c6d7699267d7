import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'finance', include: ['test/**/*.test.ts'] },
});
