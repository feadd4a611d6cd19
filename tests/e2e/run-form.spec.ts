import { readProject } from '../../lib/dvc';
import { git } from '../fake-github/git/git-cli';
import { expect, test } from './run-form-world';

const field = (id: string) => `[data-param="${id}"]`;

/** The changed lines of `git diff a b`, without the file headers. */
const changedLines = (gitDir: string, a: string, b: string) =>
  git(gitDir, 'diff', '-U0', a, b)
    .split('\n')
    .filter((l) => /^[-+](?![-+]{2} )/.test(l));

test('two params of example-get-started at an old commit, committed to a new branch: one commit of exactly those two lines, <base>-<sha7>, a pull request with the params table', async ({
  egs,
  world,
}) => {
  const from = egs.seeded(2);
  const form = await egs.openForm(from);
  await expect(form.locator('legend', { hasText: 'params.yaml' })).toBeVisible();
  // Grouped by file and top-level group, the commit's values as defaults.
  for (const group of ['prepare', 'featurize', 'train']) await expect(form.locator('fieldset.params-group > legend', { hasText: group })).toHaveCount(1);
  await expect(form.locator(field('params.yaml:train.n_est'))).toHaveValue('50');
  await expect(form.locator(field('params.yaml:prepare.split'))).toHaveValue('0.2');

  await form.locator(field('params.yaml:train.n_est')).fill('100');
  await form.locator(field('params.yaml:train.min_split')).fill('0.02');
  await expect(form.getByRole('list', { name: 'Changes' }).locator('li')).toHaveText([
    'params.yaml:train.n_est 50 → 100',
    'params.yaml:train.min_split 0.01 → 0.02',
  ]);
  await expect(form.getByLabel('Commit message')).toHaveValue('Update params.yaml:train.n_est, params.yaml:t...'); // Studio's rule: 45 characters, then ...
  const branch = `main-${from.slice(0, 7)}`;
  await expect(form.getByLabel('New branch name')).toHaveValue(branch);
  await expect(form.locator('#branch-check')).toHaveText(`${branch} is free: it will start at ${from.slice(0, 7)}.`);

  await form.getByRole('button', { name: 'Commit changes' }).click();
  await expect(form.getByRole('link', { name: /View pull request #\d+/ })).toBeVisible();
  await expect(form.locator('[data-step]')).toHaveText([/Create the branch: done/, /Commit: done/, /Open the pull request: done/]);

  const head = egs.rev(`refs/heads/${branch}`);
  expect(git(egs.gitDir, 'rev-list', '--count', `${from}..${head}`).trim()).toBe('1');
  expect(egs.rev(`${head}^`)).toBe(from);
  expect(changedLines(egs.gitDir, from, head)).toEqual(['-  n_est: 50', '-  min_split: 0.01', '+  n_est: 100', '+  min_split: 0.02']);
  const pr = world.fake.store.repository('acme', 'egs')!.pullRequests.find((p) => p.headRefName === branch)!;
  expect(pr.baseRefName).toBe('main');
  // The description (Studio's message body), then the params table in Markdown, values as code spans.
  expect(pr.body).toContain('| `params.yaml:train.n_est` | `50` | `100` |');
  expect(pr.body).toContain('| `params.yaml:train.min_split` | `0.01` | `0.02` |');
});

test('the base branch from an old commit whose params file changed since: refused in words, nothing written', async ({ egs }) => {
  const from = egs.seeded(2);
  const head = egs.rev('main');
  const form = await egs.openForm(from);
  await form.locator(field('params.yaml:train.n_est')).fill('75');
  await form.getByLabel('Commit directly to main').check();
  await form.getByRole('button', { name: 'Commit changes' }).click();
  await expect(form.getByRole('alert')).toContainText(
    `params.yaml changed on main since the commit you started from: start again from its head (${head.slice(0, 7)}) so those changes are not undone. Nothing was written.`,
  );
  expect(egs.rev('main')).toBe(head);
});

test('a push between opening the form and committing: re-applying the edits on the new head lands one commit with the same edits', async ({ egs }) => {
  const from = egs.rev('main');
  const form = await egs.openForm(from);
  await form.locator(field('params.yaml:train.n_est')).fill('80');
  await form.getByLabel('Commit directly to main').check();
  const original = git(egs.gitDir, 'show', `${from}:params.yaml`);
  const pushed = await egs.push(original.replace('max_features: 200', 'max_features: 300'), 'More features');

  await form.getByRole('button', { name: 'Commit changes' }).click();
  await expect(form.getByRole('alert')).toContainText('params.yaml changed on main since the commit you started from');
  expect(egs.rev('main')).toBe(pushed);
  await form.getByRole('button', { name: 'Re-apply my changes on the new head' }).click();
  await expect(form.getByRole('status').filter({ hasText: 're-planned' })).toContainText(`re-planned on ${pushed.slice(0, 7)}`);
  await expect(form.locator(field('params.yaml:train.n_est'))).toHaveValue('80');
  await expect(form.locator(field('params.yaml:featurize.max_features'))).toHaveValue('300');
  await expect(form.getByRole('list', { name: 'Changes' }).locator('li')).toHaveText(['params.yaml:train.n_est 50 → 80']);

  await form.getByRole('button', { name: 'Commit changes' }).click();
  await expect(form.getByRole('link', { name: /View commit/ })).toBeVisible();
  const head = egs.rev('main');
  expect(egs.rev(`${head}^`)).toBe(pushed);
  expect(changedLines(egs.gitDir, pushed, head)).toEqual(['-  n_est: 50', '+  n_est: 80']);
});

test('awkward values round-trip exactly, read back with the project reader; an invalid number cannot be submitted', async ({ egs }) => {
  const base = git(egs.gitDir, 'show', 'main:params.yaml');
  const from = await egs.push(
    `${base}\nlabels:\n  a: old\n  b: old\n  c: old\n  d: old\n  e: old\n  f: old\n  opt: null\n  layers: [64, 32]\n`,
    'String params',
  );
  const form = await egs.openForm(from);
  const nEst = form.locator(field('params.yaml:train.n_est'));
  const initial = await nEst.inputValue();
  for (const bad of ['1.5', '1e3x', '0x10', '']) {
    await nEst.fill(bad);
    await expect(nEst).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByRole('button', { name: 'Commit changes' })).toBeDisabled();
  }
  await form.getByRole('button', { name: `Reset params.yaml:train.n_est to ${initial}` }).click();
  await expect(nEst).toHaveValue(initial);

  const strings: Record<string, string> = { a: 'yes', b: '1e3', c: 'null', d: '0x10', e: 'long '.repeat(60).trim(), f: 'ünïcødé — 日本語 🙂' };
  for (const [key, value] of Object.entries(strings)) await form.locator(field(`params.yaml:labels.${key}`)).fill(value);
  await form.locator(field('params.yaml:labels.layers')).fill('[64, 32, 16]');
  await form.locator(field('params.yaml:prepare.split')).fill('1e-3');
  await form.getByLabel('Commit directly to main').check();
  await form.getByRole('button', { name: 'Commit changes' }).click();
  await expect(form.getByRole('link', { name: /View commit/ })).toBeVisible();

  const head = egs.rev('main');
  const paths = git(egs.gitDir, 'ls-tree', '-r', '--name-only', head).split('\n').filter(Boolean);
  const project = await readProject(async (path) => (paths.includes(path) ? git(egs.gitDir, 'show', `${head}:${path}`) : null), paths);
  const value = (key: string) => project.params.find((p) => p.file === 'params.yaml' && p.key === key)?.value;
  for (const [key, text] of Object.entries(strings)) expect(value(`labels.${key}`)).toBe(text);
  expect(value('labels.layers')).toEqual([64, 32, 16]);
  expect(value('labels.opt')).toBeNull();
  expect(value('prepare.split')).toBe(0.001);
  expect(value('train.n_est')).toBe(Number(initial));
});

test('pick another version of data/data.xml from the history: only its .dvc entry changes, read back as that version', async ({ egs }) => {
  const from = egs.seeded(1); // Studio's commit of PR 46: data.xml at 22a1a29… (DVC 2.x entry)
  const form = await egs.openForm(from);
  await form.getByRole('button', { name: 'Other versions of data/data.xml' }).click();
  // The 2021 layout's data.xml, the one other 2.x version in this history.
  const legacy = form.getByRole('radio', { name: /md5 a304afb96060aad90176268345e10355 · 36\.1 MiB · from commit \w{7} · 2021-11-10/ });
  await legacy.check();
  await expect(form.getByRole('list', { name: 'Changes' }).locator('li')).toHaveText(['data/data.xml md5 22a1a293 → a304afb9 (data/data.xml.dvc)']);
  await expect(form.getByLabel('Commit message')).toHaveValue('Update data/data.xml');
  await form.getByLabel('New branch name').fill('pick-data-version');
  await form.getByRole('button', { name: 'Commit changes' }).click();
  await expect(form.getByRole('link', { name: /View pull request/ })).toBeVisible();

  const head = egs.rev('refs/heads/pick-data-version');
  expect(egs.rev(`${head}^`)).toBe(from);
  expect(git(egs.gitDir, 'diff', '--name-only', from, head).trim()).toBe('data/data.xml.dvc');
  const paths = ['data/data.xml.dvc'];
  const project = await readProject(async (path) => (paths.includes(path) ? git(egs.gitDir, 'show', `${head}:${path}`) : null), paths);
  expect(project.inputs.find((i) => i.path === 'data/data.xml')).toMatchObject({
    md5: 'a304afb96060aad90176268345e10355',
    size: 37891850,
    hashGeneration: '2',
  });
});
