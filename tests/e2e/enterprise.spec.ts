import type { BrowserContext, Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchWithExtension } from './browser';
import { EXTENSION_DIR, expect, test, type ServiceWorkerScope } from './fixtures';
import { egsWorldTest } from './overlay-world';

/**
 * The fake GitHub reached directly at http://127.0.0.1:PORT plays a GitHub Enterprise Server: its
 * pages at `/owner/repo/...`, REST at `/api/v3`, GraphQL at `/api/graphql`, OAuth at `/login/...`.
 * The content script is not in the manifest for it: only registering it at run time makes cells.
 */
const cells = (page: Page) => page.locator('[data-commit-lab-cell]');

test('a GitHub Enterprise host added in options gets cells on its commit lists; removing it stops them and gives the permission back', async ({
  context,
  page,
  background,
  extensionId,
  server,
  world,
  requests,
}) => {
  const list = `${server.url}/acme/mnist/commits/main`;
  const tab = await context.newPage();
  await tab.goto(list);
  await expect(tab.locator('li[data-testid="commit-row-item"]').first()).toBeVisible();
  await expect(cells(tab)).toHaveCount(0);

  await page.goto(`chrome-extension://${extensionId}/options.html`);
  const host = new URL(server.url).host;
  await page.getByLabel('GitHub Enterprise Server host').fill(server.url);
  await page.getByRole('button', { name: 'Add host' }).click();
  await expect(page.getByTestId('sign-in-note')).toHaveText(`Commit Lab now runs on ${server.url}`);
  expect((await background.evaluate(() => (self as unknown as ServiceWorkerScope).chrome.permissions.getAll())).permissions).toEqual(['storage', 'scripting']);
  expect(await background.evaluate(() => (self as unknown as ServiceWorkerScope).chrome.scripting.getRegisteredContentScripts())).toMatchObject([
    { id: `enterprise-${host}`, matches: ['http://127.0.0.1/*'], persistAcrossSessions: true },
  ]);

  await tab.reload();
  await expect.poll(() => cells(tab).count()).toBe(35);

  // A token pasted for that host is checked at its /api/v3, never at api.github.com.
  const token = world.fake.tokens.add(`ghp_${'E2eEnterpriseToken0'.repeat(2)}`, 'hubot', { kind: 'classic', scopes: ['repo'] });
  await page.getByLabel('GitHub', { exact: true }).selectOption(server.url);
  await page.getByLabel('GitHub personal access token').fill(token);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByTestId('account')).toContainText(`Signed in as hubot on ${host}`);
  const withToken = requests.filter((r) => r.headers.authorization === `token ${token}`);
  expect(withToken.map((r) => r.url)).toEqual([`${server.url}/api/v3/user`]);
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.getByTestId('account')).toContainText(`Signed in as hubot on ${host}`);

  await page.getByRole('button', { name: `Remove ${host}` }).click();
  await expect(page.getByTestId('sign-in-note')).toHaveText(`Removed ${host}`);
  // The account on that host went with it.
  await expect(page.getByTestId('account')).toHaveText('Signed out');
  // `scripting` went back with the last host (so its API is gone from the background too).
  expect((await background.evaluate(() => (self as unknown as ServiceWorkerScope).chrome.permissions.getAll())).permissions).toEqual(['storage']);
  await tab.reload();
  await expect(tab.locator('li[data-testid="commit-row-item"]').first()).toBeVisible();
  await expect(cells(tab)).toHaveCount(0);
});

test('the registration survives a browser restart', async ({ server }) => {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'commit-lab-restart-'));
  const list = `${server.url}/acme/mnist/commits/main`;
  const extensionIdOf = async (context: BrowserContext) => new URL((context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'))).url()).host;
  try {
    const first = await launchWithExtension(EXTENSION_DIR, true, profile);
    const options = await first.context.newPage();
    await options.goto(`chrome-extension://${await extensionIdOf(first.context)}/options.html`);
    await options.getByLabel('GitHub Enterprise Server host').fill(server.url);
    await options.getByRole('button', { name: 'Add host' }).click();
    await expect(options.getByTestId('sign-in-note')).toHaveText(`Commit Lab now runs on ${server.url}`);
    await first.close();

    const second = await launchWithExtension(EXTENSION_DIR, true, profile);
    try {
      const tab = await second.context.newPage();
      await tab.goto(list);
      await expect.poll(() => cells(tab).count()).toBe(35);
    } finally {
      await second.close();
    }
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
});

// example-get-started's generated history (a DVC project), served by a fake that plays the Enterprise host.
const egsTest = egsWorldTest(40);

egsTest(
  'on an added Enterprise host the Run button opens the Run form framed over its commit list (run.html is web-accessible there)',
  async ({ context, page, extensionId, server, overlay }) => {
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    await page.getByLabel('GitHub Enterprise Server host').fill(server.url);
    await page.getByRole('button', { name: 'Add host' }).click();
    await expect(page.getByTestId('sign-in-note')).toHaveText(`Commit Lab now runs on ${server.url}`);
    const token = overlay.fake.tokens.add(`ghp_${'E2eEnterpriseRun000'.repeat(2)}`, 'hubot', { kind: 'classic', scopes: ['repo'] });
    await page.getByLabel('GitHub', { exact: true }).selectOption(server.url);
    await page.getByLabel('GitHub personal access token').fill(token);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByTestId('account')).toContainText(`Signed in as hubot on ${new URL(server.url).host}`);

    const tab = await context.newPage();
    await tab.goto(`${server.url}/acme/egs/commits/main`);
    const sha = overlay.mainNewestFirst[0]!;
    await tab.getByRole('button', { name: `Run an experiment from ${sha.slice(0, 7)}` }).click();
    await expect(tab.getByRole('dialog', { name: `Run an experiment from ${sha.slice(0, 7)}` })).toBeVisible();
    const frame = tab.frameLocator('[data-commit-lab-dialog] iframe');
    await expect(frame.getByRole('heading', { name: 'Run an experiment' })).toBeVisible();
    // The form read the commit's params through the host's own API.
    await expect(frame.locator('[data-param="params.yaml:train.n_est"]')).toBeVisible({ timeout: 30_000 });
    await frame.locator('body').press('Escape');
    await expect(tab.locator('[data-commit-lab-dialog]')).toHaveCount(0);
  },
);
