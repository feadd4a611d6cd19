import { chromium } from '@playwright/test';
import { allMatched, matchSelectors, report } from '../../scripts/check-github-dom-browser';
import { routeGitHub } from './browser';
import { expect, test } from './fixtures';

// The drift check against the fake's pages (which follow GitHub's documented DOM): every selector
// matches with its first variant, every row selector in every row.
test('check:github-dom reports every selector matched on the fake’s commit list and PR Commits tab', async ({ server }) => {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const context = await browser.newContext();
    await routeGitHub(context, server);
    const page = await context.newPage();
    for (const url of ['https://github.com/acme/mnist/commits/main', 'https://github.com/acme/mnist/pull/3/commits']) {
      await page.goto(url);
      const matches = await matchSelectors(page);
      expect(allMatched(matches), report(url, matches)).toBe(true);
      const rows = await page.locator('li[data-testid="commit-row-item"]').count();
      expect(matches.find((m) => m.selector === 'rowActions')).toEqual({
        selector: 'rowActions',
        variant: '[data-testid="list-view-item-action-bar-container"]',
        count: rows,
        rows,
      });
      expect(report(url, matches)).toContain('commitRow');
    }
    // A page where GitHub's markup "moved": the row selector misses and the check says so.
    await page.route('https://github.com/acme/mnist/commits/main', async (route) => {
      const response = await route.fetch({ url: `${server.url}/acme/mnist/commits/main`, headers: { 'x-forwarded-host': 'github.com' } });
      await route.fulfill({ response, body: (await response.text()).replaceAll('commit-row-item', 'commit-row-entry') });
    });
    await page.goto('https://github.com/acme/mnist/commits/main');
    const moved = await matchSelectors(page);
    expect(allMatched(moved)).toBe(false);
    expect(report('moved', moved)).toMatch(/commitRow\s+MISSING/);
  } finally {
    await browser.close();
  }
});
