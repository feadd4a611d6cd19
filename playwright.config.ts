import { defineConfig } from '@playwright/test';

// One Chromium at a time: the machines running this have 2 cores shared with others.
export default defineConfig({
  testDir: './tests/e2e',
  timeout: 30_000,
  workers: 1,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  use: { trace: 'retain-on-failure' },
});
