import { afterAll, beforeAll, expect, it } from 'vitest';
import { readProject } from '../dvc';
import { startFakeGitHub, type FakeGitHub } from '../../tests/fake-github/app';
import { DvcRemoteStore } from '../../tests/fake-github/dvc/remote-store';
import { GET_STARTED_REMOTE, REMOTE_EVAL_METRICS, seedRemoteMetrics } from '../../tests/fake-github/seed/remote-metrics';
import { readRemoteMetrics } from './remote-metrics';
import { testReader } from './testing/remote-test-world';

let fake: FakeGitHub;
let main: string;
beforeAll(async () => {
  const store = new DvcRemoteStore();
  fake = await startFakeGitHub({ dvcRemotes: { [GET_STARTED_REMOTE]: store } });
  ({ main } = await seedRemoteMetrics(fake, store));
}, 60_000);
afterAll(() => fake.close());

it('the seeded example-get-started main shows eval/metrics.json from the fake’s DVC remote', async () => {
  const git = fake.store.repository('acme', 'egs')!.git;
  const paths = (await git.listTree(main, { recursive: true })).filter((e) => e.type === 'blob').map((e) => e.path);
  const read = async (path: string) => {
    const entry = await git.entry(main, path);
    return entry ? new Uint8Array((await git.readBlob(entry.oid))!) : null;
  };
  const project = await readProject(read, paths);
  const dvcConfig = new TextDecoder().decode((await read('.dvc/config'))!);
  fake.server.log.splice(0);
  const { metrics, notes } = await readRemoteMetrics(testReader(), project, dvcConfig);
  expect(notes).toEqual([]);
  expect(metrics).toEqual([
    { file: 'eval/metrics.json', key: 'avg_prec.train', value: REMOTE_EVAL_METRICS.avg_prec.train },
    { file: 'eval/metrics.json', key: 'avg_prec.test', value: REMOTE_EVAL_METRICS.avg_prec.test },
    { file: 'eval/metrics.json', key: 'roc_auc.train', value: REMOTE_EVAL_METRICS.roc_auc.train },
    { file: 'eval/metrics.json', key: 'roc_auc.test', value: REMOTE_EVAL_METRICS.roc_auc.test },
  ]);
  expect(fake.server.log.map((r) => `${r.method} ${r.path.replace(/[0-9a-f]{30}/, '…')} ${r.status}`)).toEqual([
    expect.stringMatching(/^GET \/_dvc\/get-started\/files\/md5\/[0-9a-f]{2}\/….dir 200$/),
    expect.stringMatching(/^GET \/_dvc\/get-started\/files\/md5\/[0-9a-f]{2}\/… 200$/),
  ]);
});
