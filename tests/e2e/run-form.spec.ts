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
  const from = egs.rev('main~1');
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
