import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { startFakeGitHub } from '../fake-github/app';
import { git } from '../fake-github/git/git-cli';
import { writeExampleGetStarted } from '../fake-github/seed/example-get-started';
import { signedInStorage } from './signed-in';
import { test as base, type ServiceWorkerScope } from './fixtures';

/** The fixtures with the real example-get-started history as `acme/egs` (real git behind the fake GitHub), and helpers to drive the Run form. */
export const test = base.extend<{
  egs: {
    gitDir: string;
    rev: (expr: string) => string;
    /** The seeded history's commits on main, oldest first (0: 2021 layout, 1: Studio's PR 46 commit, 2: baseline, 3: main): stable while tests push. */
    seeded: (index: number) => string;
    openForm: (sha: string, ref?: string) => Promise<Page>;
    /** Someone else's push to main: `params.yaml` as given, on top of main's head. */
    push: (paramsYaml: string, message: string) => Promise<string>;
  };
}>({
  world: [
    async ({}, use) => {
      const seed = await mkdtemp(join(tmpdir(), 'run-form-e2e-'));
      await writeExampleGetStarted(seed);
      const fake = await startFakeGitHub({ seeds: [{ owner: 'acme', name: 'egs', folder: seed }] });
      await use({ fake, repo: { main: [], branch: [] } });
      await fake.close();
      await rm(seed, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  egs: async ({ world, background, context, extensionId }, use) => {
    const gitDir = world.fake.store.repository('acme', 'egs')!.git.gitDir;
    await background.evaluate((items) => (self as unknown as ServiceWorkerScope).chrome.storage.local.set(items), signedInStorage('ghp_octocat'));
    const openForm = async (sha: string, ref = 'main') => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/run.html?owner=acme&repo=egs&sha=${sha}&ref=${encodeURIComponent(ref)}&login=octocat`);
      return page;
    };
    const repo = world.fake.store.repository('acme', 'egs')!;
    const push = (paramsYaml: string, message: string) => repo.git.pushFiles('main', { 'params.yaml': paramsYaml }, message);
    const seeded = (index: number) => git(gitDir, 'rev-list', '--reverse', '--first-parent', 'refs/heads/main').split('\n')[index]!;
    await use({ gitDir, rev: (expr) => git(gitDir, 'rev-parse', expr).trim(), seeded, openForm, push });
  },
});
export { expect } from './fixtures';
