import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleMemoryRepo, SAMPLE_DIR } from '../sample-repo';
import { seedRepository } from '../seed/repository';
import { Store } from '../store';
import { git } from '../testing/git-cli';
import { gitPageSource } from './git-source';
import { memorySource } from './memory-source';
import type { PageCommit, PageSource } from './source';

/**
 * The git-backed PageSource over the sample project seeded into a real repository answers what
 * the in-memory source built from the same folders answers (oids aside: git's are real), so
 * the demo and the e2e tests can swap one for the other.
 */
let root: string;
let store: Store;
let fromGit: PageSource;
const fromMemory = memorySource([sampleMemoryRepo('commit-lab', 'iris-lab')], 'dana-ml');

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

const shown = (c: PageCommit) => ({ message: c.message, author: c.author, committedDate: c.committedDate, parents: c.parents.length });

describe('gitPageSource', () => {
  it('lists the seeded commits as the memory source lists the same snapshots', async () => {
    const query = { owner: 'commit-lab', name: 'iris-lab', path: '', offset: 0, limit: 35 };
    const gitTip = (await fromGit.resolveRef('commit-lab', 'iris-lab', 'main'))!;
    const memoryTip = (await fromMemory.resolveRef('commit-lab', 'iris-lab', 'main'))!;
    const a = await fromGit.history({ ...query, oid: gitTip.oid });
    const b = await fromMemory.history({ ...query, oid: memoryTip.oid });
    expect(a.commits.map(shown)).toEqual(b.commits.map(shown));
    expect(a.commits.map((c) => c.oid)).toEqual(git(join(root, 'commit-lab', 'iris-lab.git'), 'rev-list', 'main').trim().split('\n'));
    expect(a.commits.find((c) => c.author.name === 'Dana Okafor')?.author.login).toBe('dana-ml'); // commit.json `login` became a user
  });

  it('filters by path and pages like git log --skip/--max-count', async () => {
    const tip = (await fromGit.resolveRef('commit-lab', 'iris-lab', 'main'))!.oid;
    const page = await fromGit.history({ owner: 'commit-lab', name: 'iris-lab', path: 'params.yaml', offset: 1, limit: 2, oid: tip });
    // git's rule, not "the snapshot folder holds the file": 005-scale re-states params.yaml unchanged, so it is not listed.
    const touching = git(join(root, 'commit-lab', 'iris-lab.git'), 'rev-list', 'main', '--', 'params.yaml').trim().split('\n');
    expect(page.commits.map((c) => c.oid)).toEqual(touching.slice(1, 3));
    expect(page.commits.map((c) => c.message)).not.toContain('Scale features before the forest');
    expect({ hasOlder: page.hasOlder, hasNewer: page.hasNewer }).toEqual({ hasOlder: touching.length > 3, hasNewer: true });
  });

  it('resolves refs with slashes in paths, abbreviated oids, and nothing else', async () => {
    const tip = (await fromGit.resolveRef('commit-lab', 'iris-lab', 'main'))!.oid;
    expect(await fromGit.resolveRef('commit-lab', 'iris-lab', 'main/data/iris.csv.dvc')).toEqual({ ref: 'main', path: 'data/iris.csv.dvc', oid: tip });
    expect(await fromGit.resolveRef('commit-lab', 'iris-lab', `${tip.slice(0, 7)}/params.yaml`)).toEqual({ ref: tip.slice(0, 7), path: 'params.yaml', oid: tip });
    expect(await fromGit.resolveRef('commit-lab', 'iris-lab', 'nope')).toBeUndefined();
    expect(await fromGit.repository('COMMIT-LAB', 'Iris-Lab')).toEqual({ owner: 'commit-lab', name: 'iris-lab', defaultBranch: 'main' });
  });
});
