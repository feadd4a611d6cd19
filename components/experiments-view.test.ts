// @vitest-environment happy-dom
import type { CiStatus } from '../lib/experiments/ci/ci-status';
import type { ExperimentRow } from '../lib/experiments/types';
import type { ExperimentsReply, Request } from '../lib/messages';
import type { CellTarget } from '../lib/page/overlay';
import { experimentsView } from './experiments-view';

const SHA = 'a'.repeat(40);
const ci = (state: 'queued' | 'succeeded'): CiStatus => ({ state, checks: [{ name: 'train', state, url: null }], partial: false });
const row = (state: 'queued' | 'succeeded', metric: number): ExperimentRow => ({
  sha: SHA,
  parents: [],
  params: [],
  paramChanges: [],
  unreproduced: [],
  metrics: [{ file: 'metrics.json', key: 'auc', value: metric }],
  metricChanges: [],
  cachedMetrics: [],
  stages: [],
  problems: [],
  ci: ci(state),
});
const reply = (r: ExperimentRow): ExperimentsReply => ({
  ok: true,
  result: { dvc: true, rows: [r], fetched: { waves: 0, rawReads: 0, live: 1, fallback: 0, trees: 0 } },
});
const target = { row: { element: document.body, sha: SHA }, list: { kind: 'repo-commits', owner: 'o', repo: 'r' }, where: 'main' } as CellTarget;

afterEach(() => {
  vi.useRealTimers();
});

describe('experimentsView follows rows whose CI is still moving', () => {
  it('asks again after the first wait and redraws the row when its run finished, then stops', async () => {
    vi.useFakeTimers();
    const replies = [reply(row('queued', 0.5)), reply(row('succeeded', 0.9))];
    const asked: Request<'experiments'>[] = [];
    const view = experimentsView(
      async (request) => (asked.push(request), replies.shift()!),
      () => ({ ref: 'main' }),
    );
    const host = document.createElement('span');
    view.renderCell(host, target, 'https://github.com/o/r/commits/main');
    await vi.advanceTimersByTimeAsync(0);
    expect(host.textContent).toContain('auc = 0.5');
    await vi.advanceTimersByTimeAsync(15_000);
    expect(asked).toHaveLength(2);
    expect(asked[1]).toEqual(asked[0]);
    expect(host.textContent).toContain('auc = 0.9');
    await vi.advanceTimersByTimeAsync(600_000);
    expect(asked).toHaveLength(2);
  });

  it('stops when the page view ends (a soft navigation to another list)', async () => {
    vi.useFakeTimers();
    const asked: string[] = [];
    const view = experimentsView(
      async (request) => (asked.push(request.shas[0]!), reply(row('queued', 0.5))),
      () => ({ ref: 'main' }),
    );
    view.renderCell(document.createElement('span'), target, 'https://github.com/o/r/commits/main');
    await vi.advanceTimersByTimeAsync(0);
    view.renderCell(document.createElement('span'), { ...target, row: { element: document.body, sha: 'b'.repeat(40) } }, 'https://github.com/o/r/commits/dev');
    await vi.advanceTimersByTimeAsync(0);
    const before = asked.length;
    await vi.advanceTimersByTimeAsync(60_000);
    // Only the new view's own row is followed: the first view's commit is never asked for again.
    expect(asked.slice(before).every((sha) => sha === 'b'.repeat(40))).toBe(true);
    expect(asked.filter((sha) => sha === SHA)).toHaveLength(1);
  });
});
