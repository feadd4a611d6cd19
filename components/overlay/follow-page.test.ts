// @vitest-environment happy-dom
import type { CiStatus } from '../../lib/experiments/ci/ci-status';
import { experimentRow } from '../../lib/experiments/testing/experiment-row';
import type { ExperimentRow, RowsRequest } from '../../lib/experiments/types';
import type { ExperimentsReply } from '../../lib/messages';
import type { CellTarget } from '../../lib/page/overlay';
import type { CommitListPage } from '../../lib/page/url';
import { createController } from './controller';

const SHA = 'a'.repeat(40);
type State = 'none' | 'queued' | 'succeeded';
const ci = (state: State): CiStatus => ({ state, checks: state === 'none' ? [] : [{ name: 'train', state, url: null }], partial: false });
const row = (state: State, metric: number): ExperimentRow =>
  experimentRow(SHA, { metrics: [{ file: 'metrics.json', key: 'auc', value: metric }], ci: ci(state) });
const reply = (r: ExperimentRow): ExperimentsReply => ({
  ok: true,
  result: { dvc: true, rows: [r], fetched: { waves: 0, rawReads: 0, live: 1, fallback: 0, trees: 0, remoteReads: 0 } },
});
const list: CommitListPage = { kind: 'repo-commits', owner: 'o', repo: 'r' };

/** The controller as the content script wires it, asking `askRows`; `show(sha)` draws a row's cell and tells the controller the page's rows. */
function overlay(askRows: (request: RowsRequest) => Promise<ExperimentsReply>, committed?: string) {
  const controller = createController({
    document,
    askRows,
    loadSettings: async () => null,
    saveSettings: async () => undefined,
    pageLogin: () => undefined,
    openRun: () => undefined,
    openSignIn: () => undefined,
    log: () => undefined,
  });
  // As the content script does when the Run form posts its commit, before the row appears.
  if (committed) controller.awaitStatus(committed);
  return (sha: string) => {
    const host = document.body.appendChild(document.createElement('span'));
    const target: CellTarget = { row: { element: document.body, sha }, list, where: 'main' };
    controller.renderCell(host, target);
    controller.onRows(list, [target.row]);
    return host;
  };
}
const metricText = (host: HTMLElement) => host.shadowRoot!.querySelector('[data-metric="metrics.json:auc"] .cl-value')?.textContent;

afterEach(() => {
  vi.useRealTimers();
});

describe('the overlay follows rows whose CI is still moving', () => {
  it('asks again after the first wait and redraws the row when its run finished, then stops', async () => {
    vi.useFakeTimers();
    const replies = [reply(row('queued', 0.5)), reply(row('succeeded', 0.9))];
    const asked: RowsRequest[] = [];
    const show = overlay(async (request) => (asked.push(request), replies.shift()!));
    const host = show(SHA);
    await vi.advanceTimersByTimeAsync(0);
    expect(metricText(host)).toBe('0.5');
    await vi.advanceTimersByTimeAsync(15_000);
    expect(asked).toHaveLength(2);
    expect(asked[1]).toEqual(asked[0]);
    expect(metricText(host)).toBe('0.9');
    expect(host.shadowRoot!.querySelector('[data-status]')!.getAttribute('data-status')).toBe('succeeded');
    await vi.advanceTimersByTimeAsync(600_000);
    expect(asked).toHaveLength(2);
  });

  it('stops when the page view ends (a soft navigation to another list)', async () => {
    vi.useFakeTimers();
    const asked: string[] = [];
    const show = overlay(async (request) => (asked.push(request.shas[0]!), reply(row('queued', 0.5))));
    show(SHA);
    await vi.advanceTimersByTimeAsync(0);
    show('b'.repeat(40));
    await vi.advanceTimersByTimeAsync(0);
    const before = asked.length;
    await vi.advanceTimersByTimeAsync(60_000);
    // Only the new view's own row is followed: the first view's commit is never asked for again.
    expect(asked.slice(before).every((sha) => sha === 'b'.repeat(40))).toBe(true);
    expect(asked.filter((sha) => sha === SHA)).toHaveLength(1);
  });

  it('follows a commit the Run form just made while its CI says nothing yet, then to its end', async () => {
    vi.useFakeTimers();
    const replies = [reply(row('none', 0.5)), reply(row('none', 0.5)), reply(row('queued', 0.5)), reply(row('succeeded', 0.9))];
    const asked: RowsRequest[] = [];
    const host = overlay(async (request) => (asked.push(request), replies.shift()!), SHA)(SHA);
    const status = () => host.shadowRoot!.querySelector('[data-status]')?.getAttribute('data-status');
    await vi.advanceTimersByTimeAsync(0);
    expect(status()).toBe('none');
    await vi.advanceTimersByTimeAsync(15_000);
    expect(asked).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(30_000); // nothing changed: the wait doubled
    expect(asked).toHaveLength(3);
    expect(status()).toBe('queued');
    await vi.advanceTimersByTimeAsync(15_000); // something changed: short again
    expect(status()).toBe('succeeded');
    expect(metricText(host)).toBe('0.9');
    await vi.advanceTimersByTimeAsync(600_000);
    expect(asked).toHaveLength(4);
  });

  it('leaves a row without CI alone when it was not just made', async () => {
    vi.useFakeTimers();
    const asked: RowsRequest[] = [];
    overlay(async (request) => (asked.push(request), reply(row('none', 0.5))))(SHA);
    await vi.advanceTimersByTimeAsync(600_000);
    expect(asked).toHaveLength(1);
  });
});
