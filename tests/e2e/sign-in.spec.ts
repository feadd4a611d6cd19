import type { Page, Worker } from '@playwright/test';
import { E2E_CLIENT_ID, expect, test, type ServiceWorkerScope } from './fixtures';
import { secretsIn } from './secrets';

const storageOf = (background: Worker, area: 'local' | 'sync') =>
  background.evaluate((name) => (self as unknown as ServiceWorkerScope).chrome.storage[name].get(null), area);

async function openOptions(page: Page, extensionId: string) {
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.getByTestId('account')).toBeVisible();
}

test('a pasted classic token is checked at once; the popup shows the account with its host; signing out forgets it', async ({
  context,
  page,
  background,
  extensionId,
  world,
  requests,
}) => {
  const token = world.fake.tokens.add(`ghp_${'E2eClassicPublicRepo0'.repeat(2)}`, 'hubot', { kind: 'classic', scopes: ['public_repo'] });
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.getByTestId('account')).toHaveText('Signed out');

  await openOptions(page, extensionId);
  await page.getByLabel('GitHub personal access token').fill(token);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByTestId('sign-in-note')).toHaveText('Signed in as hubot on github.com');
  await expect(page.getByTestId('account')).toContainText('Signed in as hubot on github.com');
  await expect(page.getByTestId('account')).toContainText('personal access token (classic)');
  await expect(page.getByTestId('lacks')).toHaveText('cannot read or write private repositories: the token has public_repo, not repo');
  await expect(page.getByLabel('GitHub personal access token')).toHaveValue('');

  // The check went to the API host, with the token; the positive control for the secrets check.
  const checks = requests.filter((r) => secretsIn(r).some((s) => s.token === token));
  expect(checks.map((r) => [r.method, r.url, r.fromServiceWorker])).toEqual([['GET', 'https://api.github.com/user', true]]);

  await popup.reload();
  await expect(popup.getByTestId('account')).toContainText('Signed in as hubot on github.com');
  const local = (await storageOf(background, 'local')) as { githubAccount: { account: { accessToken: string } } };
  expect(local.githubAccount.account.accessToken).toBe(token);
  expect(await storageOf(background, 'sync')).toEqual({});

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByTestId('account')).toHaveText('Signed out');
  expect(JSON.stringify(await storageOf(background, 'local'))).not.toContain(token);
  await popup.reload();
  await expect(popup.getByTestId('account')).toHaveText('Signed out');
});

test('an expired token is refused in words and nothing is kept', async ({ page, background, extensionId, world }) => {
  const token = world.fake.tokens.add(`ghp_${'E2eExpiredToken00'.repeat(2)}`, 'octocat', { kind: 'expired' });
  await openOptions(page, extensionId);
  await page.getByLabel('GitHub personal access token').fill(token);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByTestId('sign-in-note')).toContainText('GitHub did not accept your token');
  await expect(page.getByTestId('account')).toHaveText('Signed out');
  expect(JSON.stringify(await storageOf(background, 'local'))).not.toContain(token);
});

test('a token GitHub revokes later: options says so, and the popup and the commit list show signed out', async ({ context, page, extensionId, world }) => {
  const token = world.fake.tokens.add(`ghp_${'E2eRevokedLater000'.repeat(2)}`, 'hubot', { kind: 'classic', scopes: ['repo'] });
  await openOptions(page, extensionId);
  await page.getByLabel('GitHub personal access token').fill(token);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByTestId('account')).toContainText('Signed in as hubot on github.com');

  world.fake.tokens.expire(token);
  await page.reload();
  const reason = 'GitHub no longer accepts the token of hubot (it expired or was revoked). Sign in again in Commit Lab’s options.';
  await expect(page.getByTestId('account')).toHaveText(`Signed out: ${reason}`);
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.getByTestId('account')).toHaveText(`Signed out: ${reason}`);

  const list = await context.newPage();
  await list.goto('https://github.com/acme/mnist/commits/main');
  // One reply for the page view says why, once, at the overlay's header; nothing fails row by row.
  const status = list.locator('[data-commit-lab-header]').getByRole('status');
  await expect(status).toHaveCount(1);
  await expect(status).toContainText(reason);
});

test('the device flow: the user code and verification URL are shown, approval on GitHub signs in with an App user token', async ({
  page,
  background,
  extensionId,
  world,
  server,
  requests,
}) => {
  // GitHub asks for 5 s between polls; the fake asks for 1 so the test does not wait long.
  server.waits.deviceIntervalSeconds = 1;
  await openOptions(page, extensionId);
  await page.getByLabel('GitHub App or OAuth App client id').fill(E2E_CLIENT_ID);
  await page.getByRole('button', { name: 'Sign in with GitHub' }).click();
  const shown = page.getByTestId('device-code');
  await expect(shown).toContainText('Enter this code at https://github.com/login/device');
  await expect(shown.getByRole('link')).toHaveAttribute('href', 'https://github.com/login/device');
  const userCode = (await shown.locator('.user-code').textContent())!;
  world.fake.deviceFlow.approve(userCode, 'mona');
  await expect(page.getByTestId('account')).toContainText('Signed in as mona on github.com');
  await expect(page.getByTestId('account')).toContainText('GitHub App user token');
  const local = (await storageOf(background, 'local')) as { githubAccount: { account: { accessToken: string; refreshToken: string } } };
  expect(local.githubAccount.account.accessToken).toMatch(/^ghu_/);
  expect(local.githubAccount.account.refreshToken).toMatch(/^ghr_/);
  expect((await storageOf(background, 'local')) as object).toHaveProperty('deviceClientIds', { 'https://github.com': E2E_CLIENT_ID });

  // GitHub ends the token early; opening options again checks it: a 401, one refresh, signed in still.
  world.fake.userTokens.expireAll('mona');
  await page.reload();
  await expect(page.getByTestId('account')).toContainText('Signed in as mona on github.com');
  const refreshed = (await storageOf(background, 'local')) as { githubAccount: { account: { accessToken: string; refreshToken: string } } };
  expect(refreshed.githubAccount.account.accessToken).not.toBe(local.githubAccount.account.accessToken);
  const refreshes = requests.filter((r) => r.postData?.includes(local.githubAccount.account.refreshToken));
  expect(refreshes.map((r) => [r.method, r.url])).toEqual([['POST', 'https://github.com/login/oauth/access_token']]);
  server.waits.deviceIntervalSeconds = 5;
});

test('at run time the extension holds storage and the GitHub hosts only; optional ones wait for a click', async ({ background }) => {
  const granted = await background.evaluate(() => (self as unknown as ServiceWorkerScope).chrome.permissions.getAll());
  expect(granted.permissions).toEqual(['storage']);
  // The test build adds the loopback host; the release manifest is checked in build-output.spec.ts.
  expect([...granted.origins!].sort()).toEqual(['http://127.0.0.1/*', 'https://api.github.com/*', 'https://github.com/*']);
});
