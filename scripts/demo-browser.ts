import path from 'node:path';
import { launchWithExtension, routeGitHub } from '../tests/e2e/browser';
import { signedInStorage } from '../tests/e2e/signed-in';
import { startDemoWorld } from '../tests/fake-github/worlds/demo-world';
import { LIST, runTour } from './demo-tour';

const ROOT = path.resolve(import.meta.dirname, '..');

export async function runDemo({ headless }: { headless: boolean }): Promise<void> {
  const world = await startDemoWorld(Number(process.env.DEMO_PORT ?? 0));
  const { fake } = world;
  const browser = await launchWithExtension(path.join(ROOT, '.output/chrome-mv3'), headless);
  await routeGitHub(browser.context, fake.server);
  console.log(`Fake GitHub on ${fake.url} (git repositories in ${fake.root}), with CI; github.com and api.github.com are routed to it.`);
  // Signed in to the fake as its user, dana-ml (the fake takes any token as hers), as the options page leaves it.
  const worker = browser.context.serviceWorkers()[0] ?? (await browser.context.waitForEvent('serviceworker'));
  await worker.evaluate(
    (items) => (globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } }).chrome.storage.local.set(items),
    signedInStorage('ghp_demo', 'dana-ml'),
  );

  if (headless) {
    console.log(`No display: a headless tour of ${LIST}, one screenshot per step:`);
    try {
      await runTour(browser.context, world, path.join(ROOT, '.demo'));
    } finally {
      await browser.close();
      await fake.close();
    }
    return;
  }

  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.goto(LIST);
  console.log(`Chromium shows ${LIST}: press Run on a row, change a param, commit, and watch CI. Close the window (or press Ctrl-C) to stop.`);
  const stop = async () => {
    await browser.close().catch(() => undefined);
    await fake.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  browser.context.once('close', () => void stop());
}
