import { defineConfig } from 'vitest/config';

// End-to-end tests: the built extension in real browsers. `npm test` builds it first.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
