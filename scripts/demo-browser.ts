import path from 'node:path';
import { CELL_ATTRIBUTE } from '../lib/page/overlay';
import { launchWithExtension, routeGitHub } from '../tests/e2e/browser';
import { DEMO_OWNER, DEMO_REPO, startDemoGitHub } from '../tests/fake-github/worlds/demo-source';

const ROOT = path.resolve(import.meta.dirname, '..');
const LIST = `https://github.com/${DEMO_OWNER}/${DEMO_REPO}/commits/main`;

export async function runDemo({ headless }: { headless: boolean }): Promise<void> {
  const fake = await startDemoGitHub(Number(process.env.DEMO_PORT ?? 0));
  const browser = await launchWithExtension(path.join(ROOT, '.output/chrome-mv3'), headless);
  await routeGitHub(browser.context, fake.server);
  console.log(`Fake GitHub on ${fake.url} (git repositories in ${fake.root}); github.com and api.github.com are routed to it.`);
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.goto(LIST);
  await page.locator(`[${CELL_ATTRIBUTE}]`).first().waitFor();

  if (headless) {
    const shots = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      const file = path.join(ROOT, '.demo', `commits-${colorScheme}.png`);
      await page.screenshot({ path: file, fullPage: true });
      shots.push(file);
    }
    console.log(`No display: ran headless. ${LIST} with Commit Lab's cells:\n  ${shots.join('\n  ')}`);
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
