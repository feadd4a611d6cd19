import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, open, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GITHUB_FILE_LIMIT, GITHUB_WARNED_SIZE } from '../../lib/experiments/write/git-file-size';
import { startFakeGitHub } from '../fake-github/app';
import { git } from '../fake-github/git/git-cli';
import { writeExampleGetStarted } from '../fake-github/seed/example-get-started';
import { EXAMPLE_GET_STARTED } from '../fake-github/seed/fixtures';
import { expect, test as base } from './run-form-world';

/**
 * The real example-get-started history with `src/train.py` (the train stage's script, a real
 * version from the project's history) in the baseline snapshot's tree and after: a stage input
 * kept in git, which the Run form offers to replace.
 */
const test = base.extend({
  world: [
    async ({}, use) => {
      const seed = await mkdtemp(join(tmpdir(), 'run-form-git-file-'));
      await writeExampleGetStarted(seed);
      await cp(join(EXAMPLE_GET_STARTED, 'scripts-dc68773'), join(seed, '3-baseline'), { recursive: true });
      const fake = await startFakeGitHub({ seeds: [{ owner: 'acme', name: 'egs', folder: seed }] });
      await use({ fake, repo: { main: [], branch: [] } } as never);
      await fake.close();
      await rm(seed, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
});

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Bytes no UTF-8 decoder would keep (NUL, 0xff, a lone continuation byte, a truncated sequence), CR LF, and some Python. */
const BYTES = Buffer.concat([Buffer.from([0x00, 0xff, 0xfe, 0x80, 0xc3, 0x28, 0x0d, 0x0a, 0xe2, 0x82]), Buffer.from('\nprint("trained")\n')]);
const blobOf = (bytes: Buffer) => execFileSync('git', ['hash-object', '--stdin'], { input: bytes }).toString().trim();
const bytesAt = (gitDir: string, rev: string, path: string) => execFileSync('git', [`--git-dir=${gitDir}`, 'cat-file', 'blob', `${rev}:${path}`]);
const refs = (gitDir: string) => git(gitDir, 'for-each-ref', '--format=%(refname) %(objectname)');

/** A file of `size` bytes that takes no disk (sparse): what the chooser is given for GitHub's limits. */
async function sparseFile(dir: string, name: string, size: number): Promise<string> {
  const path = join(dir, name);
  const handle = await open(path, 'w');
  await handle.truncate(size);
  await handle.close();
  return path;
}

test('replace src/train.py of example-get-started at an old commit with binary bytes: one commit whose only change is that file, with exactly those bytes', async ({
  egs,
  world,
}) => {
  const from = egs.seeded(2); // "Create evaluation stage" (baseline 0d46eb4)
  const form = await egs.openForm(from);
  const row = form.locator('[data-git-input="src/train.py"]');
  await expect(row).toContainText('src/train.py · kept in git · used by train');
  // Only what git keeps: data/data.xml and the stage outputs are DVC's, params.yaml has its own editors.
  await expect(form.locator('[data-git-input]')).toHaveCount(1);

  const chooser = row.getByLabel('Replace src/train.py');
  await chooser.setInputFiles({ name: 'train.py', mimeType: 'text/x-python', buffer: BYTES });
  await expect(row.locator('[data-replacement="src/train.py"]')).toContainText(`New content from train.py: ${BYTES.length} B (${BYTES.length} bytes)`);
  await expect(row.locator('[data-size-check]')).toHaveCount(0);
  await expect(form.getByRole('list', { name: 'Changes' }).locator('li')).toHaveText([`src/train.py new content, ${BYTES.length} B (kept in git)`]);
  await expect(form.getByLabel('Commit message')).toHaveValue('Update src/train.py');

  // Reset restores the commit's version; the same file chosen again counts.
  await row.getByRole('button', { name: "Reset to the commit's version" }).click();
  await expect(row.locator('[data-replacement]')).toHaveCount(0);
  await expect(form.getByText('No changes yet.')).toBeVisible();
  await chooser.setInputFiles({ name: 'train.py', mimeType: 'text/x-python', buffer: BYTES });
  await expect(form.getByLabel('Commit message')).toHaveValue('Update src/train.py');

  const branch = `main-${from.slice(0, 7)}`;
  await form.getByRole('button', { name: 'Commit changes' }).click();
  await expect(form.getByRole('link', { name: /View pull request #\d+/ })).toBeVisible();

  const head = egs.rev(`refs/heads/${branch}`);
  expect(git(egs.gitDir, 'rev-list', '--count', `${from}..${head}`).trim()).toBe('1');
  expect(egs.rev(`${head}^`)).toBe(from);
  expect(git(egs.gitDir, 'diff-tree', '-r', '--name-status', '--no-commit-id', from, head).trim()).toBe('M\tsrc/train.py');
  expect(egs.rev(`${head}:src/train.py`)).toBe(blobOf(BYTES));
  expect(bytesAt(egs.gitDir, head, 'src/train.py').equals(BYTES)).toBe(true);
  const pr = world.fake.store.repository('acme', 'egs')!.pullRequests.find((p) => p.headRefName === branch)!;
  expect(pr.body).toContain(`| \`src/train.py\` | — | new content (${BYTES.length} bytes) |`);
  // The bytes handed to the background through the extension's IndexedDB are gone once committed.
  const staged = await form.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const request = indexedDB.open('commit-lab-staged-files');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const count = request.result.transaction('files').objectStore('files').count();
          count.onsuccess = () => resolve(count.result);
        };
      }),
  );
  expect(staged).toBe(0);
});

test('the replaced file changed on main since: refused naming it; re-applied on the new head, the commit carries the chosen bytes', async ({ egs, world }) => {
  const from = egs.rev('main');
  const form = await egs.openForm(from);
  await form
    .locator('[data-git-input="src/train.py"]')
    .getByLabel('Replace src/train.py')
    .setInputFiles({ name: 'mine.py', mimeType: 'text/x-python', buffer: BYTES });
  await form.getByLabel('Commit directly to main').check();

  expect(egs.rev('main')).toBe(from);
  const pushed = await world.fake.store.repository('acme', 'egs')!.git.pushFiles('main', { 'src/train.py': '# their change\n' }, 'Their train.py');

  await form.getByRole('button', { name: 'Commit changes' }).click();
  await expect(form.getByRole('alert')).toContainText(`src/train.py changed on main since the commit you started from`);
  expect(egs.rev('main')).toBe(pushed);
  await form.getByRole('button', { name: 'Re-apply my changes on the new head' }).click();
  await expect(form.getByRole('status').filter({ hasText: 're-planned' })).toContainText(`re-planned on ${pushed.slice(0, 7)}`);
  await expect(form.getByRole('list', { name: 'Changes' }).locator('li')).toHaveText([`src/train.py new content, ${BYTES.length} B (kept in git)`]);
  await form.getByRole('button', { name: 'Commit changes' }).click();
  await expect(form.getByRole('link', { name: /View commit/ })).toBeVisible();

  const head = egs.rev('main');
  expect(egs.rev(`${head}^`)).toBe(pushed);
  expect(git(egs.gitDir, 'diff-tree', '-r', '--name-only', '--no-commit-id', pushed, head).trim()).toBe('src/train.py');
  expect(bytesAt(egs.gitDir, head, 'src/train.py').equals(BYTES)).toBe(true);
});

test("GitHub's limits: above 50 MB a warning in words; above 100 MB the commit is refused in words and nothing is written", async ({ egs, world }) => {
  const dir = await mkdtemp(join(tmpdir(), 'git-file-limit-'));
  try {
    const form = await egs.openForm(egs.seeded(2));
    const row = form.locator('[data-git-input="src/train.py"]');
    const chooser = row.getByLabel('Replace src/train.py');
    const commit = form.getByRole('button', { name: 'Commit changes' });
    await form.getByLabel('New branch name').fill('large-train-py');

    await chooser.setInputFiles(await sparseFile(dir, 'large.py', GITHUB_WARNED_SIZE + 1));
    await expect(row.locator('[data-replacement]')).toContainText('50.0 MiB (52,428,801 bytes)');
    await expect(row.locator('[data-size-check="warned"]')).toHaveText(
      'src/train.py is 50.0 MiB (52,428,801 bytes): GitHub warns about files larger than 50 MB (52,428,800 bytes) and suggests Git LFS or DVC; the commit still goes through.',
    );
    await expect(commit).toBeEnabled();
    // The chooser, the new file's size and the warning are labelled and legible, light and dark.
    await form.evaluate(await readFile(AXE, 'utf8'));
    for (const colorScheme of ['light', 'dark'] as const) {
      await form.emulateMedia({ colorScheme });
      const violations = await form.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (c: Document) => Promise<{ violations: { id: string; impact: string }[] }> } }).axe;
        return (await axe.run(document)).violations.map((v) => ({ id: v.id, impact: v.impact }));
      });
      expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    }

    const before = refs(egs.gitDir);
    world.fake.server.log.length = 0;
    await chooser.setInputFiles(await sparseFile(dir, 'huge.py', GITHUB_FILE_LIMIT + 1));
    const refusal =
      'src/train.py is 100.0 MiB (104,857,601 bytes): GitHub refuses files larger than 100 MB (104,857,600 bytes), so it cannot be committed. Keep it in DVC instead.';
    await expect(row.locator('[data-size-check="refused"]')).toHaveText(refusal);
    await expect(form.getByRole('list', { name: 'Before committing' })).toContainText(refusal);
    await expect(commit).toBeDisabled();
    // Enter in the message field submits the form: still nothing.
    await form.getByLabel('Commit message').press('Enter');
    await expect(commit).toBeDisabled();
    expect(refs(egs.gitDir)).toBe(before);
    expect(world.fake.server.log.filter((r) => r.method !== 'GET' && r.path !== '/graphql')).toEqual([]);
    expect(world.fake.server.log.some((r) => r.operation === 'CreateCommitOnBranch')).toBe(false);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
