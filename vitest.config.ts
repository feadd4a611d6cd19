import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'node',
    globals: true,
    include: [
      'tests/unit/**/*.test.{ts,tsx}',
      'lib/**/*.test.{ts,tsx}',
      'components/**/*.test.{ts,tsx}',
      'entrypoints/**/*.test.{ts,tsx}',
      'tests/fake-github/**/*.test.ts',
    ],
    restoreMocks: true,
    unstubGlobals: true,
    testTimeout: 30_000,
  },
});
