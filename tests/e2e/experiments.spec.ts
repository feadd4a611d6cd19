import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { generateHistory, type Expected } from '../fake-github/seed/generate';
import { seedRepository } from '../fake-github/seed/repository';
import { CELL_ATTRIBUTE } from '../../lib/page/overlay';
import { test as base, expect, type LoggedBrowserRequest, type ServiceWorkerScope } from './fixtures';

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

async function cellTitles(page: Page): Promise<{ sha: string; title: string }[]> {
  return page
    .locator(CELL)
    .evaluateAll(
      (cells, attribute) => cells.map((c) => ({ sha: c.getAttribute(attribute)!, title: c.querySelector('.commit-lab-cell')!.getAttribute('title')! })),
      CELL_ATTRIBUTE,
    );
}

/** Waits until all 35 cells show their row (not loading). */
async function rowsShown(page: Page) {
  await expect.poll(async () => (await cellTitles(page)).filter((c) => / changed; /.test(c.title)).length, { timeout: 20_000 }).toBe(35);
  return cellTitles(page);
}

test('a 35-commit page of the 1,000-commit history: rows in ≤ 3 API requests cold, none on a reload', async ({ page, background, requests, history }) => {
  await background.evaluate((token) => (self as unknown as ServiceWorkerScope).chrome.storage.local.set({ githubToken: token }), TOKEN);
  const main = history.expected.branches[history.expected.defaultBranch]!;
  const tip = history.oidOf.get(main[0]!)!;
  // GitHub's "Older" link: rows 701–735 of main's log, where the metrics are in git.
  await page.goto(`https://github.com/acme/long/commits/main?after=${tip}+699`);
  const cold = await rowsShown(page);
  const byName = new Map(history.expected.commits.map((c) => [c.name, c]));
  const nameOf = new Map([...history.oidOf].map(([name, oid]) => [oid, name]));
  expect(cold.map((c) => nameOf.get(c.sha))).toEqual(main.slice(700, 735));
  for (const { sha, title } of cold) {
    const commit = byName.get(nameOf.get(sha)!)!;
    // Derived commits change exactly one param; the first metric is the generator's avg_prec.
    if (commit.kind === 'run' || commit.kind === 'edit') expect(title).toContain(': 1 param changed; ');
    const metric = Object.entries(commit.metrics ?? {})[0];
    if (metric) expect(title).toContain(`${metric[0]} = ${metric[1]}`);
  }
  const coldApi = api(requests);
  expect(coldApi.every((r) => r.fromServiceWorker)).toBe(true);
  expect(coldApi.length).toBeLessThanOrEqual(3);
  console.log(`[experiments e2e] cold: ${coldApi.length} API requests (${coldApi.map((r) => `${r.method} ${new URL(r.url).pathname}`).join(', ')})`);

  requests.length = 0;
  await page.reload();
  expect(await rowsShown(page)).toEqual(cold);
  expect(api(requests)).toEqual([]);
});

test('a repository the token cannot read: every cell says so, from one request', async ({ page, background, requests, world }) => {
  await background.evaluate((token) => (self as unknown as ServiceWorkerScope).chrome.storage.local.set({ githubToken: token }), TOKEN);
  world.fake.tokens.add(TOKEN, 'stranger', { kind: 'classic', scopes: ['repo'] });
  world.fake.store.repository('acme', 'mnist')!.isPrivate = true;
  try {
    await page.goto('https://github.com/acme/mnist/commits/main');
    await expect
      .poll(async () => (await cellTitles(page)).filter((c) => c.title.endsWith('GitHub cannot find acme/mnist, or your token cannot read it.')).length)
      .toBe(35);
    expect(api(requests)).toHaveLength(1);
  } finally {
    world.fake.store.repository('acme', 'mnist')!.isPrivate = false;
    world.fake.tokens.add(TOKEN, 'octocat', { kind: 'classic', scopes: ['repo', 'workflow'] });
  }
});
