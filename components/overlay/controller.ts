import { h, render, type ComponentChild } from 'preact';
import { chosenColumns, DEFAULT_METRIC_COLUMNS, defaultChoice, pageColumns } from '../../lib/experiments/columns/columns';
import type { CommitList, ExperimentRow, RowsRequest } from '../../lib/experiments/types';
import type { ExperimentsReply } from '../../lib/messages';
import type { CellTarget } from '../../lib/page/overlay';
import { CELL_ATTRIBUTE } from '../../lib/page/overlay';
import { createRowLayout } from '../../lib/page/row-layout';
import { pageRefOf } from '../../lib/page/page-ref';
import type { CommitRow } from '../../lib/page/rows';
import type { CommitListPage } from '../../lib/page/url';
import { Header } from './Header';
import { reportIcon } from './ReportIcon';
import { RowCells } from './RowCells';
import { shadowOf } from './shadow';
import { DRAW_MEASURE } from './draw-measure';
import { followPage } from './follow-page';
import { accessOffers, DEFAULT_SETTINGS, type Notice, type OverlaySettings, type OverlayView } from './view';

export interface ControllerDeps {
  document: Document;
  askRows(request: RowsRequest): Promise<ExperimentsReply>;
  loadSettings(repo: string): Promise<OverlaySettings | null>;
  saveSettings(repo: string, settings: OverlaySettings): Promise<void>;
  /** Who GitHub's page says is signed in (empty when signed out). */
  pageLogin(): string | undefined;
  openRun(target: { owner: string; repo: string; sha: string; ref: string; login: string }, opener: HTMLElement): void;
  openSignIn(): void;
  /** The URL of the remote-access page for an origin pattern; absent: no "Read metrics from <host>" is offered. */
  accessUrl?(origin: string): string;
  log(message: string): void;
}

const repoKey = (list: CommitListPage) => `${list.owner}/${list.repo}`;

/**
 * The state of the overlay on one tab: which page view is shown, its rows (asked of the
 * background once per set of SHAs), the repository's remembered choices, and every host drawn
 * from them. Any change redraws each host from one new `OverlayView`.
 */
export function createController(deps: ControllerDeps) {
  const hosts = new Map<HTMLElement, () => ComponentChild>();
  const noDvc = new Set<string>();
  const settingsByRepo = new Map<string, OverlaySettings>();
  let page: { key: string; list: CommitListPage; request: RowsRequest; ref: string } | undefined;
  let phase: OverlayView['phase'] = 'loading';
  let rows = new Map<string, ExperimentRow>();
  let notices: Notice[] = [];
  let generation = 0;
  /** Ends the following of the page view shown (a new view, a refresh). */
  let following = new AbortController();
  /** Commits the Run form just made: followed while their CI says nothing yet. */
  const awaiting = new Set<string>();

  /** A commit awaited leaves the set once its CI said something: later page views follow it as any row. */
  const heard = () => {
    for (const sha of awaiting) if ((rows.get(sha)?.ci?.state ?? 'none') !== 'none') awaiting.delete(sha);
  };

  const settingsOf = (repo: string) => settingsByRepo.get(repo) ?? DEFAULT_SETTINGS;

  const view = (): OverlayView => {
    const list = page?.list;
    const repo = list ? repoKey(list) : '';
    const settings = settingsOf(repo);
    const columns = pageColumns([...rows.values()]);
    const defaults = defaultChoice(columns);
    const metricIds = settings.metrics
      ? phase === 'ready'
        ? chosenColumns(columns.metrics, settings.metrics).map((c) => c.id)
        : settings.metrics
      : defaults.metrics;
    const paramIds = settings.params
      ? phase === 'ready'
        ? chosenColumns(columns.params, settings.params).map((c) => c.id)
        : settings.params
      : defaults.params;
    return {
      phase,
      rows,
      columns,
      metricIds: phase === 'loading' && !settings.metrics ? Array.from({ length: DEFAULT_METRIC_COLUMNS }, (_, i) => `loading:${i}`) : metricIds,
      paramIds,
      settings,
      notices,
      shas: page?.request.shas ?? [],
      repo: { owner: list?.owner ?? '', name: list?.repo ?? '' },
      accessOffers: accessOffers(page?.request.shas ?? [], rows, deps.accessUrl),
    };
  };

  /** The header's host, whose titles the row layout lines up over the column. */
  let headerHost: HTMLElement | undefined;
  /** Each row's report icon host, by row. */
  const reportHosts = new WeakMap<Element, HTMLElement>();
  const layout = createRowLayout({
    document: deps.document,
    hosts: () => [...hosts.keys()].filter((host) => host.hasAttribute(CELL_ATTRIBUTE)),
    report: (row) => {
      const host = reportHosts.get(row);
      return host?.isConnected && !host.hidden ? host : undefined;
    },
    parts: (host) => ({
      column: host.shadowRoot?.querySelector('.cl-cells'),
      folded: host.shadowRoot?.querySelector('.cl-more'),
      titled: host.shadowRoot?.querySelector('.cl-status'),
    }),
    header: () => headerHost,
  });

  let currentView = view();
  const draw = () => {
    currentView = view();
    for (const [host, node] of hosts) {
      if (!host.isConnected) hosts.delete(host);
      else render(node(), shadowOf(host));
    }
    layout.schedule();
  };
  /** Draws a host now and on every change; what it returns undoes that (the overlay calls it when the host goes). */
  const attach = (host: HTMLElement, node: () => ComponentChild) => {
    hosts.set(host, node);
    render(node(), shadowOf(host));
    layout.schedule();
    return () => {
      hosts.delete(host);
      render(null, shadowOf(host));
    };
  };

  const actions = {
    setSettings(next: OverlaySettings) {
      if (!page) return;
      const repo = repoKey(page.list);
      // The columns in effect are what the user sees: remember them, not "default".
      const seen = currentView;
      const settled = { ...next, metrics: next.metrics ?? seen.metricIds, params: next.params ?? seen.paramIds };
      settingsByRepo.set(repo, settled);
      draw();
      void deps.saveSettings(repo, settled).catch((e: unknown) => deps.log(`settings not saved: ${String(e)}`));
    },
    refresh() {
      if (page) void load(page.key, true);
    },
    openRun(sha: string, opener: HTMLElement) {
      if (!page) return;
      deps.openRun({ owner: page.list.owner, repo: page.list.repo, sha, ref: page.ref, login: deps.pageLogin() ?? '' }, opener);
    },
  };

  const noticeOf = (reply: Extract<ExperimentsReply, { ok: false }>): Notice => {
    const { error } = reply;
    switch (error.kind) {
      case 'no-token':
        // The background's sentence: why the sign-in ended (GitHub's reason), or what to do.
        return { kind: 'signed-out', text: error.message, action: 'sign-in' };
      case 'rate-limited':
        return { kind: 'rate-limited', text: error.message };
      case 'not-found':
        return { kind: 'not-found', text: error.message };
      default:
        return { kind: 'failed', text: `Commit Lab could not load experiments: ${error.message}` };
    }
  };

  const load = async (key: string, fresh = false) => {
    if (!page || page.key !== key) return;
    const mine = ++generation;
    following.abort();
    following = new AbortController();
    const { signal } = following;
    const { request, list } = page;
    if (fresh) {
      phase = 'loading';
      draw();
    }
    let reply: ExperimentsReply;
    try {
      reply = await deps.askRows(request);
    } catch (error) {
      // The background failed (not GitHub): say so plainly; the log keeps the detail.
      deps.log(`experiments request failed: ${String(error)}`);
      reply = { ok: false, error: { kind: 'unavailable', message: 'Commit Lab could not read this page’s experiments; reload the page to try again.' } };
    }
    if (mine !== generation) return;
    if (reply.ok && !reply.result.dvc) {
      noDvc.add(repoKey(list));
      for (const host of hosts.keys()) host.remove();
      hosts.clear();
      return;
    }
    notices = [];
    if (reply.ok) {
      phase = 'ready';
      rows = new Map(reply.result.rows.map((row) => [row.sha, row]));
      followPage(
        reply.result.rows,
        () => deps.askRows(request),
        (next) => {
          if (mine !== generation) return;
          rows = new Map(next.map((row) => [row.sha, row]));
          heard();
          draw();
        },
        signal,
        [...awaiting],
      );
      heard();
      const pageLogin = deps.pageLogin();
      if (reply.login && pageLogin && reply.login.toLowerCase() !== pageLogin.toLowerCase()) {
        notices.push({
          kind: 'wrong-account',
          text: `Commit Lab is signed in as ${reply.login}, GitHub as ${pageLogin}: experiments show what ${reply.login} can read.`,
        });
      }
    } else {
      phase = 'failed';
      rows = new Map();
      notices.push(noticeOf(reply));
    }
    // What drawing every row from its data costs the main thread (read by `npm run bench`).
    const start = performance.now();
    draw();
    performance.measure(DRAW_MEASURE, { start, end: performance.now() });
  };

  return {
    suppressed: (list: CommitListPage) => noDvc.has(repoKey(list)),

    /** The Run form made this commit: its row is followed from its first read, before CI has created a check run. */
    awaitStatus(sha: string) {
      awaiting.add(sha);
    },

    /** The overlay found these rows: ask for their data when they are a new set. */
    onRows(list: CommitListPage, found: readonly CommitRow[]) {
      const shas = found.map((r) => r.sha);
      const ref = list.kind === 'pr-commits' ? '' : (pageRefOf(deps.document)?.name ?? 'HEAD');
      const commitList: CommitList = list.kind === 'pr-commits' ? { pr: list.number } : { ref };
      const key = JSON.stringify([list.owner, list.repo, commitList, shas]);
      if (page?.key === key) return;
      const repo = repoKey(list);
      page = { key, list, ref, request: { repo: { owner: list.owner, name: list.repo }, list: commitList, shas } };
      phase = 'loading';
      rows = new Map();
      notices = [];
      draw();
      // Whether remembered settings arrived (only then do the skeletons just drawn change).
      const settingsReady = settingsByRepo.has(repo)
        ? Promise.resolve(false)
        : deps.loadSettings(repo).then(
            (saved) => {
              if (saved) settingsByRepo.set(repo, { ...DEFAULT_SETTINGS, ...saved });
              return !!saved;
            },
            () => false,
          );
      void settingsReady.then((remembered) => {
        if (page?.key !== key) return;
        if (remembered) draw(); // skeletons sized like the remembered columns
        return load(key);
      });
    },

    renderCell(host: HTMLElement, target: CellTarget) {
      return attach(host, () => h(RowCells, { view: currentView, sha: target.row.sha, onRun: actions.openRun }));
    },
    renderReport(host: HTMLElement, target: CellTarget) {
      reportHosts.set(target.row.element, host);
      return attach(host, () => {
        const row = currentView.rows.get(target.row.sha);
        // No box at all without a report: an empty inline box would still open a line in GitHub's title.
        host.hidden = !row?.report;
        return reportIcon(row);
      });
    },
    renderHeader(host: HTMLElement) {
      headerHost = host;
      return attach(host, () => h(Header, { view: currentView, actions, onSignIn: deps.openSignIn }));
    },
  };
}
