import 'fake-indexeddb/auto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from '../../tests/fake-github/app';
import { DvcRemoteStore } from '../../tests/fake-github/dvc/remote-store';
import { GET_STARTED_REMOTE, REMOTE_EVAL_METRICS, seedRemoteMetrics } from '../../tests/fake-github/seed/remote-metrics';
import { idbCache, type Cache } from '../cache';
import { READER_VERSION } from '../dvc';
import { createGitHubClient } from '../github/client';
import { enterpriseHost } from '../github/host';
import { fetchObject, type RemoteAccess } from '../remote';
import { createRemoteReader } from './remote-reader';
import { experimentsContext, rowsFor } from './rows';
import type { RowsRequest } from './types';

let fake: FakeGitHub;
let main: string;
let parent: string;
beforeAll(async () => {
  const store = new DvcRemoteStore();
  fake = await startFakeGitHub({ dvcRemotes: { [GET_STARTED_REMOTE]: store } });
  ({ main } = await seedRemoteMetrics(fake, store));
  parent = (await fake.store.repository('acme', 'egs')!.git.readCommit(main))!.parents[0]!;
}, 60_000);
afterAll(() => fake.close());

let caches = 0;
let cache: Cache;
beforeEach(() => {
  cache = idbCache({ name: `remote-rows-${caches++}` });
  fake.server.log.length = 0;
});

function context(access: RemoteAccess = 'granted') {
  const client = createGitHubClient({ host: enterpriseHost(fake.url), token: 'ghp_reader', sleep: async () => undefined, now: () => fake.server.clock.now() });
  const reader = () => createRemoteReader({ fetch: (target) => fetchObject(target, { fetch, credentials: [] }), cache, access: async () => access });
  return experimentsContext(client, cache, READER_VERSION, reader);
}

const request: () => RowsRequest = () => ({ repo: { owner: 'acme', name: 'egs' }, list: { ref: 'main' }, shas: [main, parent] });
const remoteRequests = () => fake.server.log.filter((r) => r.path.startsWith('/_dvc/'));
const githubRequests = () => fake.server.log.filter((r) => r.site === 'api');

describe('rows with metrics kept in the DVC remote', () => {
  it('example-get-started’s main row carries eval/metrics.json from the remote, read apart from GitHub’s requests', async () => {
    const result = await rowsFor(context(), request());
    if (!result.dvc) throw new Error('expected a DVC project');
    const row = result.rows.find((r) => r.sha === main)!;
    expect(row.metrics).toEqual([]);
    expect(row.cachedMetrics).toEqual([{ file: 'eval/metrics.json', dir: { path: 'eval', md5: expect.stringMatching(/\.dir$/) } }]);
    expect(row.remoteMetrics).toEqual([
      { file: 'eval/metrics.json', key: 'avg_prec.train', value: REMOTE_EVAL_METRICS.avg_prec.train },
      { file: 'eval/metrics.json', key: 'avg_prec.test', value: REMOTE_EVAL_METRICS.avg_prec.test },
      { file: 'eval/metrics.json', key: 'roc_auc.train', value: REMOTE_EVAL_METRICS.roc_auc.train },
      { file: 'eval/metrics.json', key: 'roc_auc.test', value: REMOTE_EVAL_METRICS.roc_auc.test },
    ]);
    expect(row.remoteNotes).toEqual([]);
    // The parent (the 2023 baseline) records its eval/live directory by upstream's md5, never pushed to this remote: a note, not a failed page.
    const baseline = result.rows.find((r) => r.sha === parent)!;
    expect(baseline.remoteMetrics).toEqual([]);
    expect(baseline.remoteNotes).toMatchObject([{ file: 'eval/metrics.json', failure: { kind: 'missing' }, message: expect.stringContaining('dvc push') }]);
    expect(result.fetched.remoteReads).toBe(3);
    expect(remoteRequests().map((r) => r.status)).toEqual(expect.arrayContaining([200, 200, 404]));
    expect(remoteRequests()).toHaveLength(3);
    // `.dvc/config` came in GitHub's first wave with the pipeline files; `.dvc/config.local` was never asked for.
    expect(JSON.stringify(fake.server.log)).not.toContain('config.local');

    // The objects are cached by md5: a second view reads nothing from GitHub (but CI's live fields) nor the remote but the missing object, asked again.
    fake.server.log.length = 0;
    const again = await rowsFor(context(), request());
    expect(again.dvc && again.fetched).toEqual({ waves: 0, rawReads: 0, remoteReads: 1, live: 1, fallback: 0, trees: 0 });
    expect(again.dvc && again.rows.find((r) => r.sha === main)!.remoteMetrics).toEqual(row.remoteMetrics);
    expect(remoteRequests().map((r) => r.status)).toEqual([404]);
    expect(githubRequests().map((r) => r.operation)).toEqual(['Live']);
  });

  it('a host not yet allowed gives the row a note with the origin to ask for, and no request', async () => {
    const result = await rowsFor(context('ask'), request());
    const row = result.dvc ? result.rows.find((r) => r.sha === main)! : undefined;
    expect(row?.remoteMetrics).toEqual([]);
    expect(row?.remoteNotes).toEqual([
      {
        file: 'eval/metrics.json',
        failure: { kind: 'permission', host: new URL(fake.url).host, origin: 'http://127.0.0.1/*', denied: false },
        message: `eval/metrics.json is in a DVC remote on ${new URL(fake.url).host}: allow Commit Lab to read metrics from ${new URL(fake.url).host}.`,
      },
    ]);
    expect(remoteRequests()).toEqual([]);
  });
});
