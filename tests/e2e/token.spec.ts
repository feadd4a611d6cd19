import { expect, test, type ServiceWorkerScope } from './fixtures';

test('the popup reflects a token saved in options, which only storage.local holds', async ({ context, background, extensionId }) => {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.getByTestId('token-status')).toHaveText('GitHub token: not set');

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByLabel('GitHub personal access token').fill('ghp_e2eToken123');
  await options.getByRole('button', { name: 'Save' }).click();
  await expect(options.getByRole('status')).toHaveText('Saved');
  await expect(options.getByLabel('GitHub personal access token')).toHaveValue('');

  await popup.reload();
  await expect(popup.getByTestId('token-status')).toHaveText('GitHub token: set');
  expect(await background.evaluate(() => (self as unknown as ServiceWorkerScope).chrome.storage.local.get(null))).toEqual({ githubToken: 'ghp_e2eToken123' });
  expect(await background.evaluate(() => (self as unknown as ServiceWorkerScope).chrome.storage.sync.get(null))).toEqual({});

  await options.getByRole('button', { name: 'Remove token' }).click();
  await expect(options.getByRole('status')).toHaveText('Token removed');
  await popup.reload();
  await expect(popup.getByTestId('token-status')).toHaveText('GitHub token: not set');
});

test('at run time the extension holds storage and the GitHub hosts only; optional ones wait for a click', async ({ background }) => {
  const granted = await background.evaluate(() => (self as unknown as ServiceWorkerScope).chrome.permissions.getAll());
  expect(granted.permissions).toEqual(['storage']);
  // The test build adds the loopback host; the release manifest is checked in build-output.spec.ts.
  expect([...granted.origins!].sort()).toEqual(['http://127.0.0.1/*', 'https://api.github.com/*', 'https://github.com/*']);
});
