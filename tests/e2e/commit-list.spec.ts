import type { Page } from '@playwright/test';
import { CELL_ATTRIBUTE } from '../../lib/page/overlay';
import { selectors } from '../../lib/page/selectors';
import { expect, fetchFromFake, test, type ServiceWorkerScope } from './fixtures';

let mainNewestFirst: string[];
test.beforeAll(({ mnist }) => {
  mainNewestFirst = [...mnist.main].reverse();
});
const LIST = 'https://github.com/acme/mnist/commits/main';
const ROW = selectors.commitRow.variants[0];
const CELL = `[${CELL_ATTRIBUTE}]`;
/** These tests set no token: every cell says so, once the background answered. */

/** Each row's SHA (from its commit link) and the SHAs of the cells inside it. */
async function rowsAndCells(page: Page) {
  return page.locator(ROW).evaluateAll(
    (rows, attribute) =>
      rows.map((row) => ({
        sha: row.getAttribute('data-commit-link')!.split('/').pop()!,
        cells: [...row.querySelectorAll(`[${attribute}]`)].map((cell) => cell.getAttribute(attribute)),
      })),
    CELL_ATTRIBUTE,
  );
}

/** Waits until every row carries exactly one cell for its own commit, and nothing else does. */
async function expectEveryRowMarkedOnce(page: Page, shas: string[]) {
  await expect.poll(() => rowsAndCells(page)).toEqual(shas.map((sha) => ({ sha, cells: [sha] })));
  await expect(page.locator(CELL)).toHaveCount(shas.length);
}

test('every row of a commit list is marked exactly once: cell (with its Run button) and report slot, each in an open shadow root', async ({ page }) => {
  await page.goto(LIST);
  await expectEveryRowMarkedOnce(page, mainNewestFirst.slice(0, 35));
  const hosts = await page.locator(ROW).evaluateAll((rows) =>
    rows.map((row) =>
      ['cell', 'report'].map((slot) => {
        const found = row.querySelectorAll(`[data-commit-lab-${slot}]`);
        return found.length === 1 && found[0]!.shadowRoot?.mode === 'open' && (slot !== 'cell' || !!found[0]!.shadowRoot.querySelector('button.cl-run'));
      }),
    ),
  );
  expect(hosts).toEqual(mainNewestFirst.slice(0, 35).map(() => [true, true]));
  await expect(page.getByRole('button', { name: `Run an experiment from ${mainNewestFirst[0]!.slice(0, 7)}` })).toBeVisible();
});

test("the header takes Primer's light and dark colours", async ({ page }) => {
  await page.goto(LIST);
  const bar = page.locator('[data-commit-lab-header]').locator('.cl-header');
  await expect(bar).toBeVisible();
  // @primer/primitives: fgColor-default, bgColor-muted, borderColor-default in light, then dark.
  const colours = () =>
    bar.evaluate((el) => {
      const style = getComputedStyle(el);
      return [style.color, style.backgroundColor, style.borderTopColor];
    });
  await page.emulateMedia({ colorScheme: 'light' });
  expect(await colours()).toEqual(['rgb(31, 35, 40)', 'rgb(246, 248, 250)', 'rgb(209, 217, 224)']);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await colours()).toEqual(['rgb(240, 246, 252)', 'rgb(21, 27, 35)', 'rgb(61, 68, 77)']);
});

test('Older → Newer → Older by soft navigation marks each row once, with no leftovers', async ({ page, requests }) => {
  await page.goto(LIST);
  await expectEveryRowMarkedOnce(page, mainNewestFirst.slice(0, 35));
  // A full page load would lose this; GitHub's soft navigation keeps it.
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
  const softNavEvents = page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        const seen: string[] = [];
        for (const name of ['soft-nav:start', 'soft-nav:end', 'soft-nav:react-done']) {
          document.addEventListener(name, () => {
            seen.push(name);
            if (name === 'soft-nav:react-done') resolve(seen);
          });
        }
      }),
  );

  await page.getByRole('link', { name: 'Older' }).click();
  await expect(page).toHaveURL(`${LIST}?after=${mainNewestFirst[0]}+34`);
  expect(await softNavEvents).toEqual(['soft-nav:start', 'soft-nav:end', 'soft-nav:react-done']);
  await expectEveryRowMarkedOnce(page, mainNewestFirst.slice(35, 70));

  await page.getByRole('link', { name: 'Newer' }).click();
  await expect(page).toHaveURL(`${LIST}?before=${mainNewestFirst[0]}+35`);
  await expectEveryRowMarkedOnce(page, mainNewestFirst.slice(0, 35));

  await page.getByRole('link', { name: 'Older' }).click();
  await expectEveryRowMarkedOnce(page, mainNewestFirst.slice(35, 70));

  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  const documents = requests.filter((r) => r.resourceType === 'document' && r.url.startsWith('https://github.com/'));
  expect(documents.map((r) => r.url)).toEqual([LIST]);
  expect(requests.filter((r) => r.resourceType === 'fetch' && r.url.includes('/commits/main?'))).toHaveLength(3);
});

test('a row React re-renders is marked again', async ({ page }) => {
  await page.goto(LIST);
  await expectEveryRowMarkedOnce(page, mainNewestFirst.slice(0, 35));
  // Commit 78 of 80 (i = 77) has a description; toggling it re-renders its row from scratch.
  const sha = mainNewestFirst[2]!;
  const row = page.locator(`li[data-commit-link$="${sha}"]`);
  const before = await row.elementHandle();
  await row.getByRole('button', { name: `Show description for ${sha.slice(0, 7)}` }).click();
  expect(await before!.evaluate((element) => element.isConnected)).toBe(false);
  await expect(row.locator('[data-testid="list-view-item-description"]')).toBeVisible();
  await expectEveryRowMarkedOnce(page, mainNewestFirst.slice(0, 35));
});

test('going to another page and back by soft navigation marks the list again', async ({ page, mnist }) => {
  await page.goto(LIST);
  await expectEveryRowMarkedOnce(page, mainNewestFirst.slice(0, 35));
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));

  await page.locator('header').getByRole('link', { name: 'acme/mnist' }).click();
  await expect(page).toHaveURL('https://github.com/acme/mnist');
  await expect(page.getByTestId('repo-commits-link')).toBeVisible();
  await expect(page.locator(CELL)).toHaveCount(0);

  await page.goBack();
  await expect(page).toHaveURL(LIST);
  await expectEveryRowMarkedOnce(page, mainNewestFirst.slice(0, 35));

  await page.goto('https://github.com/acme/mnist/pull/3/commits');
  await expectEveryRowMarkedOnce(page, mnist.branch);
  await expect(page.getByRole('button', { name: `Run an experiment from ${mnist.branch[0]!.slice(0, 7)}` })).toBeVisible();
});

test('a page that is not a commit list gets nothing', async ({ page, consoleLines }) => {
  await page.goto('https://github.com/acme/mnist');
  await page.waitForLoadState('networkidle');
  await expect(page.locator(`${CELL}, [data-commit-lab-header], [data-commit-lab-report]`)).toHaveCount(0);
  // The content script is there all along: the same document, soft-navigated to the list, gets its cells.
  await page.getByTestId('repo-commits-link').click();
  await expectEveryRowMarkedOnce(page, mainNewestFirst.slice(0, 35));
  expect(consoleLines.filter((line) => line.includes('[Commit Lab]'))).toEqual([]);
});

test('commit rows on a URL that is not a commit list get nothing', async ({ context, page, server }) => {
  // The repository page above has no rows, so it cannot show the URL check at work: serve a
  // commit list's markup at lookalike URLs (a single commit, the pull request index).
  const lookalikes = [`https://github.com/acme/mnist/commit/${mainNewestFirst[0]}`, 'https://github.com/acme/mnist/pulls'];
  for (const url of lookalikes) {
    await context.route(url, async (route) => {
      const response = await fetchFromFake(route, server, LIST);
      await route.fulfill({ response, body: await response.text() });
    });
  }
  for (const url of lookalikes) {
    await page.goto(url);
    await page.waitForLoadState('networkidle');
    // Past the frame any scan would have waited for.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await expect(page.locator(ROW)).toHaveCount(35);
    await expect(page.locator(`${CELL}, [data-commit-lab-header], [data-commit-lab-report]`)).toHaveCount(0);
  }
});

test('when the selectors miss, the page is left alone and the miss is logged once', async ({ context, page, server, consoleLines }) => {
  // GitHub renamed the row's data-testid (a drift the tripwire would catch in our templates).
  await context.route(LIST, async (route) => {
    const response = await fetchFromFake(route, server);
    const html = (await response.text()).replaceAll('data-testid="commit-row-item"', 'data-testid="commit-row-entry"');
    await route.fulfill({ response, body: html });
  });
  await page.goto(LIST);
  await expect.poll(() => consoleLines.filter((line) => line.includes('[Commit Lab] no commit rows'))).toHaveLength(1);
  await expect(page.locator(`${CELL}, [data-commit-lab-header], [data-commit-lab-report]`)).toHaveCount(0);
  await page.evaluate(() => document.dispatchEvent(new Event('soft-nav:react-done')));
  await page.locator('main').evaluate((main) => main.append(document.createElement('div')));
  await page.waitForLoadState('networkidle');
  expect(consoleLines.filter((line) => line.includes('[Commit Lab]'))).toHaveLength(1);
});

test('after an extension reload the orphaned content script removes its cells and stops marking', async ({ page, background }) => {
  await page.goto(LIST);
  await expectEveryRowMarkedOnce(page, mainNewestFirst.slice(0, 35));
  // (Chromium does not bring back an extension loaded with --load-extension after
  // runtime.reload(), so this checks the old script's side only.)
  await background.evaluate(() => (self as unknown as ServiceWorkerScope).chrome.runtime.reload());
  // Any change to the page wakes the orphaned script, which finds its extension gone and cleans up.
  const toggle = (sha: string) => page.getByRole('button', { name: `Show description for ${sha.slice(0, 7)}` }).click();
  await toggle(mainNewestFirst[2]!);
  await expect(page.locator(CELL)).toHaveCount(0);
  // Its observer and listeners are gone: re-rendered rows and soft navigation get nothing.
  await toggle(mainNewestFirst[9]!);
  await page.getByRole('link', { name: 'Older' }).click();
  await expect(page.locator(ROW).first()).toHaveAttribute('data-commit-link', `/acme/mnist/commit/${mainNewestFirst[35]}`);
  await page.waitForLoadState('networkidle');
  await expect(page.locator(CELL)).toHaveCount(0);
});
