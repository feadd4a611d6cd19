import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { generateHistory, type Expected } from '../fake-github/seed/generate';
import { seedRepository } from '../fake-github/seed/repository';
import { CELL_ATTRIBUTE } from '../../lib/page/overlay';
import { test as base, expect, type LoggedBrowserRequest, type ServiceWorkerScope } from './fixtures';
import { signedInStorage } from './signed-in';

/** The usual world plus the generated 1,000-commit history as `acme/long` (tests/fake-github/seed/generate.ts). */
const test = base.extend<Record<never, never>, { history: { expected: Expected; oidOf: Map<string, string> } }>({
  history: [
    async ({ world }, use) => {
      const dir = await mkdtemp(join(tmpdir(), 'e2e-history-'));
      const expected = await generateHistory(join(dir, 'history'), 1000);
      const { seed } = await seedRepository(world.fake.store, { owner: 'acme', name: 'long', folder: join(dir, 'history'), root: world.fake.root });
      await use({ expected, oidOf: new Map(seed.commits.map((c) => [c.name, c.oid])) });
      await rm(dir, { recursive: true, force: true });
    },
    { scope: 'worker', timeout: 120_000 },
  ],
});

const TOKEN = 'ghp_e2eExperiments0123456789';
const CELL = `[${CELL_ATTRIBUTE}]`;
const api = (requests: LoggedBrowserRequest[]) => requests.filter((r) => new URL(r.url).host === 'api.github.com');

/** What each row's cell shows once drawn: the changed-params chip and every metric cell's value, read through the open shadow roots. */
async function cellsShown(page: Page): Promise<{ sha: string; loading: boolean; chip: string; metrics: Record<string, string> }[]> {
  return page.locator(CELL).evaluateAll(
    (cells, attribute) =>
      cells.map((c) => {
        const root = c.shadowRoot!;
        return {
          sha: c.getAttribute(attribute)!,
          loading: root.querySelector('.cl-skeleton') !== null,
          chip: root.querySelector('.cl-chip-text')?.textContent ?? '',
          metrics: Object.fromEntries(
            [...root.querySelectorAll('[data-metric]')].map((m) => [m.getAttribute('data-metric')!, m.querySelector('.cl-value')?.textContent ?? '']),
          ),
        };
      }),
    CELL_ATTRIBUTE,
  );
}

/** Waits until all 35 cells show their row (not loading). */
async function rowsShown(page: Page) {
  await expect.poll(async () => (await cellsShown(page)).filter((c) => !c.loading).length, { timeout: 20_000 }).toBe(35);
  return cellsShown(page);
}

test('a 35-commit page of the 1,000-commit history: rows in ≤ 3 API requests cold, one on a reload (CI, comments, PRs revalidated; nothing at a SHA)', async ({
  page,
  background,
  requests,
  history,
}) => {
  await background.evaluate((items) => (self as unknown as ServiceWorkerScope).chrome.storage.local.set(items), signedInStorage(TOKEN));
  const main = history.expected.branches[history.expected.defaultBranch]!;
  const tip = history.oidOf.get(main[0]!)!;
  // GitHub's "Older" link: rows 701–735 of main's log, where the metrics are in git.
  await page.goto(`https://github.com/acme/long/commits/main?after=${tip}+699`);
  const cold = await rowsShown(page);
  const byName = new Map(history.expected.commits.map((c) => [c.name, c]));
  const nameOf = new Map([...history.oidOf].map(([name, oid]) => [oid, name]));
  expect(cold.map((c) => nameOf.get(c.sha))).toEqual(main.slice(700, 735));
  for (const { sha, chip, metrics } of cold) {
    const commit = byName.get(nameOf.get(sha)!)!;
    // Derived commits change exactly one param; the metric cells show the generator's values as dvc rounds them (5 decimals).
    const change = Object.entries(commit.paramChanges)[0];
    if (commit.kind === 'run' || commit.kind === 'edit') expect(chip).toBe(`${change![0]} ${change![1].from}→${change![1].to}`);
    for (const [id, shown] of Object.entries(metrics)) {
      const want = commit.metrics?.[id.slice(id.lastIndexOf(':') + 1)];
      if (want !== undefined) expect(Math.abs(Number(shown) - want)).toBeLessThanOrEqual(5e-6);
    }
  }
  const coldApi = api(requests);
  expect(coldApi.every((r) => r.fromServiceWorker)).toBe(true);
  expect(coldApi.length).toBeLessThanOrEqual(3);
  console.log(`[experiments e2e] cold: ${coldApi.length} API requests (${coldApi.map((r) => `${r.method} ${new URL(r.url).pathname}`).join(', ')})`);

  requests.length = 0;
  await page.reload();
  expect(await rowsShown(page)).toEqual(cold);
  // Nothing at a SHA is read again: the one request revalidates what changes there (part 2's live fields).
  const warmApi = api(requests);
  expect(warmApi.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual(['POST /graphql']);
  console.log(`[experiments e2e] warm: ${warmApi.length} API request`);
});

test('a repository the token cannot read: the header says so once, from one request', async ({ page, background, requests, world }) => {
  await background.evaluate((items) => (self as unknown as ServiceWorkerScope).chrome.storage.local.set(items), signedInStorage(TOKEN));
  world.fake.tokens.add(TOKEN, 'stranger', { kind: 'classic', scopes: ['repo'] });
  world.fake.store.repository('acme', 'mnist')!.isPrivate = true;
  try {
    await page.goto('https://github.com/acme/mnist/commits/main');
    const header = page.locator('[data-commit-lab-header]');
    await expect(header.getByRole('status')).toHaveText('GitHub cannot find acme/mnist, or your token cannot read it.');
    await expect(page.getByRole('status')).toHaveCount(1);
    // GitHub's page is intact: its rows and links still there and working.
    await expect(page.locator('li[data-testid="commit-row-item"]')).toHaveCount(35);
    expect(api(requests)).toHaveLength(1);
  } finally {
    world.fake.store.repository('acme', 'mnist')!.isPrivate = false;
    world.fake.tokens.add(TOKEN, 'octocat', { kind: 'classic', scopes: ['repo', 'workflow'] });
  }
});

test('a repository without DVC: nothing of ours stays on the page, after one request; GitHub’s page intact', async ({ page, background, requests }) => {
  await background.evaluate((items) => (self as unknown as ServiceWorkerScope).chrome.storage.local.set(items), signedInStorage(TOKEN));
  // acme/mnist has no dvc.yaml on main (only its branch does).
  await page.goto('https://github.com/acme/mnist/commits/main');
  await expect(page.locator('li[data-testid="commit-row-item"]')).toHaveCount(35);
  await expect(page.locator('[data-commit-lab-cell], [data-commit-lab-report], [data-commit-lab-header]')).toHaveCount(0);
  expect(api(requests)).toHaveLength(1);
  await page.getByRole('link', { name: 'Older' }).click();
  await expect(page).toHaveURL(/after=/);
  await expect(page.locator('li[data-testid="commit-row-item"]')).toHaveCount(35);
  // The next page of the same repository costs nothing: it is known to have no DVC.
  await expect(page.locator('[data-commit-lab-cell], [data-commit-lab-header]')).toHaveCount(0);
  expect(api(requests)).toHaveLength(1);
});

test('signed in to Commit Lab as another account than GitHub’s page: said once at the header, the rows still drawn', async ({
  page,
  background,
  history,
  world,
}) => {
  // Commit Lab holds a token of another account than the one signed in to GitHub's page.
  await background.evaluate((items) => (self as unknown as ServiceWorkerScope).chrome.storage.local.set(items), signedInStorage(TOKEN, 'stranger'));
  world.fake.tokens.add(TOKEN, 'stranger', { kind: 'classic', scopes: ['repo'] });
  try {
    const main = history.expected.branches[history.expected.defaultBranch]!;
    await page.goto(`https://github.com/acme/long/commits/main?after=${history.oidOf.get(main[0]!)!}+699`);
    const login = await page.locator('meta[name="user-login"]').getAttribute('content');
    expect(login).toBeTruthy();
    const header = page.locator('[data-commit-lab-header]');
    await expect(header.getByRole('status')).toHaveText(`Commit Lab is signed in as stranger, GitHub as ${login}: experiments show what stranger can read.`);
    await expect(page.getByRole('status')).toHaveCount(1);
    expect(await rowsShown(page)).toHaveLength(35);
  } finally {
    world.fake.tokens.add(TOKEN, 'octocat', { kind: 'classic', scopes: ['repo', 'workflow'] });
  }
});

test('GitHub’s API limit used up: the header says until when, once; GitHub’s page intact', async ({ page, background, history, world }) => {
  await background.evaluate((items) => (self as unknown as ServiceWorkerScope).chrome.storage.local.set(items), signedInStorage(TOKEN));
  const fault = world.fake.server.faults.add({ match: { site: 'api' }, action: { kind: 'primary-rate-limit' }, times: 10 });
  try {
    const main = history.expected.branches[history.expected.defaultBranch]!;
    await page.goto(`https://github.com/acme/long/commits/main?after=${history.oidOf.get(main[0]!)!}+699`);
    const header = page.locator('[data-commit-lab-header]');
    await expect(header.getByRole('status')).toHaveText(/^GitHub's API limit is used up until .*\d\d.\d\d.*\.$/);
    await expect(page.getByRole('status')).toHaveCount(1);
    // No row shows a cell of its own failing: the one line above says it for all.
    await expect(page.locator('li[data-testid="commit-row-item"]')).toHaveCount(35);
    await page.getByRole('link', { name: 'Older' }).click();
    await expect(page).toHaveURL(/after=/);
  } finally {
    world.fake.server.faults.remove(fault.id);
  }
});
