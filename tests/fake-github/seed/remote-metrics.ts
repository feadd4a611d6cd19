import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FakeGitHub } from '../app';
import { dirHash, md5Hex, pythonJsonDumps } from '../dvc/hash';
import { DvcRemoteStore, objectPath } from '../dvc/remote-store';
import { EXAMPLE_GET_STARTED_HISTORY, writeExampleGetStarted } from './example-get-started';
import { seedRepository } from './repository';

/** The name of the fake DVC HTTP remote `seedRemoteMetrics` fills (`startFakeGitHub({ dvcRemotes })`). */
export const GET_STARTED_REMOTE = 'get-started';

/** The metrics example-get-started's main keeps inside its DVC-tracked `eval/` (hand-made; DVCLive's summary layout). */
export const REMOTE_EVAL_METRICS = {
  avg_prec: { train: 0.9743681430252835, test: 0.9249974999612706 },
  roc_auc: { train: 0.9866678562450621, test: 0.9460213440787918 },
};

/**
 * Seeds `owner/name` with example-get-started's history, whose main commit keeps
 * `eval/metrics.json` only in the DVC remote: a hand-made `eval/` (metrics and one plot file) is
 * pushed to `store` at its 3.x addresses (manifest and files, by this fake's own hashing), the
 * main commit's `dvc.lock` records that directory, and every `.dvc/config` names this fake's remote.
 * Call after the server started: the remote URL has its port in it.
 */
export async function seedRemoteMetrics(fake: FakeGitHub, store: DvcRemoteStore, owner = 'acme', name = 'egs') {
  const metrics = new TextEncoder().encode(JSON.stringify(REMOTE_EVAL_METRICS, null, 4));
  const roc = new TextEncoder().encode('{"roc": [{"fpr": 0.0, "tpr": 0.0, "threshold": 1.0}]}\n');
  const entries = [
    { md5: md5Hex(metrics), relpath: 'metrics.json' },
    { md5: md5Hex(roc), relpath: 'plots/sklearn/roc/test.json' },
  ];
  const dir = dirHash(entries);
  store.put(objectPath('3.x', dir), new TextEncoder().encode(pythonJsonDumps(entries)));
  store.put(objectPath('3.x', entries[0]!.md5), metrics);
  store.put(objectPath('3.x', entries[1]!.md5), roc);

  const folder = join(fake.root, 'snapshots', `${owner}-${name}`);
  await writeExampleGetStarted(folder);
  const mainFolder = join(folder, '4-main');
  const lock = await readFile(join(mainFolder, 'dvc.lock'), 'utf8');
  // The fixture's `eval` entry, as upstream pushed it; ours replaces its md5 (size and nfiles play no part in reading).
  await writeFile(join(mainFolder, 'dvc.lock'), lock.replace('80a081570c800c60b9b98ca4b3c91dd7.dir', dir));
  // Every commit's remote is this fake's: no test ever reaches the real remote.dvc.org.
  for (const step of EXAMPLE_GET_STARTED_HISTORY) {
    const path = join(folder, step.name, '.dvc/config');
    const config = await readFile(path, 'utf8').catch(() => null);
    if (config !== null) await writeFile(path, config.replace('https://remote.dvc.org/get-started', `${fake.url}/_dvc/${GET_STARTED_REMOTE}`));
  }
  const { seed } = await seedRepository(fake.store, { owner, name, folder, root: fake.root });
  const main = seed.commits.find((c) => c.name === '4-main')?.oid;
  if (!main) throw new Error(`${owner}/${name}: the main snapshot was not seeded`);
  return { main, dir };
}
