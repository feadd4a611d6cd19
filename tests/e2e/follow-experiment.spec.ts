import path from 'node:path';
import type { Page } from '@playwright/test';
import { startFakeGitHub } from '../fake-github/app';
import { git } from '../fake-github/git/git-cli';
import { test as base, expect, ROOT, type ServiceWorkerScope } from './fixtures';
import { signedInStorage } from './signed-in';

// The sample iris project with the fake's CI really training it: a run stays queued, then
// running, long enough on the system clock for the page to show each state.
const test = base.extend<{ signedIn: void }>({
  world: [
    async ({}, use) => {
      const fake = await startFakeGitHub({
        seeds: [{ owner: 'commit-lab', name: 'iris-lab', folder: path.join(ROOT, 'tests/fake-github/sample') }],
        ci: { timing: { queuedMs: 1500, runMs: 1500 } },
      });
      await use({ fake, repo: { main: [], branch: [] } });
      await fake.close();
    },
    { scope: 'worker' },
  ],
  signedIn: async ({ background }, use) => {
    await background.evaluate((items) => (self as unknown as ServiceWorkerScope).chrome.storage.local.set(items), signedInStorage('ghp_octocat'));
    await use();
  },
});

// CI really trains: on a busy machine a run takes longer than the default 30 s per test.
test.describe.configure({ timeout: 120_000 });

const LIST = 'https://github.com/commit-lab/iris-lab/commits/main';
const field = (id: string) => `[data-param="${id}"]`;

/** What the overlay shows in the row of `sha`, read through the DOM (open shadow roots) alone. */
function rowOf(page: Page, sha: string) {
  return page.locator(`li[data-testid="commit-row-item"][data-commit-link$="/commit/${sha}"]`).evaluateAll((rows) =>
    rows.map((row) => {
      const cell = row.querySelector('[data-commit-lab-cell]')?.shadowRoot;
      const report = row.querySelector('[data-commit-lab-report]')?.shadowRoot;
      return {
        title: row.querySelector('h4.markdown-title a')?.textContent ?? null,
        status: cell?.querySelector('[data-status]')?.getAttribute('data-status') ?? null,
        metrics: Object.fromEntries(
          [...(cell?.querySelectorAll('[data-metric]') ?? [])].map((m) => [m.getAttribute('data-metric')!, m.querySelector('.cl-value')?.textContent ?? '']),
        ),
        report: report?.querySelector('[data-report-url]')?.getAttribute('data-report-url') ?? null,
        /** Metric cells marked as values of the last reproduction in dvc.lock, not of this commit's params. */
        unreproduced: [...(cell?.querySelectorAll('[data-metric][data-unreproduced]') ?? [])].map((m) => m.getAttribute('data-metric')!).sort(),
        resultsFrom: cell?.querySelector('[data-results-from]')?.getAttribute('data-results-from') ?? null,
      };
    }),
  );
}

/** Watches the row's status until it says succeeded; the statuses it showed on the way (queued and running count as one: CI moving). */
async function statusesUntilSucceeded(page: Page, sha: string, timeout: number, tick?: () => Promise<void>): Promise<string[]> {
  const seen = new Set<string>();
  await expect
    .poll(
      async () => {
        await tick?.();
        const status = (await rowOf(page, sha))[0]?.status ?? null;
        if (status) seen.add(status === 'queued' ? 'running' : status);
        return status;
      },
      { timeout, intervals: [100] },
    )
    .toBe('succeeded');
  return [...seen];
}

/** From main's head row: Run, the given params, commit to main; closes the dialog and returns the new commit's SHA. */
async function runOnMain(page: Page, params: Record<string, string>, gitDir: string): Promise<string> {
  await page.goto(LIST);
  const head = git(gitDir, 'rev-parse', 'refs/heads/main').trim();
  await page.getByRole('button', { name: `Run an experiment from ${head.slice(0, 7)}` }).click();
  const form = page.frameLocator('[data-commit-lab-dialog] iframe');
  for (const [id, value] of Object.entries(params)) await form.locator(field(id)).fill(value);
  await form.getByLabel('Commit directly to main').check();
  await form.getByRole('button', { name: 'Commit changes' }).click();
  await expect(form.locator('[data-step]').last()).toContainText('done');
  // The form's commit is the first on main after the head it started from (CI's results may follow it).
  const sha = git(gitDir, 'rev-list', '--reverse', '--first-parent', `${head}..refs/heads/main`).split('\n')[0]!;
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
  return sha;
}

test('a commit from the Run form appears at the top of the list without a reload, turns succeeded and shows the metrics CI computed', async ({
  page,
  world,
  signedIn,
}) => {
  void signedIn;
  const gitDir = world.fake.store.repository('commit-lab', 'iris-lab')!.git.gitDir;
  const loads: string[] = [];
  page.on('framenavigated', (frame) => frame === page.mainFrame() && loads.push(frame.url()));
  const sha = await runOnMain(page, { 'params.yaml:train.n_est': '3', 'params.yaml:train.max_depth': '1' }, gitDir);
  expect(sha).toMatch(/^[0-9a-f]{40}$/);

  // Our row, first in the list, titled with the commit's message.
  const first = page.locator('li[data-testid="commit-row-item"]').first();
  await expect(first).toHaveAttribute('data-commit-link', `/commit-lab/iris-lab/commit/${sha}`);
  const message = git(gitDir, 'log', '-1', '--format=%s', sha).trim();
  expect(await statusesUntilSucceeded(page, sha, 60_000)).toContain('running');

  const run = world.fake.ci!.runs.find((r) => r.sha === sha && r.event === 'push')!;
  expect(run.error).toBeUndefined();
  const computed = JSON.parse(git(gitDir, 'show', `${run.results!.commit}:metrics.json`)) as Record<string, number>;
  const before = JSON.parse(git(gitDir, 'show', `${sha}^:metrics.json`)) as Record<string, number>;
  expect(computed['accuracy']).not.toBe(before['accuracy']);
  await expect
    .poll(async () => (await rowOf(page, sha))[0]?.metrics, { timeout: 30_000 })
    .toEqual({ 'metrics.json:accuracy': String(computed['accuracy']), 'metrics.json:f1': String(computed['f1']) });
  const row = (await rowOf(page, sha))[0]!;
  expect(row.title).toBe(message);
  // The metrics come from CI's results commit (`cml pr` squashed onto main), folded into the run's row.
  expect(row.resultsFrom).toMatch(/^[0-9a-f]{40}$/);
  expect(git(gitDir, 'show', `${row.resultsFrom}:metrics.json`)).toBe(git(gitDir, 'show', `${run.results!.commit}:metrics.json`));
  await expect.poll(async () => (await rowOf(page, sha))[0]?.report, { timeout: 30_000 }).not.toBeNull();
  // CI reproduced the params: dvc.lock agrees with them, so the values are this commit's own.
  expect((await rowOf(page, sha))[0]!.unreproduced).toEqual([]);
  // Never reloaded: the one load is the list we opened.
  expect(loads).toEqual([LIST]);
});

test('a commit whose CI starts late (no check run on its first read) is followed from none through running to succeeded, without a reload', async ({
  page,
  world,
  signedIn,
}) => {
  void signedIn;
  // The follow backs off while nothing changes (15, 30, 60, 120 s…): on a loaded machine CI's real training may end just after a
  // read, and the next read comes minutes later. Patience, not a measure of speed.
  test.setTimeout(360_000);
  const ci = world.fake.ci!;
  const repo = world.fake.store.repository('commit-lab', 'iris-lab')!;
  const timing = ci.options.timing;
  // GitHub has not started the workflow yet when the row is first read; once started, the run lasts long enough to be seen running.
  ci.options.events = [];
  ci.options.timing = { queuedMs: 1500, runMs: 20_000 };
  try {
    const loads: string[] = [];
    page.on('framenavigated', (frame) => frame === page.mainFrame() && loads.push(frame.url()));
    const sha = await runOnMain(page, { 'params.yaml:train.n_est': '4' }, repo.git.gitDir);
    await expect.poll(async () => (await rowOf(page, sha))[0]?.status, { timeout: 30_000 }).toBe('none');
    expect(ci.runs.some((r) => r.sha === sha)).toBe(false);
    // Not run yet: dvc.lock still records the parent's n_est, so the metrics are marked as the last reproduction's.
    expect((await rowOf(page, sha))[0]!.unreproduced).toEqual(['metrics.json:accuracy', 'metrics.json:f1']);
    ci.options.events = ['push', 'pull_request'];
    expect(await ci.push(repo, 'main')).toMatchObject({ sha });
    // Seen while CI ran, not only once its results commit landed (which redraws the list anyway).
    // The fake's CI is moved by the test too (its timers once fired early and left a run queued, since fixed in the fake's
    // runner): what is tested is the extension following the row, not the fake's timing.
    expect(await statusesUntilSucceeded(page, sha, 300_000, () => ci.settled())).toContain('running');
    const run = ci.runs.find((r) => r.sha === sha && r.event === 'push')!;
    const computed = JSON.parse(git(repo.git.gitDir, 'show', `${run.results!.commit}:metrics.json`)) as Record<string, number>;
    await expect
      .poll(async () => (await rowOf(page, sha))[0]?.metrics, { timeout: 60_000 })
      .toEqual({ 'metrics.json:accuracy': String(computed['accuracy']), 'metrics.json:f1': String(computed['f1']) });
    expect(loads).toEqual([LIST]);
  } finally {
    ci.options.events = ['push', 'pull_request'];
    ci.options.timing = timing;
  }
});

test('params the training refuses: the new row turns failed, and shows no new metrics (no results, no report)', async ({ page, world, signedIn }) => {
  void signedIn;
  const gitDir = world.fake.store.repository('commit-lab', 'iris-lab')!.git.gitDir;
  const sha = await runOnMain(page, { 'params.yaml:train.n_est': '0' }, gitDir);
  await expect.poll(async () => (await rowOf(page, sha))[0]?.status, { timeout: 60_000 }).toBe('failed');
  const run = world.fake.ci!.runs.find((r) => r.sha === sha && r.event === 'push')!;
  expect(run.error).toBeTruthy();
  expect(run.results).toBeUndefined();
  // Nothing from CI: the cells hold what the commit's own tree holds, the parent's metrics.json unchanged.
  const inTree = JSON.parse(git(gitDir, 'show', `${sha}:metrics.json`)) as Record<string, number>;
  expect(inTree).toEqual(JSON.parse(git(gitDir, 'show', `${sha}^:metrics.json`)));
  const row = (await rowOf(page, sha))[0]!;
  expect(row.metrics).toEqual({ 'metrics.json:accuracy': String(inTree['accuracy']), 'metrics.json:f1': String(inTree['f1']) });
  expect(row.resultsFrom).toBeNull();
  expect(row.report).toBeNull();
  // …and says so: dvc.lock still records the parent's params, so these are the last reproduction's values.
  expect(row.unreproduced).toEqual(['metrics.json:accuracy', 'metrics.json:f1']);
});
