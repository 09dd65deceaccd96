import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Build and browser tests share one real build of the default content.
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 240_000,
    // Astro builds write to one cache folder; run test files one at a time in a fork each.
    pool: 'forks',
    fileParallelism: false,
  },
});
