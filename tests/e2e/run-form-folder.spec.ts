import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { dirHash, md5Dos2unixHex, md5Hex, pythonJsonDumps } from '../fake-github/dvc/hash';
import { DvcRemoteStore } from '../fake-github/dvc/remote-store';
import { git } from '../fake-github/git/git-cli';
import { seriousViolations } from './axe';
import { expect } from './fixtures';
import { commitAndCancelMidUpload, FAKE_S3, runFormOnS3, signInWithS3Key } from './run-form-s3-world';

const store = new DvcRemoteStore();
const IMAGES_DVC = 'outs:\n- md5: 5ea40360f5b4ec688df672a4db9c17d1.dir\n  size: 6\n  nfiles: 2\n  hash: md5\n  path: images\n';
const LEGACY_DVC = 'outs:\n- md5: 5ea40360f5b4ec688df672a4db9c17d1.dir\n  size: 6\n  nfiles: 2\n  path: legacy\n';

/** The S3 world plus two DVC-tracked directories, one DVC 3.x (`hash: md5`) and one 2.x, and a `.dvcignore` hiding `*.tmp`. */
const test = runFormOnS3(store, { 'data/images.dvc': IMAGES_DVC, 'data/legacy.dvc': LEGACY_DVC, '.dvcignore': '*.tmp\n' });

const bytes = (text: string) => new TextEncoder().encode(text);
const IMAGES: Record<string, Uint8Array> = {
  'train.csv': bytes('id,label\r\n1,cat\r\n2,dog\r\n'),
  'sub/pixels.bin': Uint8Array.from([0, 1, 2, 13, 10, 255, 0, 13, 10]),
  'present.txt': bytes('already in the remote\n'),
  'scratch.tmp': bytes('left out by .dvcignore\n'),
};
const LEGACY: Record<string, Uint8Array> = {
  'train.csv': bytes('id,label\r\n3,bird\r\n'),
  'notes.txt': bytes('lf only\n'),
};

async function writeFolder(root: string, files: Record<string, Uint8Array>): Promise<void> {
  for (const [path, data] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), data);
  }
}

// The fake's own node:crypto implementation of DVC's rules is the oracle for every hash below.
const v3Key = (md5: string) => `files/md5/${md5.slice(0, 2)}/${md5.slice(2)}`;
const v2Key = (md5: string) => `${md5.slice(0, 2)}/${md5.slice(2)}`;
const entriesOf = (files: Record<string, Uint8Array>, hash: (b: Uint8Array) => string) =>
  Object.entries(files)
    .filter(([path]) => !path.endsWith('.tmp'))
    .map(([relpath, data]) => ({ md5: hash(data), relpath }));
const sizeOf = (files: Record<string, Uint8Array>) =>
  Object.entries(files)
    .filter(([path]) => !path.endsWith('.tmp'))
    .reduce((sum, [, data]) => sum + data.length, 0);

test('replacing DVC-tracked directories by folders (3.x and 2.x): each object at its key, the .dir manifest as DVC writes it, one commit of the entries; cancelling commits nothing', async ({
  world,
  background,
  context,
  extensionId,
}) => {
  const folders = await mkdtemp(join(tmpdir(), 'run-form-folders-'));
  await writeFolder(join(folders, 'images'), IMAGES);
  await writeFolder(join(folders, 'legacy'), LEGACY);
  const repo = world.fake.store.repository('acme', 'egs')!;
  const gitDir = repo.git.gitDir;
  const main = () => git(gitDir, 'rev-parse', 'refs/heads/main').trim();
  await signInWithS3Key(background, FAKE_S3(world.fake.url));
  // One file of the new folder is in the remote already: its upload is skipped.
  store.put(v3Key(md5Hex(IMAGES['present.txt']!)), IMAGES['present.txt']!);

  const images = entriesOf(IMAGES, md5Hex);
  const legacy = entriesOf(LEGACY, md5Dos2unixHex);
  const imagesDir = dirHash(images);
  const legacyDir = dirHash(legacy);
  // CRLF text makes the generations differ: 2.x hashes it as LF.
  expect(legacy[0]!.md5).not.toBe(md5Hex(LEGACY['train.csv']!));

  const from = main();
  const form = await context.newPage();
  await form.goto(`chrome-extension://${extensionId}/run.html?owner=acme&repo=egs&sha=${from}&ref=main&login=octocat`);
  const imagesRow = form.locator('[data-input="data/images"]');
  const legacyRow = form.locator('[data-input="data/legacy"]');
  await expect(imagesRow).toContainText('DVC 3.x hash');
  await expect(legacyRow).toContainText('DVC 2.x hash');
  await imagesRow.getByLabel('Upload a new folder for data/images').setInputFiles(join(folders, 'images'));
  await expect(imagesRow.locator('[data-upload]')).toContainText(`3 files · ${sizeOf(IMAGES)} B · md5 ${imagesDir} · 1 left out`);
  await legacyRow.getByLabel('Upload a new folder for data/legacy').setInputFiles(join(folders, 'legacy'));
  await expect(legacyRow.locator('[data-upload]')).toContainText(`2 files · ${sizeOf(LEGACY)} B · md5 ${legacyDir}`);
  expect(await seriousViolations(form)).toEqual([]);
  await form.getByLabel('Commit directly to main').check();

  // Cancelled while a PUT is held: nothing committed, no manifest stored.
  await commitAndCancelMidUpload(form, world.fake.server);
  expect(main()).toBe(from);
  expect(store.get(v3Key(imagesDir))).toBeUndefined();
  expect(store.get(v2Key(legacyDir))).toBeUndefined();

  world.fake.server.log.length = 0;
  await form.getByRole('button', { name: 'Commit changes' }).click();
  await expect(form.locator('[data-step]')).toHaveText([/Upload to the DVC remote: done/, /Commit: done/]);

  // Every kept file at its generation's key, its bytes as picked; the ignored one nowhere.
  for (const { relpath, md5 } of images) expect(store.get(v3Key(md5)), relpath).toEqual(IMAGES[relpath]);
  for (const { relpath, md5 } of legacy) expect(store.get(v2Key(md5)), relpath).toEqual(LEGACY[relpath]);
  expect(store.get(v3Key(md5Hex(IMAGES['scratch.tmp']!)))).toBeUndefined();
  const presentPath = `/_s3/egs-data/dvc/${v3Key(md5Hex(IMAGES['present.txt']!))}`;
  expect(world.fake.server.log.filter((r) => r.path === presentPath).map((r) => `${r.method} ${r.status}`)).toEqual(['HEAD 200']);
  // The manifests: DVC's JSON (sorted by relpath, Python's json.dumps), stored under their own md5 with `.dir`.
  for (const [key, entries] of [
    [v3Key(imagesDir), images],
    [v2Key(legacyDir), legacy],
  ] as const) {
    const manifest = store.get(key);
    expect(manifest && new TextDecoder().decode(manifest)).toBe(pythonJsonDumps([...entries].sort((a, b) => (a.relpath < b.relpath ? -1 : 1))));
    expect(manifest && `${md5Hex(manifest)}.dir`).toBe(key.split('/').slice(-2).join(''));
  }
  // The manifest went last for each folder: after every file of it.
  const puts = world.fake.server.log.filter((r) => r.method === 'PUT' && r.status === 200).map((r) => r.path);
  expect(puts.indexOf(`/_s3/egs-data/dvc/${v3Key(imagesDir)}`)).toBeGreaterThan(
    Math.max(...images.map(({ md5 }) => puts.indexOf(`/_s3/egs-data/dvc/${v3Key(md5)}`))),
  );

  // One commit, changing only the two entries: md5 `.dir`, size (sum) and nfiles, nothing else.
  const head = main();
  expect(git(gitDir, 'rev-list', '--count', `${from}..${head}`).trim()).toBe('1');
  expect(git(gitDir, 'diff', '--name-only', from, head).trim().split('\n')).toEqual(['data/images.dvc', 'data/legacy.dvc']);
  expect(git(gitDir, 'show', `${head}:data/images.dvc`)).toBe(
    IMAGES_DVC.replace('5ea40360f5b4ec688df672a4db9c17d1.dir', imagesDir)
      .replace('size: 6', `size: ${sizeOf(IMAGES)}`)
      .replace('nfiles: 2', 'nfiles: 3'),
  );
  expect(git(gitDir, 'show', `${head}:data/legacy.dvc`)).toBe(
    LEGACY_DVC.replace('5ea40360f5b4ec688df672a4db9c17d1.dir', legacyDir).replace('size: 6', `size: ${sizeOf(LEGACY)}`),
  );
  await rm(folders, { recursive: true, force: true });
});
