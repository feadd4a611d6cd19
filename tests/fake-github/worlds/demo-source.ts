import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFakeGitHub, type FakeGitHub } from '../app';
import type { CiOptions } from '../ci/runner';
import { Store } from '../store';

export const DEMO_OWNER = 'commit-lab';
export const DEMO_REPO = 'iris-lab';
/** The sample DVC project's commit snapshots (see sample/README.md). */
export const SAMPLE_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'sample');

/**
 * The fake GitHub behind `npm run demo`: the sample project seeded into a real git repository,
 * signed in as its author, dana-ml; with `ci`, CI trains on every push (ci/README.md).
 */
export function startDemoGitHub(port = 0, ci: CiOptions | boolean = false): Promise<FakeGitHub> {
  return startFakeGitHub({ port, ci, store: new Store('dana-ml'), seeds: [{ owner: DEMO_OWNER, name: DEMO_REPO, folder: SAMPLE_DIR }] });
}
