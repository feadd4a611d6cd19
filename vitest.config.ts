import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'node',
    globals: true,
    // Tests live beside their code; `tests/` holds only the fake GitHub's own tests, the
    // repository-wide checks (`tests/*.test.ts`) and the end-to-end specs (Playwright's, not vitest's).
    include: ['{lib,components,entrypoints}/**/*.test.{ts,tsx}', 'tests/fake-github/**/*.test.ts', 'tests/*.test.ts'],
    // @actions/workflow-parser imports its JSON schemas without an import attribute, which Node refuses: let Vite load it.
    server: { deps: { inline: ['@actions/workflow-parser'] } },
    restoreMocks: true,
    unstubGlobals: true,
    testTimeout: 30_000,
  },
});
