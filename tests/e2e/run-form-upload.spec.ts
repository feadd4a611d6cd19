import { md5Hex } from '../fake-github/dvc/hash';
import { DvcRemoteStore } from '../fake-github/dvc/remote-store';
import { git } from '../fake-github/git/git-cli';
import { expect } from './fixtures';
import { commitAndCancelMidUpload, FAKE_S3, runFormOnS3, signInWithS3Key } from './run-form-s3-world';

const store = new DvcRemoteStore();

/** example-get-started as `acme/egs`, its main moved onto a `.dvc/config` naming the fake's S3 endpoint as the default remote. */
const test = runFormOnS3(store);

test('replacing data/data.xml by upload to S3: the object at its md5 key, the .dvc entry rewritten, one commit; cancelling commits nothing', async ({
  world,
  background,
  context,
  extensionId,
}) => {
  const repo = world.fake.store.repository('acme', 'egs')!;
  const gitDir = repo.git.gitDir;
  const main = () => git(gitDir, 'rev-parse', 'refs/heads/main').trim();
  await signInWithS3Key(background, FAKE_S3(world.fake.url));
  const from = main();
  const form = await context.newPage();
  await form.goto(`chrome-extension://${extensionId}/run.html?owner=acme&repo=egs&sha=${from}&ref=main&login=octocat`);
  const row = form.locator('[data-input="data/data.xml"]');
  await expect(row).toContainText('DVC 3.x hash');

  // Cancelled mid-upload (the fake holds the PUT): nothing committed, nothing stored.
  const slow = new TextEncoder().encode('<xml>slow</xml>\n'.repeat(1000));
  await row.getByLabel('Upload a new file for data/data.xml').setInputFiles({ name: 'data.xml', mimeType: 'application/xml', buffer: Buffer.from(slow) });
  await expect(row.locator('[data-upload]')).toContainText(md5Hex(slow));
  await form.getByLabel('Commit directly to main').check();
  await commitAndCancelMidUpload(form, world.fake.server);
  expect(main()).toBe(from);
  expect(store.get(`files/md5/${md5Hex(slow).slice(0, 2)}/${md5Hex(slow).slice(2)}`)).toBeUndefined();

  // Uploaded: the object at its DVC 3.x key, its bytes' md5 by the fake's own hash; one commit rewriting the entry.
  const bytes = new TextEncoder().encode('<?xml version="1.0"?>\n<posts>\n<row Id="1" Body="new data" />\n</posts>\n');
  const md5 = md5Hex(bytes);
  await row.getByLabel('Upload a new file for data/data.xml').setInputFiles({ name: 'data.xml', mimeType: 'application/xml', buffer: Buffer.from(bytes) });
  await expect(row.locator('[data-upload]')).toContainText(md5);
  await form.getByRole('button', { name: 'Commit changes' }).click();
  await expect(form.locator('[data-step]')).toHaveText([/Upload to the DVC remote: done/, /Commit: done/]);
  const stored = store.get(`files/md5/${md5.slice(0, 2)}/${md5.slice(2)}`);
  expect(stored && md5Hex(stored)).toBe(md5);
  const head = main();
  expect(git(gitDir, 'rev-list', '--count', `${from}..${head}`).trim()).toBe('1');
  expect(git(gitDir, 'diff', '--name-only', from, head).trim()).toBe('data/data.xml.dvc');
  const entry = git(gitDir, 'show', `${head}:data/data.xml.dvc`);
  expect(entry).toContain(`- md5: ${md5}\n  size: ${bytes.length}\n`);
});
