// @vitest-environment happy-dom
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { diffMetrics, diffParams, readProject } from '../../lib/dvc';
import type { ExperimentRow } from '../../lib/experiments/types';
import type { ExperimentsReply } from '../../lib/messages';
import type { CellTarget } from '../../lib/page/overlay';
import type { CommitListPage } from '../../lib/page/url';
import { DVC_FIXTURES } from '../../tests/fixture-paths';
import { createController, type ControllerDeps } from './controller';
import type { OverlaySettings } from './view';

// The real Studio commit a9d6176 of example-get-started (params.yaml says n_est 100, dvc.lock
// still 50; Git-tracked eval/live/metrics.json), on top of a parent whose params are the lock's.
const STUDIO = join(DVC_FIXTURES, 'iterative__example-get-started', 'studio-commit-pr46-a9d6176');
const files = (root: string, dir = ''): Record<string, string> =>
  Object.assign(
    {},
    ...readdirSync(join(root, dir)).map((name) => {
      const rel = dir ? `${dir}/${name}` : name;
      return statSync(join(root, rel)).isDirectory() ? files(root, rel) : { [rel]: readFileSync(join(root, rel), 'utf8') };
    }),
  );
const RUN = 'a9d61761e1a53e7b77f0378b72e03884f093ce1d';
const PARENT = 'b'.repeat(40);
const list: CommitListPage = { kind: 'repo-commits', owner: 'iterative', repo: 'example-get-started' };
const METRICS_FILE = 'eval/live/metrics.json';
const realMetrics = JSON.parse(readFileSync(join(STUDIO, METRICS_FILE), 'utf8')) as { avg_prec: { test: number } };

async function rows(): Promise<ExperimentRow[]> {
  const child = files(STUDIO);
  const parentFiles: Record<string, string> = {
    ...child,
    'params.yaml': child['params.yaml']!.replace('n_est: 100', 'n_est: 50'),
    [METRICS_FILE]: child[METRICS_FILE]!.replace(String(realMetrics.avg_prec.test), '0.9'),
  };
  const [now, before] = await Promise.all([child, parentFiles].map((f) => readProject(async (p) => f[p] ?? null, Object.keys(f))));
  const row = (sha: string, parents: string[], p = now!, q = before!): ExperimentRow => ({
    sha,
    parents,
    params: p.params,
    paramChanges: diffParams(q.params, p.params),
    unreproduced: p.params
      .filter((x) => x.locked !== undefined && x.locked !== x.value)
      .map((x) => ({ file: x.file, key: x.key, value: x.value, locked: x.locked })),
    metrics: p.metrics,
    metricChanges: diffMetrics(q.metrics, p.metrics),
    cachedMetrics: p.cachedMetrics,
    stages: p.stages,
    problems: [],
  });
  return [
    {
      ...row(RUN, [PARENT]),
      ci: { state: 'failed', checks: [{ name: 'train', state: 'failed', url: 'https://github.com/iterative/example-get-started/runs/1' }], partial: false },
      report: {
        url: 'https://github.com/iterative/example-get-started/pull/46#issuecomment-1',
        author: 'github-actions',
        time: '2023-03-13T00:00:00Z',
        tie: 'exact',
        source: 'pr-comment',
      },
    },
    row(PARENT, [], before!, before!),
  ];
}

/** A page with two commit rows, our hosts in them, driven by the controller as the overlay would. */
async function page(reply: ExperimentsReply, saved: OverlaySettings | null = null, pageLogin = 'octocat') {
  document.body.innerHTML = '';
  const saves: OverlaySettings[] = [];
  const deps: ControllerDeps = {
    document,
    askRows: vi.fn(async () => reply),
    loadSettings: async () => saved,
    saveSettings: async (_repo, s) => void saves.push(s),
    pageLogin: () => pageLogin,
    openRun: vi.fn(),
    openSignIn: vi.fn(),
    log: vi.fn(),
  };
  const controller = createController(deps);
  const header = document.createElement('div');
  document.body.append(header);
  controller.renderHeader(header);
  const hosts = [RUN, PARENT].map((sha) => {
    const element = document.createElement('li');
    const target: CellTarget = { row: { element, sha }, list, where: 'main' };
    const [cell, report] = ['cell', 'report'].map(() => element.appendChild(document.createElement('span')));
    controller.renderCell(cell!, target);
    controller.renderReport(report!, target);
    document.body.append(element);
    return { element, cell: cell!, report: report! };
  });
  controller.onRows(
    list,
    hosts.map((h, i) => ({ element: h.element, sha: [RUN, PARENT][i]! })),
  );
  await vi.waitFor(() => expect(deps.askRows).toHaveBeenCalled());
  await new Promise((r) => setTimeout(r, 0));
  return { controller, deps, hosts, header, saves };
}

const shadow = (host: Element) => host.shadowRoot!;
const fetched = { waves: 1, rawReads: 0, live: 0, fallback: 0, trees: 0, remoteReads: 0 };

describe('the overlay draws rows from the background’s answer', () => {
  it('shows the metric value as dvc prints it, its change against the parent, and the changed param with its unreproduced mark', async () => {
    const { hosts, deps } = await page({ ok: true, result: { dvc: true, rows: await rows(), fetched } });
    expect(deps.askRows).toHaveBeenCalledWith({ repo: { owner: 'iterative', name: 'example-get-started' }, list: { ref: 'HEAD' }, shas: [RUN, PARENT] });
    const cell = shadow(hosts[0]!.cell);
    const metric = cell.querySelector(`[data-metric="${METRICS_FILE}:avg_prec.test"]`)!;
    // dvc metrics show rounds to 5 decimals; the change is new - old.
    expect(metric.querySelector('.cl-value')!.textContent).toBe(String(Math.round(realMetrics.avg_prec.test * 1e5) / 1e5));
    expect(metric.querySelector('.cl-delta')!.textContent).toBe(`+${Math.round((realMetrics.avg_prec.test - 0.9) * 1e5) / 1e5}`);
    const chip = cell.querySelector('.cl-chip')!;
    expect(chip.getAttribute('data-param')).toBe('params.yaml:train.n_est');
    expect(chip.textContent).toContain('train.n_est 50→100');
    expect(chip.getAttribute('data-unreproduced')).toBe('true');
    expect(cell.querySelector('[data-status]')!.getAttribute('data-status')).toBe('failed');
    expect(cell.querySelector('a[data-status]')!.getAttribute('href')).toBe('https://github.com/iterative/example-get-started/runs/1');
    const report = shadow(hosts[0]!.report).querySelector('a')!;
    expect(report.getAttribute('title')).toBe('CML Report');
    expect(report.getAttribute('data-report-url')).toBe('https://github.com/iterative/example-get-started/pull/46#issuecomment-1');
    expect(shadow(hosts[1]!.report).querySelector('a')).toBeNull();
  });

  it('dims the metrics of a commit whose params differ from dvc.lock, saying they come from the last reproduction, and leaves a reproduced one alone', async () => {
    const { hosts } = await page({ ok: true, result: { dvc: true, rows: await rows(), fetched } });
    // a9d6176 changed n_est to 100 while dvc.lock still says 50: DVC calls its outputs stale.
    const stale = shadow(hosts[0]!.cell).querySelector(`[data-metric="${METRICS_FILE}:avg_prec.test"]`) as HTMLElement;
    expect(stale.getAttribute('data-unreproduced')).toBe('true');
    expect(stale.tabIndex).toBe(0);
    expect(stale.getAttribute('title')).toMatch(/last reproduction recorded in dvc\.lock/);
    const note = shadow(hosts[0]!.cell).getElementById(stale.getAttribute('aria-describedby')!)!;
    expect(note.textContent).toMatch(/not from this commit’s params/);
    // The parent's params are what its dvc.lock recorded: its metrics are its own.
    const fresh = shadow(hosts[1]!.cell).querySelector(`[data-metric="${METRICS_FILE}:avg_prec.test"]`)!;
    expect(fresh.hasAttribute('data-unreproduced')).toBe(false);
    expect(fresh.hasAttribute('aria-describedby')).toBe(false);
    expect(fresh.getAttribute('title')).not.toMatch(/dvc\.lock/);
  });

  it('switches to percent and to a chosen baseline, and remembers the choice for the repository', async () => {
    const { hosts, header, saves } = await page({ ok: true, result: { dvc: true, rows: await rows(), fetched } });
    const selects = shadow(header).querySelectorAll('select');
    const mode = [...selects].find((s) => [...s.options].some((o) => o.value === 'percent'))!;
    mode.value = 'percent';
    mode.dispatchEvent(new Event('change'));
    const delta = () => shadow(hosts[0]!.cell).querySelector(`[data-metric="${METRICS_FILE}:avg_prec.test"] .cl-delta`)?.textContent;
    expect(delta()).toBe(`+${Number((((realMetrics.avg_prec.test - 0.9) / 0.9) * 100).toFixed(1))}%`);
    expect(saves.at(-1)).toMatchObject({ deltaMode: 'percent', baseline: { kind: 'parent' } });
    const baseline = [...selects].find((s) => [...s.options].some((o) => o.value === PARENT))!;
    baseline.value = RUN;
    baseline.dispatchEvent(new Event('change'));
    expect(delta()).toBeUndefined(); // the baseline row has no change against itself
    expect(saves.at(-1)).toMatchObject({ baseline: { kind: 'commit', sha: RUN } });
  });

  it('renders HTML and script payloads in names and values as text', async () => {
    const [run, parent] = await rows();
    const payload = '<img src=x onerror="globalThis.pwned=1"><script>globalThis.pwned=1</script>';
    run!.metrics = [{ file: `${payload}.json`, key: payload, value: payload }];
    run!.paramChanges = [{ file: payload, key: payload, old: payload, new: 1 }];
    const { hosts } = await page({ ok: true, result: { dvc: true, rows: [run!, parent!], fetched } });
    const cell = shadow(hosts[0]!.cell);
    expect(cell.querySelector('img, script')).toBeNull();
    expect(cell.querySelector('.cl-value')!.textContent).toBe(payload);
    expect(cell.querySelector('.cl-chip-text')!.textContent).toBe(`${payload} ${payload}→1`);
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
  });

  it('removes every host of a repository without DVC and leaves it alone after', async () => {
    const { hosts, header, controller } = await page({ ok: true, result: { dvc: false, rows: [] } });
    expect(header.isConnected).toBe(false);
    expect(hosts.every((h) => !h.cell.isConnected && !h.report.isConnected)).toBe(true);
    expect(controller.suppressed(list)).toBe(true);
  });

  it('says why there is no data once, at the header: signed out (with a sign-in button), rate limited, not found', async () => {
    const signedOut = await page({ ok: false, error: { kind: 'no-token', message: 'Not signed in.' } });
    const notice = shadow(signedOut.header).querySelectorAll('.cl-notice');
    expect(notice).toHaveLength(1);
    expect(notice[0]!.textContent).toContain('Not signed in.');
    shadow(signedOut.header).querySelector<HTMLButtonElement>('.cl-notice button')!.click();
    expect(signedOut.deps.openSignIn).toHaveBeenCalled();
    expect(signedOut.hosts.every((h) => shadow(h.cell).querySelector('.cl-notice, .cl-skeleton') === null)).toBe(true);

    const limited = await page({
      ok: false,
      error: { kind: 'rate-limited', message: 'GitHub’s API limit is used up until 08:00.', until: 0, limit: 'primary' },
    });
    expect(shadow(limited.header).querySelector('.cl-notice')!.textContent).toBe('GitHub’s API limit is used up until 08:00.');
    const missing = await page({
      ok: false,
      error: { kind: 'not-found', message: 'GitHub cannot find iterative/example-get-started, or your token cannot read it.' },
    });
    expect(shadow(missing.header).querySelector('.cl-notice')!.textContent).toContain('cannot find');
  });

  it('says once when the token’s account is not the one signed in to GitHub', async () => {
    const { header } = await page({ ok: true, result: { dvc: true, rows: await rows(), fetched }, login: 'someone-else' }, null, 'octocat');
    const notices = shadow(header).querySelectorAll('.cl-notice-wrong-account');
    expect(notices).toHaveLength(1);
    expect(notices[0]!.textContent).toContain('someone-else');
  });

  it('shows skeletons while loading, sized like the remembered columns', async () => {
    const saved: OverlaySettings = {
      metrics: [`${METRICS_FILE}:avg_prec.test`, `${METRICS_FILE}:roc_auc.test`],
      params: [],
      baseline: { kind: 'parent' },
      deltaMode: 'absolute',
      goals: {},
    };
    let answer!: (reply: ExperimentsReply) => void;
    document.body.innerHTML = '';
    const controller = createController({
      document,
      askRows: () => new Promise((resolve) => (answer = resolve)),
      loadSettings: async () => saved,
      saveSettings: async () => undefined,
      pageLogin: () => undefined,
      openRun: vi.fn(),
      openSignIn: vi.fn(),
      log: vi.fn(),
    });
    const element = document.createElement('li');
    const cell = element.appendChild(document.createElement('span'));
    document.body.append(element);
    controller.renderCell(cell, { row: { element, sha: RUN }, list, where: 'main' });
    controller.onRows(list, [{ element, sha: RUN }]);
    await vi.waitFor(() => expect(answer).toBeDefined());
    expect(shadow(cell).querySelectorAll('.cl-cell.cl-skeleton')).toHaveLength(2);
    answer({ ok: true, result: { dvc: true, rows: await rows(), fetched } });
    await vi.waitFor(() => expect(shadow(cell).querySelectorAll('.cl-cell[data-metric]')).toHaveLength(2));
  });
});
