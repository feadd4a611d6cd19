import { DvcRemoteStore } from '../fake-github/dvc/remote-store';
import { git } from '../fake-github/git/git-cli';
import { seriousViolations } from './axe';
import { expect, fetchFromFake, type ServiceWorkerScope } from './fixtures';
import { runFormOnS3, signInWithS3Key } from './run-form-s3-world';

const store = new DvcRemoteStore();
/** An S3 endpoint on a host the test build's manifest does not name: its permission is the optional `https://*\/*`. */
const ENDPOINT = 'https://s3.remote.test/_s3';
const test = runFormOnS3(store, {}, () => ENDPOINT);

test('an upload to a remote host not yet allowed: the form offers "Allow uploads to <host>", which asks the browser for exactly that origin', async ({
  world,
  server,
  background,
  context,
  extensionId,
  requests,
}) => {
  await context.route('https://s3.remote.test/**', async (route) => route.fulfill({ response: await fetchFromFake(route, server) }));
  const gitDir = world.fake.store.repository('acme', 'egs')!.git.gitDir;
  const main = () => git(gitDir, 'rev-parse', 'refs/heads/main').trim();
  await signInWithS3Key(background, ENDPOINT);
  const from = main();
  const form = await context.newPage();
  await form.goto(`chrome-extension://${extensionId}/run.html?owner=acme&repo=egs&sha=${from}&ref=main&login=octocat`);
  const row = form.locator('[data-input="data/data.xml"]');
  await row
    .getByLabel('Upload a new file for data/data.xml')
    .setInputFiles({ name: 'data.xml', mimeType: 'application/xml', buffer: Buffer.from('<posts/>\n') });
  await expect(row.locator('[data-upload]')).toBeVisible();
  await form.getByLabel('Commit directly to main').check();
  await form.getByRole('button', { name: 'Commit changes' }).click();
  await expect(form.getByRole('alert')).toContainText('Commit Lab may not read from s3.remote.test yet');
  const grant = form.getByRole('button', { name: 'Allow uploads to s3.remote.test' });
  await expect(grant).toBeVisible();
  expect(await seriousViolations(form)).toEqual([]);
  expect(main()).toBe(from);
  expect(requests.some((r) => r.url.startsWith('https://s3.remote.test/'))).toBe(false);

  // Chrome's prompt is browser UI no test can click: the page's permissions.request is wrapped to
  // record what it was asked and to answer as a user refusing would. A grant cannot be given here
  // (no API grants an optional host without that prompt); RunForm.test.tsx covers what follows one.
  await form.evaluate(() => {
    const scope = window as unknown as { asked: unknown[]; chrome: { permissions: { request(p: unknown): Promise<boolean> } } };
    scope.asked = [];
    scope.chrome.permissions.request = (permissions) => (scope.asked.push(permissions), Promise.resolve(false));
  });
  await grant.click();
  await expect(form.getByText('s3.remote.test was not allowed: nothing is uploaded or committed.')).toBeVisible();
  expect(await form.evaluate(() => (window as unknown as { asked: unknown[] }).asked)).toEqual([{ origins: ['https://s3.remote.test/*'] }]);
  // The refusal is remembered by the background (the commit list's rows stop offering the host), and nothing was written.
  await expect
    .poll(() => background.evaluate(() => (self as unknown as ServiceWorkerScope).chrome.storage.local.get('deniedRemoteOrigins')))
    .toEqual({ deniedRemoteOrigins: ['https://s3.remote.test/*'] });
  expect(main()).toBe(from);
  expect(requests.some((r) => r.url.startsWith('https://s3.remote.test/'))).toBe(false);
});
