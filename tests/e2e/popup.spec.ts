import type { BrowserContext, Page, Worker } from '@playwright/test';
import { git } from '../fake-github/git/git-cli';
import { DEMO_OWNER, DEMO_REPO } from '../fake-github/worlds/demo-source';
import { startDemoWorld, type DemoWorld } from '../fake-github/worlds/demo-world';
import { test as base, expect, type ServiceWorkerScope } from './fixtures';
import { signedInStorage } from './signed-in';

// The demo's world: the sample iris project with CI history on main (an experiment trained, its
// results squash-merged by `cml pr`, a CML report) and an open pull request trained the same way.
const test = base.extend<{ openPopup: (url: string) => Promise<Page> }, { demo: DemoWorld }>({
  demo: [
    async ({}, use) => {
      const demo = await startDemoWorld();
      await use(demo);
      await demo.fake.close();
    },
    { scope: 'worker' },
  ],
  world: [async ({ demo }, use) => use({ fake: demo.fake, repo: { main: [], branch: [] } }), { scope: 'worker' }],
  openPopup: async ({ context, page, extensionId }, use) => use((url) => popupOver(context, page, extensionId, url)),
});

const REPO_URL = `https://github.com/${DEMO_OWNER}/${DEMO_REPO}`;
const round = (value: number) => String(Math.round(value * 1e5) / 1e5); // as `dvc metrics show` prints it

async function signIn(background: Worker) {
  await background.evaluate((items) => (self as unknown as ServiceWorkerScope).chrome.storage.local.set(items), signedInStorage('ghp_demo', 'dana-ml'));
}

/**
 * The popup as a user opens it over a GitHub tab: the extension's popup page reads the active tab
 * of its window. Here it is loaded in a second tab of the same window while the GitHub tab is the
 * active one, which is what `tabs.query({active: true, currentWindow: true})` then answers.
 */
async function popupOver(context: BrowserContext, tab: Page, extensionId: string, url: string): Promise<Page> {
  await tab.goto(url);
  const popup = await context.newPage();
  await tab.bringToFront();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const seen = await popup.evaluate(
    async () => (await (globalThis as unknown as ServiceWorkerScope).chrome.tabs.query({ active: true, currentWindow: true }))[0]?.url,
  );
  expect(seen).toBe(url);
  return popup;
}

/** The popup's table, read from the DOM: per row the short SHA, `data-status`, the metric cells by id, the report link. */
async function table(popup: Page) {
  await expect(popup.locator('#recent table')).toBeVisible({ timeout: 30_000 });
  return popup.locator('#recent table').evaluate((t) => ({
    label: t.getAttribute('aria-label'),
    columns: [...t.querySelectorAll('thead th')].map((th) => th.textContent),
    rows: [...t.querySelectorAll('tbody tr')].map((tr) => ({
      sha: tr.getAttribute('data-sha')!,
      short: tr.querySelector('td a')?.textContent,
      status: tr.querySelector('[data-status]')?.getAttribute('data-status'),
      metrics: Object.fromEntries([...tr.querySelectorAll('[data-metric]')].map((td) => [td.getAttribute('data-metric'), td.textContent])),
      report: tr.querySelector('td:last-child a')?.getAttribute('href') ?? null,
    })),
  }));
}

/** What the fake's CI and git say each commit's row must show: its run's conclusion, the metrics CI computed for it (or its tree's), its report. */
function expected(demo: DemoWorld, shas: string[]) {
  const gitDir = demo.repo.git.gitDir;
  return shas.map((sha) => {
    const run = demo.fake.ci!.runs.findLast((r) => r.sha === sha);
    const status = !run ? 'none' : run.workflowRun.conclusion === 'success' ? 'succeeded' : 'failed';
    // A run whose results landed on the list (`cml pr` squash-merged right on top of it) shows the metrics CI computed.
    const landed = run?.results && shas.some((s) => git(gitDir, 'rev-parse', `${s}^`).trim() === sha);
    const metrics = JSON.parse(git(gitDir, 'show', `${landed ? run.results!.commit : sha}:metrics.json`)) as Record<string, number>;
    return {
      sha,
      short: sha.slice(0, 7),
      status,
      metrics: { 'metrics.json:accuracy': round(metrics['accuracy']!), 'metrics.json:f1': round(metrics['f1']!) },
      report: run?.report ? expect.stringContaining(String(run.report.comment.databaseId)) : null,
    };
  });
}

test('signed in, over a branch’s commit list: the account, the branch’s recent experiments as git and CI have them, the rate limit left, Run from the head', async ({
  openPopup,
  background,
  demo,
}) => {
  await signIn(background);
  // Requests already spent this hour: the popup must show the fake's own count.
  const graphql = demo.fake.store.rateBucket('dana-ml', 'graphql');
  graphql.used = 4321;
  const popup = await openPopup(`${REPO_URL}/commits/main`);
  await expect(popup.getByTestId('account')).toContainText('Signed in as dana-ml on github.com');

  const shas = git(demo.repo.git.gitDir, 'rev-list', '-n', '5', 'main').trim().split('\n');
  const seen = await table(popup);
  expect(seen.label).toBe('Recent experiments on main');
  expect(seen.columns).toEqual(['Commit', 'Status', 'accuracy', 'f1', 'Report']);
  expect(seen.rows).toEqual(expected(demo, shas));
  // The experiment CI trained on main: succeeded, with its report.
  expect(seen.rows.find((r) => r.sha === demo.trained)).toMatchObject({ status: 'succeeded', report: expect.any(String) });

  const line = await popup.locator('[data-rate-limit]').textContent();
  const [, left, limit] = /GraphQL ([\d,]+) of ([\d,]+)/.exec(line ?? '')!.map((n) => Number(n.replaceAll(',', '')));
  expect(limit).toBe(graphql.limit);
  // Asked once, while the popup's other reads were under way: between what is left now and what was left before.
  expect(left).toBeLessThanOrEqual(graphql.limit - 4321);
  expect(left).toBeGreaterThanOrEqual(graphql.limit - graphql.used);

  const head = shas[0]!;
  await expect(popup.getByRole('button', { name: `Run an experiment from ${head.slice(0, 7)}` })).toBeVisible();
});

test('signed in, over a commit page: that commit’s history, and Run opens the Run form for that commit', async ({ openPopup, background, demo }) => {
  await signIn(background);
  const gitDir = demo.repo.git.gitDir;
  // The commit before the one CI trained on main: its params are not main's.
  const sha = git(gitDir, 'rev-parse', `${demo.trained}^`).trim();
  const popup = await openPopup(`${REPO_URL}/commit/${sha}`);
  const seen = await table(popup);
  expect(seen.label).toBe(`Recent experiments on the history of ${sha.slice(0, 7)}`);
  expect(seen.rows).toEqual(expected(demo, git(gitDir, 'rev-list', '-n', '5', sha).trim().split('\n')));

  const opened = popup.context().waitForEvent('page');
  await popup.getByRole('button', { name: `Run an experiment from ${sha.slice(0, 7)}` }).click();
  const form = await opened;
  await form.waitForLoadState();
  expect(new URL(form.url()).searchParams.get('sha')).toBe(sha);
  // The form is seeded from that commit: its params.yaml, not main's.
  const depth = /max_depth: (\d+)/.exec(git(gitDir, 'show', `${sha}:params.yaml`))![1]!;
  expect(depth).not.toBe(/max_depth: (\d+)/.exec(git(gitDir, 'show', 'main:params.yaml'))![1]);
  await expect(form.locator('[data-param="params.yaml:train.max_depth"]')).toHaveValue(depth, { timeout: 30_000 });
});

test('signed in, over a pull request: its commits, newest first, as git and CI have them', async ({ openPopup, background, demo }) => {
  await signIn(background);
  const { number, headRefName, baseRefName } = demo.pullRequest;
  const popup = await openPopup(`${REPO_URL}/pull/${number}`);
  const seen = await table(popup);
  expect(seen.label).toBe(`Recent experiments on pull request #${number}`);
  const shas = git(demo.repo.git.gitDir, 'rev-list', `refs/heads/${baseRefName}..refs/heads/${headRefName}`).trim().split('\n');
  expect(seen.rows).toEqual(expected(demo, shas.slice(0, 5)));
  expect(seen.rows.some((r) => r.status === 'succeeded')).toBe(true);

  // Run starts from the pull request's head commit, naming no base branch (as its Commits tab's rows do).
  const head = shas[0]!;
  const opened = popup.context().waitForEvent('page');
  await popup.getByRole('button', { name: `Run an experiment from ${head.slice(0, 7)}` }).click();
  const form = await opened;
  await form.waitForLoadState();
  const query = new URL(form.url()).searchParams;
  expect([query.get('sha'), query.get('ref')]).toEqual([head, '']);
  await expect(form.locator('[data-param="params.yaml:train.max_depth"]')).toHaveValue(/^\d+$/, { timeout: 30_000 });
  await expect(form.locator('#base')).toHaveValue('');
});

test('signed out: the popup says so and offers to sign in', async ({ openPopup }) => {
  const popup = await openPopup(`${REPO_URL}/commits/main`);
  await expect(popup.getByTestId('account')).toHaveText('Signed out');
  await expect(popup.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expect(popup.locator('#recent')).toHaveText('Sign in to GitHub in Commit Lab’s options to see experiments here.', { timeout: 30_000 });
  await expect(popup.locator('#recent table')).toHaveCount(0);
});
