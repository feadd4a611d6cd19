import path from 'node:path';
import type { BrowserContext } from '@playwright/test';
import type { FakeGitHub } from '../tests/fake-github/app';
import { CELL_ATTRIBUTE } from '../lib/page/overlay';
import { git } from '../tests/fake-github/git/git-cli';
import { launchWithExtension, routeGitHub } from '../tests/e2e/browser';
import { signedInStorage } from '../tests/e2e/signed-in';
import { DEMO_OWNER, DEMO_REPO, startDemoGitHub } from '../tests/fake-github/worlds/demo-source';

const ROOT = path.resolve(import.meta.dirname, '..');
const LIST = `https://github.com/${DEMO_OWNER}/${DEMO_REPO}/commits/main`;

export async function runDemo({ headless }: { headless: boolean }): Promise<void> {
  const fake = await startDemoGitHub(Number(process.env.DEMO_PORT ?? 0));
  const browser = await launchWithExtension(path.join(ROOT, '.output/chrome-mv3'), headless);
  await routeGitHub(browser.context, fake.server);
  console.log(`Fake GitHub on ${fake.url} (git repositories in ${fake.root}); github.com and api.github.com are routed to it.`);
  // Signed in to the fake with a token (any token is its default user's, dana-ml), so the cells fill with data.
  const worker = browser.context.serviceWorkers()[0] ?? (await browser.context.waitForEvent('serviceworker'));
  await worker.evaluate(
    (items) => (globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } }).chrome.storage.local.set(items),
    signedInStorage('ghp_demo', 'dana-ml'),
  );
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.goto(LIST);
  await page.locator(`[${CELL_ATTRIBUTE}]`).first().waitFor();
  // Every row drawn from its data: the values, not the loading skeletons, go into the pictures.
  await page.waitForFunction(
    () =>
      document.querySelectorAll('[data-commit-lab-cell]').length > 0 &&
      ![...document.querySelectorAll('[data-commit-lab-cell]')].some((h) => h.shadowRoot?.querySelector('.cl-skeleton')),
  );

  if (headless) {
    const shots = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      const file = path.join(ROOT, '.demo', `commits-${colorScheme}.png`);
      await page.screenshot({ path: file, fullPage: true });
      shots.push(file);
    }
    shots.push(...(await runFormShots(browser.context, fake)));
    console.log(`No display: ran headless. ${LIST} with Commit Lab's cells, and the Run form:\n  ${shots.join('\n  ')}`);
    await browser.close();
    await fake.close();
    return;
  }

  console.log(`Chromium shows ${LIST}. Close the window (or press Ctrl-C) to stop.`);
  const stop = async () => {
    await browser.close().catch(() => undefined);
    await fake.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  browser.context.once('close', () => void stop());
}

/** The Run form on an older commit of the sample, two params changed (one invalid), in both themes. */
async function runFormShots(context: BrowserContext, fake: FakeGitHub): Promise<string[]> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  // Signed in already (runDemo): the demo's fake GitHub takes any token as its signed-in user, dana-ml.
  const sha = git(fake.store.repository(DEMO_OWNER, DEMO_REPO)!.git.gitDir, 'rev-parse', 'main~2').trim();
  const form = await context.newPage();
  await form.setViewportSize({ width: 760, height: 900 });
  await form.goto(`chrome-extension://${new URL(worker.url()).host}/run.html?owner=${DEMO_OWNER}&repo=${DEMO_REPO}&sha=${sha}&ref=main&login=dana-ml`);
  const fields = form.locator('[data-param]');
  await fields.first().waitFor();
  await fields.nth(0).fill(String(Number(await fields.nth(0).inputValue()) * 2 || 1));
  await form.locator('#branch-check').filter({ hasText: 'free' }).waitFor();
  const shots = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await form.emulateMedia({ colorScheme });
    const file = path.join(ROOT, '.demo', `run-form-${colorScheme}.png`);
    await form.screenshot({ path: file, fullPage: true });
    shots.push(file);
  }
  return shots;
}
