import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeGitHub, type FakeGitHub } from '../fake-github/app';
import { generateHistory, type Expected, type ExpectedCommit } from '../fake-github/seed/generate';
import { test as base, type ServiceWorkerScope } from './fixtures';
import { signedInStorage } from './signed-in';

/** A fake GitHub with `acme/egs`: the generated history (real example-get-started snapshots + derived commits) and its expected.json. */
export interface OverlayWorld {
  fake: FakeGitHub;
  expected: Expected;
  /** Commit oid → what expected.json says of it. */
  byOid: Map<string, ExpectedCommit>;
  /** Commit name → oid. */
  oidOf: Map<string, string>;
  /** main, newest first, as GitHub lists it. */
  mainNewestFirst: string[];
}

export async function startOverlayWorld(commits: number): Promise<OverlayWorld> {
  const root = await mkdtemp(join(tmpdir(), 'overlay-world-'));
  const folder = join(root, 'generated', 'acme', 'egs');
  const expected = await generateHistory(folder, commits);
  const fake = await startFakeGitHub({ root, seeds: [{ owner: 'acme', name: 'egs', folder }] });
  const seed = fake.seeds.get('acme/egs')!;
  const oidOf = new Map(seed.commits.map((c) => [c.name, c.oid]));
  const byName = new Map(expected.commits.map((c) => [c.name, c]));
  const byOid = new Map(seed.commits.map((c) => [c.oid, byName.get(c.name)!]));
  const mainNewestFirst = expected.branches[expected.defaultBranch]!.map((name) => oidOf.get(name)!);
  return { fake, expected, byOid, oidOf, mainNewestFirst };
}

/** The end-to-end fixtures with a fake GitHub serving `commits` commits of acme/egs per worker. */
export function egsWorldTest(commits: number) {
  return base.extend<object, { overlay: OverlayWorld }>({
    overlay: [
      async ({}, use) => {
        const world = await startOverlayWorld(commits);
        await use(world);
        await world.fake.close();
      },
      { scope: 'worker' },
    ],
    server: [async ({ overlay }, use) => use(overlay.fake.server), { scope: 'worker' }],
  });
}

/** The overlay's world: 120 commits of acme/egs, and `signedIn` (a classic token stored as the background stores one). */
export const overlayTest = egsWorldTest(120).extend<{ signedIn: void }>({
  signedIn: async ({ background }, use) => {
    await background.evaluate((items) => (self as unknown as ServiceWorkerScope).chrome.storage.local.set(items), signedInStorage('ghp_overlayE2E'));
    await use();
  },
});

export const LIST = 'https://github.com/acme/egs/commits/main';
/** The second page: the newest 35 commits come after the real snapshots that keep metrics in the DVC cache only, these keep them in Git. */
export const secondPage = (overlay: OverlayWorld) => `${LIST}?after=${overlay.mainNewestFirst[0]}+34`;
