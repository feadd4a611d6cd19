import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SAMPLE_DIR } from '../worlds/demo-source';
import type { GitRepo } from '../git/repo';
import { seedRepository } from '../seed/repository';
import { Store } from '../store';
import { git } from '../git/git-cli';
import { dumpLock, reproduce, type ReadFile } from './pipeline';
import { bundledRemote } from './runner';
import { evaluateStage, StageError, trainStage } from './sample-stages';

const md5 = (bytes: Uint8Array | string) => createHash('md5').update(bytes).digest('hex');
const IRIS = await readFile(new URL('./iris.csv', import.meta.url));

let dir: string;
let store: Store;
let repo: GitRepo;
let commits: string[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fake-ci-pipeline-'));
  store = new Store();
  ({
    repository: { git: repo },
  } = await seedRepository(store, { owner: 'commit-lab', name: 'iris-lab', folder: SAMPLE_DIR, root: dir }));
  commits = git(repo.gitDir, 'rev-list', '--reverse', 'main').trim().split('\n');
});

afterAll(async () => {
  store.close();
  await rm(dir, { recursive: true, force: true });
});

function reader(oid: string, overrides: Record<string, string> = {}): ReadFile {
  return async (path) => {
    if (path in overrides) return Buffer.from(overrides[path]!);
    const object = await repo.readObject(`${oid}:${path}`);
    return object?.type === 'blob' ? object.content : null;
  };
}

describe('dvc repro over the sample project', () => {
  it('finds every committed experiment of the sample up to date (its lock hashes are the files’ real md5s)', async () => {
    const withLock = commits.filter((oid) => git(repo.gitDir, 'ls-tree', '--name-only', oid).split('\n').includes('dvc.lock'));
    expect(withLock.length).toBeGreaterThanOrEqual(6);
    for (const oid of withLock) expect((await reproduce(reader(oid), bundledRemote)).ran, oid).toEqual([]);
  });

  it('writes dvc.lock in DVC’s layout: re-dumping the sample’s lock gives the same text', async () => {
    const tip = commits.at(-1)!;
    const text = git(repo.gitDir, 'show', `${tip}:dvc.lock`);
    expect(dumpLock(parse(text) as Parameters<typeof dumpLock>[0])).toBe(text);
  });

  it('reruns both stages after a params change, hashing every dependency and output by DVC 3.x’s md5 rule', async () => {
    const tip = commits.at(-1)!;
    const params = 'train:\n  seed: 7\n  n_est: 3\n  max_depth: 2\n';
    const repro = await reproduce(reader(tip, { 'params.yaml': params }), bundledRemote);
    expect(repro.ran).toEqual(['train', 'evaluate']);
    const model = trainStage(IRIS, { seed: 7, n_est: 3, max_depth: 2 });
    const metrics = evaluateStage(model, IRIS).file;
    expect(repro.changes.map((c) => c.path)).toEqual(['dvc.lock', 'metrics.json']);
    expect(Buffer.from(repro.changes[1]!.contents).equals(Buffer.from(metrics))).toBe(true);

    const lock = parse(Buffer.from(repro.changes[0]!.contents).toString()) as { stages: Record<string, Record<string, unknown>> };
    const file = (path: string, bytes: Uint8Array | string) => ({ path, hash: 'md5', md5: md5(bytes), size: Buffer.byteLength(bytes) });
    const source = (path: string) => git(repo.gitDir, 'show', `${tip}:${path}`);
    expect(lock.stages.train).toEqual({
      cmd: 'python src/train.py data/iris.csv model.pkl',
      deps: [file('data/iris.csv', IRIS), file('src/train.py', source('src/train.py'))],
      params: { 'params.yaml': { 'train.max_depth': 2, 'train.n_est': 3, 'train.seed': 7 } },
      outs: [file('model.pkl', model)],
    });
    expect(lock.stages.evaluate).toEqual({
      cmd: 'python src/evaluate.py model.pkl data/iris.csv',
      deps: [file('data/iris.csv', IRIS), file('model.pkl', model), file('src/evaluate.py', source('src/evaluate.py'))],
      outs: [file('metrics.json', metrics)],
    });
    expect(repro.params).toEqual([
      { path: 'params.yaml', key: 'train.max_depth', before: 4, after: 2 },
      { path: 'params.yaml', key: 'train.n_est', before: 200, after: 3 },
      { path: 'params.yaml', key: 'train.seed', before: 42, after: 7 },
    ]);
    expect(repro.metrics[0]!.before).toEqual(JSON.parse(source('metrics.json')));
  });

  it('fails like dvc pull when the remote lacks the data, and like the script when params are refused', async () => {
    const tip = commits.at(-1)!;
    await expect(reproduce(reader(tip, { 'params.yaml': 'train:\n  seed: 7\n  n_est: 3\n  max_depth: 2\n' }), () => undefined)).rejects.toThrow(
      /failed to pull data from the cloud/,
    );
    await expect(reproduce(reader(tip, { 'params.yaml': 'train:\n  seed: 7\n  n_est: 0\n  max_depth: 2\n' }), bundledRemote)).rejects.toThrow(StageError);
  });
});
