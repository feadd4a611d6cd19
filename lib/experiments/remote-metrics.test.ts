import { afterEach, describe, expect, it } from 'vitest';
import { dirManifest, dirMd5, md5Of, rewriteOut } from '../dvc';
import { fixtureText } from '../dvc/testing/fixture-files';
import type { FakeServer } from '../../tests/fake-github/server';
import { readRemoteFile, readRemoteMetrics } from './remote-metrics';
import { at2, at3, bytes, DvcRemoteStore, fixtureCommit, memoryCache, startRemotes, testReader } from './testing/remote-test-world';

const EGS = 'iterative__example-get-started';
const MAIN = `${EGS}/main-06ea489`;
const LEGACY = `${EGS}/legacy-2021-pr16-82cb5d1`;
const DELTARES = 'Deltares-research__delta-data-control/head-6a17b42';

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/**
 * A hand-made `eval/` as DVCLive writes it at example-get-started's main: `metrics.json` (the
 * bytes of the commit whose DVCLive summary is still in git, a9d6176) and one plot file.
 */
const METRICS_JSON = bytes(fixtureText(`${EGS}/studio-commit-pr46-a9d6176/eval/live/metrics.json`));
const ROC_JSON = bytes('{"roc": [{"fpr": 0.0, "tpr": 0.0, "threshold": 1.0}]}\n');
const EVAL = [
  { relpath: 'metrics.json', md5: md5Of(METRICS_JSON, '3') },
  { relpath: 'plots/sklearn/roc/test.json', md5: md5Of(ROC_JSON, '3') },
];
const EVAL_DIR = dirMd5(EVAL);

/** example-get-started's main with its `eval` lock entry rewritten to a directory of `entries` (sizes play no part in reading). */
async function egsMain(entries = EVAL) {
  const lock = rewriteOut(
    fixtureText(`${MAIN}/dvc.lock`),
    'dvc.lock',
    'eval',
    { md5: dirMd5(entries), size: 1, nfiles: entries.length },
    {
      dvcYaml: fixtureText(`${MAIN}/dvc.yaml`),
    },
  );
  return fixtureCommit(MAIN, { 'dvc.lock': lock });
}

function egsRemote(): DvcRemoteStore {
  const store = new DvcRemoteStore();
  store.put(at3(EVAL_DIR), dirManifest(EVAL));
  store.put(at3(EVAL[0]!.md5), METRICS_JSON);
  store.put(at3(EVAL[1]!.md5), ROC_JSON);
  return store;
}

describe('metrics kept in an HTTP DVC remote', () => {
  it('reads example-get-started’s eval/metrics.json at main through eval’s .dir manifest', async () => {
    server = await startRemotes({ http: { 'get-started': egsRemote() } });
    const { project, dvcConfig } = await egsMain();
    expect(project.cachedMetrics).toEqual([{ file: 'eval/metrics.json', dir: { path: 'eval', md5: EVAL_DIR } }]);
    const reader = testReader({ route: ['https://remote.dvc.org/get-started', `${server.url}/_dvc/get-started`] });
    const read = await readRemoteMetrics(reader, project, dvcConfig);
    // The values of the metrics.json file, as DVC flattens them.
    expect(read).toEqual({
      metrics: [
        { file: 'eval/metrics.json', key: 'avg_prec.train', value: 0.9743681430252835 },
        { file: 'eval/metrics.json', key: 'avg_prec.test', value: 0.9249974999612706 },
        { file: 'eval/metrics.json', key: 'roc_auc.train', value: 0.9866678562450621 },
        { file: 'eval/metrics.json', key: 'roc_auc.test', value: 0.9460213440787918 },
      ],
      notes: [],
    });
    // The address DVC 3 pushes to (reference §2.5), the manifest first, then its member.
    expect(reader.requested).toEqual([
      `https://remote.dvc.org/get-started/files/md5/${EVAL_DIR.slice(0, 2)}/${EVAL_DIR.slice(2)}`,
      `https://remote.dvc.org/get-started/files/md5/${EVAL[0]!.md5.slice(0, 2)}/${EVAL[0]!.md5.slice(2)}`,
    ]);
  });

  it('reads a 2.x project’s object at its 2.x address (no files/md5/)', async () => {
    // The 2021 layout's scores.json, as a commit that keeps it in the cache rather than in git.
    const scores = bytes(fixtureText(`${LEGACY}/scores.json`));
    const store = new DvcRemoteStore();
    store.put(at2('8f7ae54edbbe9a222b693bce8985cb80'), scores);
    server = await startRemotes({ http: { 'get-started': store } });
    const { project, dvcConfig } = await fixtureCommit(LEGACY, { 'scores.json': null });
    const reader = testReader({ route: ['https://remote.dvc.org/get-started', `${server.url}/_dvc/get-started`] });
    expect(await readRemoteMetrics(reader, project, dvcConfig)).toEqual({
      metrics: [
        { file: 'scores.json', key: 'avg_prec', value: 0.6040544652105823 },
        { file: 'scores.json', key: 'roc_auc', value: 0.9608017142900953 },
      ],
      notes: [],
    });
    expect(reader.requested).toEqual(['https://remote.dvc.org/get-started/8f/7ae54edbbe9a222b693bce8985cb80']);
  });

  it('a 2.x text object stored with CRLF still matches its md5-dos2unix address', async () => {
    const crlf = bytes('{"avg_prec": 0.5,\r\n "roc_auc": 0.75}\r\n');
    const md5 = md5Of(bytes('{"avg_prec": 0.5,\n "roc_auc": 0.75}\n'), '3');
    const store = new DvcRemoteStore();
    store.put(at2(md5), crlf);
    server = await startRemotes({ http: { 'get-started': store } });
    const lock = fixtureText(`${LEGACY}/dvc.lock`).replace('8f7ae54edbbe9a222b693bce8985cb80', md5);
    const { project, dvcConfig } = await fixtureCommit(LEGACY, { 'scores.json': null, 'dvc.lock': lock });
    const read = await readRemoteMetrics(testReader({ route: ['https://remote.dvc.org/get-started', `${server.url}/_dvc/get-started`] }), project, dvcConfig);
    expect(read.metrics.map((m) => m.value)).toEqual([0.5, 0.75]);
  });

  it('gives a note, not a failure, for an object never pushed and for a manifest without the file', async () => {
    const store = new DvcRemoteStore();
    const withoutMetrics = [EVAL[1]!];
    store.put(at3(EVAL_DIR), dirManifest(EVAL));
    server = await startRemotes({ http: { 'get-started': store } });
    const { project, dvcConfig } = await egsMain();
    const read = await readRemoteMetrics(testReader({ route: ['https://remote.dvc.org/get-started', `${server.url}/_dvc/get-started`] }), project, dvcConfig);
    expect(read.metrics).toEqual([]);
    expect(read.notes).toEqual([
      {
        file: 'eval/metrics.json',
        failure: { kind: 'missing', url: `https://remote.dvc.org/get-started/${at3(EVAL[0]!.md5)}` },
        message: `eval/metrics.json is not in the DVC remote (https://remote.dvc.org/get-started/${at3(EVAL[0]!.md5)}): push it with \`dvc push\` from this commit.`,
      },
    ]);

    const other = new DvcRemoteStore();
    other.put(at3(dirMd5(withoutMetrics)), dirManifest(withoutMetrics));
    await server.close();
    server = await startRemotes({ http: { 'get-started': other } });
    const second = await egsMain(withoutMetrics);
    const noted = await readRemoteMetrics(
      testReader({ route: ['https://remote.dvc.org/get-started', `${server.url}/_dvc/get-started`] }),
      second.project,
      second.dvcConfig,
    );
    expect(noted.notes).toMatchObject([
      { file: 'eval/metrics.json', failure: { kind: 'unreadable' }, message: expect.stringContaining('lists no metrics.json') },
    ]);
  });

  it('names a remote kind it cannot read (Google Cloud Storage) in a note', async () => {
    const { project } = await egsMain();
    const reader = testReader();
    const read = await readRemoteMetrics(reader, project, `[core]\n    remote = gcs\n['remote "gcs"']\n    url = gs://bucket/dvc\n`);
    expect(read.notes).toHaveLength(1);
    expect(read.notes[0]!.failure.kind).toBe('unsupported');
    expect(read.notes[0]!.message).toMatch(/Google Cloud Storage/);
    expect(reader.requested).toEqual([]);
  });
});

describe('metrics kept in an S3-compatible remote (Deltares’ MinIO endpointurl)', () => {
  const KEY = 'DELTARESFAKEKEY00001';
  const SECRET = 'deltares-fake-secret-0000000000000000000';
  const METRICS = bytes('{"silhouette": 0.41, "clusters": {"n": 12}}\n');
  const MD5 = md5Of(METRICS, '3');

  /** The fixture's remote as it is, but for `endpointurl`, which points at the fake's S3 endpoint. */
  async function deltares(url: string) {
    const lock = rewriteOut(
      fixtureText(`${DELTARES}/dvc.lock`),
      'dvc.lock',
      'data/metrics.json',
      { md5: MD5, size: METRICS.length },
      {
        dvcYaml: fixtureText(`${DELTARES}/dvc.yaml`),
      },
    );
    const config = fixtureText(`${DELTARES}/.dvc/config`);
    expect(config).toContain('endpointurl = https://s3.deltares.nl');
    return fixtureCommit(DELTARES, { 'dvc.lock': lock, '.dvc/config': config.replace('https://s3.deltares.nl', `${url}/_s3`) });
  }
  const credential = (url: string, secret = SECRET) =>
    [{ kind: 's3', url: 's3://field-data-flows/delta-data-control', endpoint: `${url}/_s3`, accessKeyId: KEY, secretAccessKey: secret }] as const;
  const s3 = (store: DvcRemoteStore) => ({
    buckets: { 'field-data-flows': { prefix: 'delta-data-control', store } },
    credentials: [{ accessKeyId: KEY, secretAccessKey: SECRET }],
  });

  it('reads data/metrics.json with a signed GET', async () => {
    const store = new DvcRemoteStore();
    store.put(at3(MD5), METRICS);
    server = await startRemotes({ s3: s3(store) });
    const { project, dvcConfig } = await deltares(server.url);
    const read = await readRemoteMetrics(testReader({ credentials: [...credential(server.url)] }), project, dvcConfig);
    expect(read).toEqual({
      metrics: [
        { file: 'data/metrics.json', key: 'silhouette', value: 0.41 },
        { file: 'data/metrics.json', key: 'clusters.n', value: 12 },
      ],
      notes: [],
    });
    expect(server.log.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([`GET /_s3/field-data-flows/delta-data-control/${at3(MD5)} 200`]);
    expect(server.log[0]!.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=DELTARESFAKEKEY00001\/\d{8}\/us-east-1\/s3\/aws4_request/);
  });

  it('gives S3’s error as a note for a wrong secret, and asks for credentials when there are none', async () => {
    const store = new DvcRemoteStore();
    store.put(at3(MD5), METRICS);
    server = await startRemotes({ s3: s3(store) });
    const { project, dvcConfig } = await deltares(server.url);
    const wrong = await readRemoteMetrics(testReader({ credentials: [...credential(server.url, 'wrong-secret')] }), project, dvcConfig);
    expect(wrong.metrics).toEqual([]);
    expect(wrong.notes).toMatchObject([{ file: 'data/metrics.json', failure: { kind: 'refused', status: 403, code: 'SignatureDoesNotMatch' } }]);
    expect(wrong.notes[0]!.message).toContain('SignatureDoesNotMatch: The request signature we calculated does not match the signature you provided.');
    expect(JSON.stringify(wrong)).not.toContain('wrong-secret');

    const none = await readRemoteMetrics(testReader(), project, dvcConfig);
    expect(none.notes).toMatchObject([
      { failure: { kind: 'credentials', status: 403 }, message: expect.stringContaining("add them for this remote in Commit Lab's options") },
    ]);
  });

  it('refuses bytes that do not match the md5 they were asked by', async () => {
    // A remote (or a proxy before it) that answers the signed GET with other bytes.
    const path = `/_s3/field-data-flows/delta-data-control/${at3(MD5)}`;
    server = await startRemotes({ s3: s3(new DvcRemoteStore()), before: [(req) => (req.path === path ? new Response('{"silhouette": 0.99}') : undefined)] });
    const { project, dvcConfig } = await deltares(server.url);
    const cache = memoryCache();
    const read = await readRemoteMetrics(testReader({ credentials: [...credential(server.url)], cache }), project, dvcConfig);
    expect(read.metrics).toEqual([]);
    expect(read.notes).toMatchObject([{ failure: { kind: 'mismatch', expected: MD5, actual: md5Of(bytes('{"silhouette": 0.99}'), '3') } }]);
    expect(cache.entries.size).toBe(0);
  });
});

describe('plot data kept in the remote', () => {
  it('reads a plot file of eval/ through the same manifest, and says why for a file nothing records', async () => {
    server = await startRemotes({ http: { 'get-started': egsRemote() } });
    const { project, dvcConfig } = await egsMain();
    const reader = testReader({ route: ['https://remote.dvc.org/get-started', `${server.url}/_dvc/get-started`] });
    expect(await readRemoteFile(reader, project, dvcConfig, 'eval/plots/sklearn/roc/test.json')).toEqual({ bytes: ROC_JSON });
    // The manifest was read once for both the metrics and the plot.
    await readRemoteMetrics(reader, project, dvcConfig);
    expect(reader.requested.filter((url) => url.endsWith('.dir'))).toHaveLength(1);
    const absent = await readRemoteFile(reader, project, dvcConfig, 'eval/plots/sklearn/prc/test.json');
    expect(absent).toMatchObject({ note: { failure: { kind: 'unreadable' }, message: expect.stringContaining('lists no plots/sklearn/prc/test.json') } });
    expect(await readRemoteFile(reader, project, dvcConfig, 'nowhere.json')).toMatchObject({ note: { failure: { kind: 'unreadable' } } });
  });
});
