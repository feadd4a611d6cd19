import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import { expect, type ServiceWorkerScope } from './fixtures';
import { LIST, overlayTest as test, secondPage } from './overlay-world';

// The overlay on the generated history of acme/egs (real example-get-started snapshots and the
// commits derived from them), signed in with a token, every value checked against expected.json.

/** What the overlay shows in each row, read through the DOM (open shadow roots) alone. */
function readRows(page: Page) {
  return page.locator('li[data-testid="commit-row-item"]').evaluateAll((rows) =>
    rows.map((row) => {
      const cell = row.querySelector('[data-commit-lab-cell]')?.shadowRoot;
      const report = row.querySelector('[data-commit-lab-report]')?.shadowRoot;
      return {
        sha: row.getAttribute('data-commit-link')!.split('/').pop()!,
        metrics: Object.fromEntries(
          [...(cell?.querySelectorAll('[data-metric]') ?? [])].map((m) => [
            m.getAttribute('data-metric')!,
            { value: m.querySelector('.cl-value')?.textContent ?? null, delta: m.querySelector('.cl-delta')?.textContent ?? null },
          ]),
        ),
        chip: cell?.querySelector('.cl-chip:not(.cl-skeleton)')?.textContent ?? null,
        unreproduced: cell?.querySelector('.cl-chip')?.getAttribute('data-unreproduced') === 'true',
        status: cell?.querySelector('[data-status]')?.getAttribute('data-status') ?? null,
        report: report?.querySelector('[data-report-url]')?.getAttribute('data-report-url') ?? null,
        loading: !!cell?.querySelector('.cl-skeleton'),
      };
    }),
  );
}

const near = (text: string | null, value: number, tolerance: number) => text !== null && Math.abs(Number(text) - value) <= tolerance;

test('cells show each commit’s metrics, change against its parent and changed params, as expected.json says', async ({ page, overlay, signedIn }) => {
  void signedIn;
  await page.goto(secondPage(overlay));
  const pageShas = overlay.mainNewestFirst.slice(35, 70);
  await expect.poll(async () => (await readRows(page)).filter((r) => !r.loading).length, { timeout: 30_000 }).toBe(35);
  const rows = await readRows(page);
  expect(rows.map((r) => r.sha)).toEqual(pageShas);
  let checkedValues = 0;
  let checkedDeltas = 0;
  for (const row of rows) {
    const commit = overlay.byOid.get(row.sha)!;
    const parent = overlay.byOid.get(overlay.oidOf.get(commit.parents[0] ?? '') ?? '');
    for (const [id, shown] of Object.entries(row.metrics)) {
      const key = id.slice(id.lastIndexOf(':') + 1);
      const want = commit.metrics?.[key];
      if (want === undefined) {
        expect(shown.value, `${commit.name} ${id}`).toBe('-');
        continue;
      }
      // dvc prints metrics rounded to 5 decimals.
      expect(near(shown.value, want, 5e-6), `${commit.name} ${id}: ${shown.value} vs ${want}`).toBe(true);
      checkedValues++;
      const before = parent?.metrics?.[key];
      if (before !== undefined && Math.abs(want - before) > 0) {
        expect(near(shown.delta, want - before, 1e-5), `${commit.name} ${id} change: ${shown.delta} vs ${want - before}`).toBe(true);
        checkedDeltas++;
      }
    }
    const changes = Object.entries(commit.paramChanges);
    if (changes.length === 0) expect(row.chip, commit.name).toBe('');
    else {
      const [key, { from, to }] = changes[0]!;
      expect(row.chip, commit.name).toContain(`${key} ${from}→${to}`);
    }
    // A Studio-style edit changes params.yaml only: dvc.lock still records the old value.
    if (commit.kind === 'edit') expect(row.unreproduced, commit.name).toBe(true);
  }
  expect(checkedValues).toBeGreaterThan(20);
  expect(checkedDeltas).toBeGreaterThan(5);
});

test('column picker, baseline and delta mode change the cells and survive a reload', async ({ page, overlay, signedIn }) => {
  void signedIn;
  await page.goto(secondPage(overlay));
  await expect.poll(async () => (await readRows(page)).some((r) => Object.values(r.metrics).some((m) => m.value !== '-')), { timeout: 30_000 }).toBe(true);
  const header = page.locator('[data-commit-lab-header]');
  await header.getByRole('button', { name: 'Columns' }).click();
  const boxes = header.locator('input[type="checkbox"][data-column^="metric:"]');
  const first = (await boxes.first().getAttribute('data-column'))!.slice('metric:'.length);
  await boxes.first().uncheck();
  await expect.poll(async () => (await readRows(page))[0]!.metrics[first]).toBeUndefined();
  await header.getByLabel('Change as').selectOption('percent');
  await expect.poll(async () => (await readRows(page)).some((r) => Object.values(r.metrics).some((m) => m.delta?.endsWith('%')))).toBe(true);
  const baseline = overlay.mainNewestFirst[36]!;
  await header.getByLabel('Compare with').selectOption(baseline);
  // The baseline row has no change against itself.
  await expect.poll(async () => Object.values((await readRows(page))[1]!.metrics).every((m) => m.delta === null)).toBe(true);

  await page.reload();
  await expect
    .poll(async () => (await readRows(page)).some((r) => Object.values(r.metrics).some((m) => m.delta?.endsWith('%'))), { timeout: 30_000 })
    .toBe(true);
  expect((await readRows(page))[0]!.metrics[first]).toBeUndefined();
  await expect(page.locator('[data-commit-lab-header]').getByLabel('Compare with')).toHaveValue(baseline);
});

test('Run opens the run page over the list; Escape closes it and focus returns to the button', async ({ page, overlay, signedIn }) => {
  void signedIn;
  await page.goto(LIST);
  const sha = overlay.mainNewestFirst[0]!;
  const run = page.getByRole('button', { name: `Run an experiment from ${sha.slice(0, 7)}` });
  await run.click();
  const dialog = page.getByRole('dialog', { name: `Run an experiment from ${sha.slice(0, 7)}` });
  await expect(dialog).toBeVisible();
  const frame = page.frameLocator('[data-commit-lab-dialog] iframe');
  await expect(frame.getByRole('heading', { name: 'Run an experiment' })).toBeVisible();
  await expect(frame.locator('[data-param="params.yaml:train.n_est"]')).toBeVisible({ timeout: 30_000 });
  await frame.locator('body').press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(run).toBeFocused();
  await run.click();
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(page.locator('[data-commit-lab-dialog]')).toHaveCount(0);
  await expect(run).toBeFocused();
});

test('the toolbar popup’s question, who is signed in on this tab, is answered by the content script with the page’s login', async ({
  page,
  background,
  signedIn,
}) => {
  void signedIn;
  await page.goto(LIST);
  // Settled first, so no request of the page is still routed to the fake when the test ends.
  await expect.poll(async () => (await readRows(page)).filter((r) => !r.loading).length, { timeout: 30_000 }).toBe(35);
  const login = await page.locator('meta[name="user-login"]').getAttribute('content');
  expect(login).toBeTruthy();
  // As components/PopupRun.tsx asks it (`PAGE_LOGIN_MESSAGE`); the content script runs without webextension-polyfill.
  const answer = await background.evaluate(async (url) => {
    const { chrome } = self as unknown as ServiceWorkerScope;
    const [tab] = await chrome.tabs.query({ url });
    return chrome.tabs.sendMessage(tab!.id!, { type: 'commit-lab:page-login' });
  }, LIST);
  expect(answer).toBe(login);
});

test('without a token: one line at the header with a sign-in button, GitHub’s page intact, no style in head', async ({ page }) => {
  await page.goto(LIST);
  const header = page.locator('[data-commit-lab-header]');
  await expect(header.getByRole('status')).toHaveText(/Sign in to GitHub in Commit Lab’s options/);
  await expect(header.getByRole('status')).toHaveCount(1);
  await expect(page.locator('li[data-testid="commit-row-item"]')).toHaveCount(35);
  // Styles live in shadow roots: nothing of ours in <head> (GitHub's Turbo would reload the page).
  expect(
    await page
      .locator('head style, head link[rel="stylesheet"]')
      .evaluateAll((els) => els.filter((el) => /cl-|commit-lab/.test(el.textContent ?? '') || /chrome-extension:/.test(el.getAttribute('href') ?? '')).length),
  ).toBe(0);
  await page.getByRole('link', { name: 'Older' }).click();
  await expect(page).toHaveURL(/after=/);
});

test('status icons follow the fake’s check runs, the CML icon sits exactly on commits with a report (commit comment, PR comment), titled "CML Report"', async ({
  page,
  overlay,
  signedIn,
}) => {
  void signedIn;
  const { store } = overlay.fake;
  const repo = store.repository('acme', 'egs')!;
  const onPage = overlay.mainNewestFirst.slice(35, 70);
  const [failed, running, queued, cancelled, commented] = [onPage[1]!, onPage[2]!, onPage[3]!, onPage[4]!, onPage[6]!];
  store.addCheckRun(repo, { headSha: onPage[0]!, name: 'train' });
  store.addCheckRun(repo, { headSha: failed, name: 'train', conclusion: 'FAILURE' });
  store.addCheckRun(repo, { headSha: running, name: 'train', status: 'IN_PROGRESS' });
  store.addCheckRun(repo, { headSha: queued, name: 'train', status: 'QUEUED' });
  store.addCheckRun(repo, { headSha: cancelled, name: 'train', conclusion: 'CANCELLED' });
  const watermark = '\n\n![](https://cml.dev/watermark.png "CML watermark")';
  const comment = store.addCommitComment(repo, { commitOid: commented, body: `## Metrics <script>alert(1)</script>${watermark}` });
  await page.goto(secondPage(overlay));
  await expect.poll(async () => (await readRows(page)).filter((r) => !r.loading).length, { timeout: 30_000 }).toBe(35);
  const rows = await readRows(page);
  const status = new Map(rows.map((r) => [r.sha, r.status]));
  expect([onPage[0], failed, running, queued, cancelled].map((sha) => status.get(sha!))).toEqual(['succeeded', 'failed', 'running', 'queued', 'cancelled']);
  expect(rows.filter((r) => r.report !== null).map((r) => [r.sha, r.report])).toEqual([
    [commented, `https://github.com/acme/egs/commit/${commented}#commitcomment-${comment.databaseId}`],
  ]);
  const icon = page.locator(`li[data-commit-link$="${commented}"] [data-commit-lab-report] a`);
  await expect(icon).toHaveAttribute('title', 'CML Report');
  await expect(icon).toHaveAccessibleName('CML Report');

  // A pull request's Commits tab: the report is a PR comment naming the commit (`#<sha>` on CML's watermark).
  // main's newest three commits as a pull request onto a branch at the fourth: its Commits tab lists those three.
  const branchShas = overlay.mainNewestFirst.slice(0, 3);
  await repo.git.updateRef('refs/heads/pr-base', overlay.mainNewestFirst[3]!, null);
  const pr = store.addPullRequest(repo, { title: 'Try it', headRefName: 'main', baseRefName: 'pr-base', headRefOid: branchShas[0]! });
  const prComment = store.addPullRequestComment(pr, { body: `report${watermark.replace('.png', `.png#${branchShas[0]}`)}` });
  await page.goto(`https://github.com/acme/egs/pull/${pr.number}/commits`);
  const prIcon = page.locator(`li[data-commit-link$="${branchShas[0]}"] [data-commit-lab-report] a`);
  await expect(prIcon).toHaveAttribute('title', 'CML Report', { timeout: 30_000 });
  await expect(prIcon).toHaveAttribute('href', `https://github.com/acme/egs/pull/${pr.number}#issuecomment-${prComment.databaseId}`);
  await expect(page.locator('[data-commit-lab-report] a')).toHaveCount(1);
});

test('keyboard: Tab reaches each row’s report link and Run button in row order; axe finds nothing serious in our nodes', async ({
  page,
  overlay,
  signedIn,
}) => {
  void signedIn;
  const { store } = overlay.fake;
  const onPage = overlay.mainNewestFirst.slice(35, 70);
  store.addCommitComment(store.repository('acme', 'egs')!, { commitOid: onPage[0]!, body: 'r\n\n![](https://cml.dev/watermark.png "CML watermark")' });
  await page.goto(secondPage(overlay));
  await expect.poll(async () => (await readRows(page)).filter((r) => !r.loading).length, { timeout: 30_000 }).toBe(35);
  // From the header's last control, Tab walks our controls in page order.
  await page.locator('[data-commit-lab-header]').getByRole('button', { name: 'Refresh experiments' }).focus();
  const reached: string[] = [];
  for (let i = 0; i < 40 && reached.filter((r) => r.startsWith('Run')).length < 3; i++) {
    await page.keyboard.press('Tab');
    const name = await page.evaluate(() => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return el?.getAttribute('aria-label') ?? el?.textContent ?? '';
    });
    if (/^(CML Report|Run an experiment)/.test(name)) reached.push(name.startsWith('CML') ? 'CML Report' : `Run ${name.slice(-7)}`);
  }
  expect(reached).toEqual(['CML Report', `Run ${onPage[0]!.slice(0, 7)}`, `Run ${onPage[1]!.slice(0, 7)}`, `Run ${onPage[2]!.slice(0, 7)}`]);

  await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(context: unknown, options: unknown): Promise<{ violations: { id: string; impact: string; nodes: { html: string; target: unknown[] }[] }[] }>;
        };
      }
    ).axe;
    const include = [...document.querySelectorAll('[data-commit-lab-cell], [data-commit-lab-run], [data-commit-lab-report], [data-commit-lab-header]')].map(
      (el) => [el],
    );
    const result = await axe.run({ include }, { resultTypes: ['violations'] });
    // Ours only: nodes inside our hosts' shadow roots (their target has a shadow step) or the hosts themselves.
    const ours = (n: { target: unknown[] }) => n.target.length > 1 || String(n.target[0]).includes('commit-lab');
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => v.nodes.filter(ours).map((n) => `${v.id}: ${n.html}`));
  });
  expect(violations).toEqual([]);
});
