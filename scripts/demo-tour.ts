import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { CELL_ATTRIBUTE } from '../lib/page/overlay';
import { selectors } from '../lib/page/selectors';
import { DEMO_OWNER, DEMO_REPO } from '../tests/fake-github/worlds/demo-source';
import type { DemoWorld } from '../tests/fake-github/worlds/demo-world';

/**
 * The headless tour of the whole loop, one numbered screenshot per step: the commit list with
 * its metrics columns and CML reports (light and dark), the open pull request's commits, the Run
 * form with a changed param (light and dark), the commit, CI running and succeeded on the
 * new row with its report icon and CI's results folded in (no reload), and after a reload the
 * same row as GitHub's own list draws it. Everything is found through the page's selectors module, the overlay's data attributes and
 * the form's labels, as a user's eye would find it.
 */

export const LIST = `https://github.com/${DEMO_OWNER}/${DEMO_REPO}/commits/main`;
const ROW = selectors.commitRow.variants[0];
const CELL = `[${CELL_ATTRIBUTE}]`;
/** The param the tour changes, and to what. */
const PARAM = 'params.yaml:train.max_depth';
const NEW_VALUE = '3';
/** The sample's metrics, as the overlay names them (`<file>:<key>`). */
const METRICS = ['metrics.json:accuracy', 'metrics.json:f1'];
/** A step waits this long at most: a CI phase plus the overlay's follow-ups (15 s, then 30 s while nothing changes). */
const STEP_TIMEOUT = 75_000;

export async function runTour(context: BrowserContext, world: DemoWorld, outDir: string): Promise<string[]> {
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const shots: string[] = [];
  const page = context.pages()[0] ?? (await context.newPage());
  const shot = async (name: string, what: string) => {
    const file = path.join(outDir, `${String(shots.length + 1).padStart(2, '0')}-${name}.png`);
    await page.screenshot({ path: file });
    shots.push(file);
    console.log(`  ${path.relative(process.cwd(), file)}  ${what}`);
  };
  const themes = async (name: string, what: string) => {
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await shot(`${name}-${colorScheme}`, `${what} (${colorScheme})`);
    }
    await page.emulateMedia({ colorScheme: 'light' });
  };

  // 1. The commit list: metrics columns, changed params, CI status and CML report icons.
  await page.goto(LIST);
  await cellsDrawn(page);
  await row(page, world.trained).locator('[data-report-url]').waitFor();
  // As a user would once: say that higher is better for both metrics (remembered for the
  // repository), so their changes are coloured.
  const columns = page.getByRole('button', { name: 'Columns' });
  await columns.click();
  for (const metric of METRICS) await page.getByLabel(`Goal of ${metric}`).selectOption('higher');
  await columns.click();
  await themes('commits', 'the commit list: metrics columns, changed params, CI status, CML report icons');

  // 2. The open pull request's Commits tab: its experiment, trained by CI, with the report.
  await page.goto(`https://github.com/${DEMO_OWNER}/${DEMO_REPO}/pull/${world.pullRequest.number}/commits`);
  await cellsDrawn(page);
  await shot('pull-request', `pull request #${world.pullRequest.number}: the same columns on its Commits tab`);

  // 3. The Run form from the newest experiment on main, one param changed.
  await page.goto(LIST);
  await cellsDrawn(page);
  const form = await openRunForm(page, world.trained);
  const field = form.locator(`[data-param="${PARAM}"]`);
  await field.fill(NEW_VALUE);
  await form.getByRole('list', { name: 'Changes' }).locator('li').first().waitFor();
  await form.getByLabel(`Commit directly to main`).check();
  // Checking the box scrolled the form to its end: bring the changed field back into the picture.
  await field.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await themes('run-form', `the Run form: ${PARAM} changed to ${NEW_VALUE}`);

  // 4. The commit: one commit on main, made through GitHub's API.
  await form.getByRole('button', { name: 'Commit changes' }).click();
  const done = form.getByRole('link', { name: /View commit/ });
  await done.waitFor({ timeout: STEP_TIMEOUT });
  await done.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await shot('committed', 'committed: the form links the new commit');
  const sha = (await done.getAttribute('href'))!.split('/').pop()!;

  // 5. CI on the new row: the overlay shows the commit at the top of the list without a reload, and follows it.
  await page.keyboard.press('Escape');
  const newRow = row(page, sha);
  // Queued and running wear the same yellow dot (GitHub's icons; the label differs), so one
  // picture, once the overlay's follow-up has seen the run start.
  await newRow.locator('[data-status="running"]').waitFor({ timeout: STEP_TIMEOUT });
  await shot('ci-running', `CI running for ${sha.slice(0, 7)}, followed by the overlay without a reload`);

  // 6. Success and the CML report icon, still without a reload.
  const succeeded = newRow.locator('[data-status="succeeded"]');
  const seen = await succeeded.waitFor({ timeout: STEP_TIMEOUT }).then(
    () => true,
    () => false,
  );
  if (!seen) {
    // Seen once on a loaded machine: the row stopped following before the run ended. Say so and do what a user would.
    console.log('  (the row stopped following its CI before it finished: pressing "Refresh experiments")');
    await page.getByRole('button', { name: 'Refresh experiments' }).click();
    await succeeded.waitFor({ timeout: STEP_TIMEOUT });
  }
  await newRow.locator('[data-report-url]').waitFor({ timeout: STEP_TIMEOUT });
  // …and CI's results commit, landed on main and drawn above the row, folded into it: the metric
  // cells show what CI computed (no longer the last reproduction's values dvc.lock recorded).
  await folded(newRow);
  await shot('ci-succeeded', `CI succeeded for ${sha.slice(0, 7)}: the status, the CML report icon and the metrics CI computed arrived without a reload`);

  // 7. The results: CI's `cml pr` commit is a new commit on main, which GitHub's list shows after a
  // reload; Commit Lab folds it into the run's row, which now shows the metrics CI computed.
  await page.reload();
  await cellsDrawn(page);
  await folded(row(page, sha));
  await shot('results', `after a reload: CI's results commit folded into ${sha.slice(0, 7)}, whose row shows the new metrics and their change`);
  return shots;
}

/** The list row of a commit (its cell carries the sha). */
function row(page: Page, sha: string): Locator {
  return page.locator(ROW).filter({ has: page.locator(`[data-commit-lab-sha="${sha}"]`) });
}

/** The row shows a results commit folded in (`data-results-from`), and its metric cells are no longer marked as the last reproduction's. */
async function folded(row: Locator): Promise<void> {
  const cell = row.locator(CELL);
  await cell.locator('[data-results-from]').waitFor({ timeout: STEP_TIMEOUT });
  await cell.evaluate((host, metrics) => {
    const cells = metrics.map((id) => host.shadowRoot?.querySelector(`[data-metric="${id}"]`));
    if (cells.some((c) => !c || c.hasAttribute('data-unreproduced'))) throw new Error(`the folded row's metrics are not CI's: ${host.shadowRoot?.textContent}`);
  }, METRICS);
}

/** Every row's cell drawn from its data, not a loading skeleton: the values go into the pictures. */
async function cellsDrawn(page: Page): Promise<void> {
  await page.locator(CELL).first().waitFor();
  await page.waitForFunction(
    (cell) => document.querySelectorAll(cell).length > 0 && ![...document.querySelectorAll(cell)].some((h) => h.shadowRoot?.querySelector('.cl-skeleton')),
    CELL,
  );
}

/** Clicks the row's Run button; the form is an extension page in a dialog over the list. */
async function openRunForm(page: Page, sha: string) {
  await row(page, sha)
    .getByRole('button', { name: `Run an experiment from ${sha.slice(0, 7)}` })
    .click();
  const form = page.frameLocator('dialog iframe');
  await form.locator('[data-param]').first().waitFor({ timeout: STEP_TIMEOUT });
  return form;
}
