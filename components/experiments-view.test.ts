// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { ExperimentRow } from '../lib/experiments/types';
import type { RemoteNote } from '../lib/experiments/remote-metrics';
import type { ExperimentsReply } from '../lib/messages';
import { experimentsView } from './experiments-view';

const sha = (n: number) => String(n).repeat(40).slice(0, 40);
const permission = (host: string, denied = false): RemoteNote => ({
  file: 'eval/metrics.json',
  message: `eval/metrics.json is in a DVC remote on ${host}`,
  failure: { kind: 'permission', host, origin: `https://${host}/*`, denied },
});
const row = (n: number, notes: RemoteNote[]): ExperimentRow => ({
  sha: sha(n),
  parents: [],
  params: [],
  paramChanges: [],
  unreproduced: [],
  metrics: [],
  metricChanges: [],
  cachedMetrics: [{ file: 'eval/metrics.json', dir: { path: 'eval', md5: 'a'.repeat(32) + '.dir' } }],
  stages: [],
  problems: [],
  remoteMetrics: [],
  remoteNotes: notes,
});

/** Draws four rows answered with `rows`, and gives the access frames each row shows. */
async function framesFor(rows: ExperimentRow[]): Promise<(string | null)[]> {
  const reply: ExperimentsReply = { ok: true, result: { dvc: true, rows, fetched: { waves: 1, rawReads: 0, remoteReads: 0 } } };
  const view = experimentsView(
    async () => reply,
    () => ({ ref: 'main' }),
    (origin) => `chrome-extension://id/remote-access.html?origin=${encodeURIComponent(origin)}`,
  );
  const hosts = rows.map((r) => {
    const host = document.body.appendChild(document.createElement('span'));
    view.renderCell(host, { row: { element: host, sha: r.sha }, list: { kind: 'repo-commits', owner: 'acme', repo: 'egs' }, where: 'main' }, 'view');
    return host;
  });
  await new Promise((resolve) => setTimeout(resolve, 0));
  return hosts.map((host) => host.querySelector('iframe')?.getAttribute('src') ?? null);
}

describe('"Read metrics from <host>" in the rows', () => {
  it('is offered once per host, in the first row that needs it, and not for a host refused before', async () => {
    const frames = await framesFor([
      row(1, [permission('remote.dvc.org')]),
      row(2, [permission('remote.dvc.org')]),
      row(3, [permission('s3.deltares.nl', true)]),
      row(4, [permission('minio.example.org')]),
    ]);
    expect(frames).toEqual([
      'chrome-extension://id/remote-access.html?origin=https%3A%2F%2Fremote.dvc.org%2F*',
      null,
      null,
      'chrome-extension://id/remote-access.html?origin=https%3A%2F%2Fminio.example.org%2F*',
    ]);
  });
});
