import { pageRefOf } from './page-ref';
import { findRows, type CommitRow } from './rows';
import { query, selectors, type Selector } from './selectors';
import { commitListOf, type CommitListPage } from './url';

/** The attribute that marks our cell in a row, carrying the SHA it was drawn for. */
export const CELL_ATTRIBUTE = 'data-commit-lab-cell';

/** What a row's cell is drawn for: the row and the list it sits in. */
export interface CellTarget {
  row: CommitRow;
  list: CommitListPage;
  /** Human words for where the list is: `main`, `feature/x (src/train.py)`, `pull request #3`. */
  where: string;
}

/** A host the overlay keeps in every row beside the cell: `data-commit-lab-<name>="<sha>"`. */
export interface RowSlot {
  name: string;
  anchor: Selector;
  /** Where in the anchor: first child (`prepend`) or last (`append`). */
  at: 'prepend' | 'append';
  /** Fills the host; returns what undoes it, like `renderCell`. */
  render(host: HTMLElement, target: CellTarget): () => void;
}

/** The attribute of the header host, carrying the repository it was drawn for. */
export const HEADER_ATTRIBUTE = 'data-commit-lab-header';

export interface HeaderSlot {
  /** The list container the header goes before. */
  anchor: Selector;
  render(host: HTMLElement, list: CommitListPage): () => void;
}

export interface OverlayOptions {
  document: Document;
  /** Everything the overlay sets up dies with this signal (WXT's `ctx.signal`). */
  signal: AbortSignal;
  /**
   * Asked before each scan; false means the extension was reloaded or removed under us (WXT's
   * `ctx.isValid`, which then aborts `signal`). Orphaned scripts must stop touching the page.
   */
  isValid?: () => boolean;
  /**
   * Fills a freshly created, empty cell host for one row; returns what undoes it (unmounts the UI,
   * drops its listeners and requests), called once when that cell is removed, by us or by GitHub.
   */
  renderCell(host: HTMLElement, target: CellTarget): () => void;
  /** More hosts per row (the Run button in the action bar, the report icon by the title), each kept like the cell. */
  slots?: readonly RowSlot[];
  /** One host just before the list (the header), drawn when the list's rows are first seen. */
  header?: HeaderSlot;
  /** True for a list the overlay must leave alone (a repository known to have no DVC): its hosts are removed, none drawn. */
  suppressed?(list: CommitListPage): boolean;
  /** After each scan that found rows: the list and its rows in page order (to ask for their data). */
  onRows?(list: CommitListPage, rows: readonly CommitRow[]): void;
  log(message: string): void;
  /** How long a commit list may show no rows before that counts as our selectors missing. */
  missAfterMs?: number;
  /**
   * Runs a callback before the next paint; scans are batched to one per call. Defaults to the
   * window's `requestAnimationFrame` (not WXT's `ctx.requestAnimationFrame`, which adds an
   * abort listener per frame for the life of the page; a frame that comes after the abort finds
   * `signal` aborted and does nothing).
   */
  nextFrame?(callback: () => void): void;
}

/**
 * Marks every commit row of a commit list with exactly one cell, and keeps it so: rows GitHub
 * adds or re-renders (React, paging, soft navigation) get theirs before the next paint, rows
 * that still carry a cell for the same SHA are left alone. When our selectors find nothing the
 * page is left untouched and the miss is logged once: a selector that misses on one list misses
 * on every list GitHub serves with that markup, so another line per page would say nothing new.
 *
 * The content script runs on every github.com page, so what it costs elsewhere matters: the
 * document is observed only while a commit list is shown (or being navigated to), and however
 * many mutations a frame brings, it is scanned once. Call `navigating` with the URL of WXT's
 * `wxt:locationchange`, which fires before that page exists.
 */
export function startOverlay(options: OverlayOptions): { navigating(url: URL): void } {
  const { document, signal } = options;
  const logged = new Set<string>();
  const logOnce = (key: string, message: string) => {
    if (logged.has(key)) return;
    logged.add(key);
    options.log(message);
  };
  let missTimer: ReturnType<typeof setTimeout> | undefined;
  let frameRequested = false;
  /** A navigation to a commit list is under way: watch for its rows before the location changes. */
  let awaitingList = false;
  const nextFrame = options.nextFrame ?? ((callback: () => void) => requestAnimationFrame(callback));
  /** Every cell drawn and not yet disposed, with what undoes its rendering. */
  const drawn = new Map<Element, () => void>();
  const dispose = (cell: Element) => {
    const undo = drawn.get(cell);
    drawn.delete(cell);
    undo?.();
  };
  /** Cells that left the document with their row (GitHub re-rendered or navigated away). */
  const disposeDetached = () => {
    for (const cell of drawn.keys()) if (!cell.isConnected) dispose(cell);
  };

  const scan = () => {
    frameRequested = false;
    if (signal.aborted || !(options.isValid?.() ?? true)) return;
    disposeDetached();
    const url = document.location.href;
    const list = commitListOf(url);
    if (list) awaitingList = false;
    watch(list !== undefined || awaitingList);
    if (!list) return;
    const { rows, unreadable } = findRows(document);
    if (unreadable) logOnce('sha', `${unreadable} commit row(s) without a readable commit link on ${url}`);
    if (!rows.length) {
      // Rows may still be rendering: only a list still empty a while later counts as a miss. Not
      // restarted by later mutations, which never stop on a busy page.
      missTimer ??= setTimeout(() => {
        missTimer = undefined;
        if (!signal.aborted && document.location.href === url && !findRows(document).rows.length) {
          logOnce('rows', `no commit rows (${selectors.commitRow.variants.join(' | ')}) on ${url}`);
        }
      }, options.missAfterMs ?? 2000);
      return;
    }
    if (options.suppressed?.(list)) return removeHosts();
    const where = describeList(document, list);
    for (const row of rows) {
      const target = { row, list, where };
      mark(target);
      for (const slot of options.slots ?? []) markSlot(slot, target);
    }
    if (options.header) markHeader(options.header, list);
    options.onRows?.(list, rows);
  };
  const scheduleScan = () => {
    if (frameRequested || signal.aborted) return;
    frameRequested = true;
    nextFrame(scan);
  };

  const mark = (target: CellTarget) => {
    const { element, sha } = target.row;
    const cells = element.querySelectorAll(`[${CELL_ATTRIBUTE}]`);
    if (cells.length === 1 && cells[0]!.getAttribute(CELL_ATTRIBUTE) === sha) return;
    cells.forEach((cell) => {
      cell.remove();
      dispose(cell);
    });
    // The cells are placed beside GitHub's metadata area (lib/page/row-layout.ts): without one there is nowhere to put them.
    const anchor = query(element, selectors.rowMetadata);
    if (!anchor) return logOnce('anchor', `no place for a cell (${selectors.rowMetadata.variants.join(' | ')}) in commit rows on ${document.location.href}`);
    const host = document.createElement('span');
    host.setAttribute(CELL_ATTRIBUTE, sha);
    drawn.set(host, options.renderCell(host, target));
    // Last in the row, out of GitHub's flow: read and reached by keyboard after GitHub's own content, as the folded disclosure sits after its actions.
    element.append(host);
  };

  const markSlot = (slot: RowSlot, target: CellTarget) => {
    const attribute = `data-commit-lab-${slot.name}`;
    const { element, sha } = target.row;
    const hosts = element.querySelectorAll(`[${attribute}]`);
    if (hosts.length === 1 && hosts[0]!.getAttribute(attribute) === sha) return;
    hosts.forEach(remove);
    const anchor = query(element, slot.anchor);
    if (!anchor)
      return logOnce(`slot-${slot.name}`, `no place for ${slot.name} (${slot.anchor.variants.join(' | ')}) in commit rows on ${document.location.href}`);
    const host = document.createElement('span');
    host.setAttribute(attribute, sha);
    drawn.set(host, slot.render(host, target));
    anchor[slot.at](host);
  };

  const markHeader = (header: HeaderSlot, list: CommitListPage) => {
    const key = `${list.owner}/${list.repo}`;
    const existing = document.querySelectorAll(`[${HEADER_ATTRIBUTE}]`);
    if (existing.length === 1 && existing[0]!.getAttribute(HEADER_ATTRIBUTE) === key) return;
    existing.forEach(remove);
    const anchor = query(document, header.anchor);
    if (!anchor) return logOnce('header', `no place for the header (${header.anchor.variants.join(' | ')}) on ${document.location.href}`);
    const host = document.createElement('div');
    host.setAttribute(HEADER_ATTRIBUTE, key);
    drawn.set(host, header.render(host, list));
    anchor.before(host);
  };

  const remove = (host: Element) => {
    host.remove();
    dispose(host);
  };
  const hostSelector = [CELL_ATTRIBUTE, HEADER_ATTRIBUTE, ...(options.slots ?? []).map((slot) => `data-commit-lab-${slot.name}`)]
    .map((name) => `[${name}]`)
    .join(',');
  const removeHosts = () => document.querySelectorAll(hostSelector).forEach(remove);

  const observer = new MutationObserver(scheduleScan);
  let observing = false;
  const watch = (on: boolean) => {
    if (on === observing) return;
    observing = on;
    if (on) observer.observe(document.documentElement, { childList: true, subtree: true });
    else observer.disconnect();
  };

  // GitHub's own "new page rendered" events (Turbo visits, React navigations, back/forward).
  for (const event of ['turbo:render', 'soft-nav:react-done']) document.addEventListener(event, scheduleScan, { signal });
  signal.addEventListener('abort', () => {
    watch(false);
    clearTimeout(missTimer);
    // A newer copy of the extension draws its own cells.
    removeHosts();
    for (const host of drawn.keys()) dispose(host);
  });
  scan();
  return {
    navigating(url) {
      // The location still shows the old page: start watching now, so the new list's rows are
      // seen as they arrive; a list that never comes (a cancelled navigation) stops mattering at the
      // next navigation.
      awaitingList = commitListOf(url) !== undefined;
      if (awaitingList) watch(true);
      scheduleScan();
    },
  };
}

function describeList(document: Document, list: CommitListPage): string {
  if (list.kind === 'pr-commits') return `pull request #${list.number}`;
  const ref = pageRefOf(document);
  if (!ref) return `${list.owner}/${list.repo}`;
  return ref.path ? `${ref.name} (${ref.path})` : ref.name;
}
