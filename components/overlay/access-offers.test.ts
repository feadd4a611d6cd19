import { describe, expect, it } from 'vitest';
import { experimentRow } from '../../lib/experiments/testing/experiment-row';
import type { ExperimentRow } from '../../lib/experiments/types';
import type { RemoteNote } from '../../lib/experiments/remote-metrics';
import { accessOffers } from './view';

const sha = (n: number) => String(n).repeat(40).slice(0, 40);
const permission = (host: string, denied = false): RemoteNote => ({
  file: 'eval/metrics.json',
  message: `eval/metrics.json is in a DVC remote on ${host}`,
  failure: { kind: 'permission', host, origin: `https://${host}/*`, denied },
});
const row = (n: number, notes: RemoteNote[]): ExperimentRow =>
  experimentRow(sha(n), {
    cachedMetrics: [{ file: 'eval/metrics.json', dir: { path: 'eval', md5: 'a'.repeat(32) + '.dir' } }],
    remoteMetrics: [],
    remoteNotes: notes,
  });
const accessUrl = (origin: string) => `chrome-extension://id/remote-access.html?origin=${encodeURIComponent(origin)}`;

describe('"Read metrics from <host>" in the rows', () => {
  it('is offered once per host, in the first row (page order) that needs it, and not for a host refused before', () => {
    const rows = [
      row(1, [permission('remote.dvc.org')]),
      row(2, [permission('remote.dvc.org')]),
      row(3, [permission('s3.deltares.nl', true)]),
      row(4, [permission('minio.example.org')]),
    ];
    const offers = accessOffers(
      rows.map((r) => r.sha),
      new Map(rows.map((r) => [r.sha, r])),
      accessUrl,
    );
    expect(rows.map((r) => offers.get(r.sha)?.url ?? null)).toEqual([
      'chrome-extension://id/remote-access.html?origin=https%3A%2F%2Fremote.dvc.org%2F*',
      null,
      null,
      'chrome-extension://id/remote-access.html?origin=https%3A%2F%2Fminio.example.org%2F*',
    ]);
    expect(offers.get(sha(1))?.host).toBe('remote.dvc.org');
  });

  it('offers nothing without a page to frame', () => {
    const r = row(1, [permission('remote.dvc.org')]);
    expect(accessOffers([r.sha], new Map([[r.sha, r]]), undefined).size).toBe(0);
  });
});
