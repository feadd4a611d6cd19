import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_DIR } from '../worlds/demo-source';
import { seedRepository } from '../seed/repository';
import { Store } from '../store';
import { git } from '../git/git-cli';
import { gitPageSource } from './git-source';
import type { PageSource } from './source';

/** The git-backed PageSource over the sample project (sample/, the demo's) seeded into a real repository. */
let root: string;
let store: Store;
let fromGit: PageSource;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'git-source-'));
  store = new Store('dana-ml');
  await seedRepository(store, { owner: 'commit-lab', name: 'iris-lab', folder: SAMPLE_DIR, root });
  fromGit = gitPageSource(store);
});
afterAll(async () => {
  store.close();
  await rm(root, { recursive: true, force: true });
});

describe('gitPageSource', () => {
  it("lists the sample's commits newest first, as git log does, with commit.json's messages, authors and dates", async () => {
    const query = { owner: 'commit-lab', name: 'iris-lab', path: '', offset: 0, limit: 35 };
    const tip = (await fromGit.resolveRef('commit-lab', 'iris-lab', 'main'))!;
    const { commits } = await fromGit.history({ ...query, oid: tip.oid });
    expect(commits.map((c) => c.oid)).toEqual(
      git(join(root, 'commit-lab', 'iris-lab.git'), 'rev-list', 'main')
        .trim()
        .split('\n'),
    );
    expect(commits.map((c) => c.message.split('\n')[0])).toEqual([
      'Update params.yaml:train.n_est',
      'Document how to run an experiment',
      'Update params.yaml:train.max_depth',
      'Scale features before the forest',
      'Update params.yaml:train.max_depth',
      'Update params.yaml:train.n_est',
      'Run the baseline experiment',
      'Set up the iris pipeline: train and evaluate stages',
    ]);
    expect(commits.map((c) => c.parents.length)).toEqual([1, 1, 1, 1, 1, 1, 1, 0]);
    // commit.json's `login` became a user linked by email; Lee Chen named none.
    expect(commits.at(-1)!.author).toEqual({ name: 'Dana Okafor', email: 'dana@example.com', login: 'dana-ml', date: '2026-09-01T09:12:00Z' });
    expect(commits[0]!.author).toEqual({ name: 'Lee Chen', email: 'lee@example.com', login: undefined, date: '2026-09-07T08:15:00Z' });
    expect(commits[0]!.committedDate).toBe('2026-09-07T08:15:00Z');
    expect(fromGit.viewerLogin).toBe('dana-ml');
  });

  it('filters by path and pages like git log --skip/--max-count', async () => {
    const tip = (await fromGit.resolveRef('commit-lab', 'iris-lab', 'main'))!.oid;
    const page = await fromGit.history({ owner: 'commit-lab', name: 'iris-lab', path: 'params.yaml', offset: 1, limit: 2, oid: tip });
    // git's rule, not "the snapshot folder holds the file": 005-scale re-states params.yaml unchanged, so it is not listed.
    const touching = git(join(root, 'commit-lab', 'iris-lab.git'), 'rev-list', 'main', '--', 'params.yaml')
      .trim()
      .split('\n');
    expect(page.commits.map((c) => c.oid)).toEqual(touching.slice(1, 3));
    expect(page.commits.map((c) => c.message)).not.toContain('Scale features before the forest');
    expect({ hasOlder: page.hasOlder, hasNewer: page.hasNewer }).toEqual({ hasOlder: touching.length > 3, hasNewer: true });
  });

  it('resolves refs with slashes in paths, abbreviated oids, and nothing else', async () => {
    const tip = (await fromGit.resolveRef('commit-lab', 'iris-lab', 'main'))!.oid;
    expect(await fromGit.resolveRef('commit-lab', 'iris-lab', 'main/data/iris.csv.dvc')).toEqual({ ref: 'main', path: 'data/iris.csv.dvc', oid: tip });
    expect(await fromGit.resolveRef('commit-lab', 'iris-lab', `${tip.slice(0, 7)}/params.yaml`)).toEqual({
      ref: tip.slice(0, 7),
      path: 'params.yaml',
      oid: tip,
    });
    expect(await fromGit.resolveRef('commit-lab', 'iris-lab', 'nope')).toBeUndefined();
    expect(await fromGit.repository('COMMIT-LAB', 'Iris-Lab')).toEqual({ owner: 'commit-lab', name: 'iris-lab', defaultBranch: 'main' });
  });
});
