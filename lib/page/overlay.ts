import { pageRefOf } from './page-ref';
import { findRows, type CommitRow } from './rows';
import { query, selectors } from './selectors';
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

export interface OverlayOptions {
  document: Document;
  /** Everything the overlay sets up dies with this signal (WXT's `ctx.signal`). */
  signal: AbortSignal;
  /**
   * Asked before each scan; false means the extension was reloaded or removed under us (WXT's
   * `ctx.isValid`, which then aborts `signal`). Orphaned scripts must stop touching the page.
   */
  isValid?: () => boolean;
  /** Fills a freshly created, empty cell host for one row. */
  renderCell(host: HTMLElement, target: CellTarget): void;
  log(message: string): void;
  /** How long a commit list may show no rows before that counts as our selectors missing. */
  missAfterMs?: number;
}

/**
 * Marks every commit row of a commit list with exactly one cell, and keeps it so: rows GitHub
 * adds or re-renders (React, paging, soft navigation) get theirs on the next mutation, rows that
 * still carry a cell for the same SHA are left alone. When our selectors find nothing the page
 * is left untouched and the miss is logged once per URL. Returns `scan`, for navigation events.
 */
export function startOverlay(options: OverlayOptions): { scan(): void } {
  const { document, signal } = options;
  const logged = new Set<string>();
  const logOnce = (key: string, message: string) => {
    if (logged.has(key)) return;
    logged.add(key);
    options.log(message);
  };
  let missTimer: ReturnType<typeof setTimeout> | undefined;

  const scan = () => {
    if (signal.aborted || !(options.isValid?.() ?? true)) return;
    const url = document.location.href;
    const list = commitListOf(url);
    if (!list) return;
    const { rows, unreadable } = findRows(document);
    if (unreadable) logOnce(`sha ${url}`, `${unreadable} commit row(s) without a readable commit link on ${url}`);
    if (!rows.length) {
      // Rows may still be rendering; only a list that stays empty counts as a miss.
      clearTimeout(missTimer);
      missTimer = setTimeout(() => {
        if (!signal.aborted && document.location.href === url && !findRows(document).rows.length) {
          logOnce(`rows ${url}`, `no commit rows (${selectors.commitRow.variants.join(' | ')}) on ${url}`);
        }
      }, options.missAfterMs ?? 2000);
      return;
    }
    const where = describeList(document, list);
    for (const row of rows) mark({ row, list, where });
  };

  const mark = (target: CellTarget) => {
    const { element, sha } = target.row;
    const cells = element.querySelectorAll(`[${CELL_ATTRIBUTE}]`);
    if (cells.length === 1 && cells[0]!.getAttribute(CELL_ATTRIBUTE) === sha) return;
    cells.forEach((cell) => cell.remove());
    const anchor = query(element, selectors.rowMetadata);
    if (!anchor) return logOnce(`anchor ${document.location.href}`, `no place for a cell (${selectors.rowMetadata.variants.join(' | ')}) in commit rows on ${document.location.href}`);
    const host = document.createElement('span');
    host.setAttribute(CELL_ATTRIBUTE, sha);
    options.renderCell(host, target);
    anchor.prepend(host);
  };

  const observer = new MutationObserver(scan);
  observer.observe(document.documentElement, { childList: true, subtree: true });
  for (const event of ['turbo:render', 'soft-nav:react-done']) document.addEventListener(event, scan, { signal });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(missTimer);
    // A newer copy of the extension draws its own cells.
    document.querySelectorAll(`[${CELL_ATTRIBUTE}]`).forEach((cell) => cell.remove());
  });
  scan();
  return { scan };
}

function describeList(document: Document, list: CommitListPage): string {
  if (list.kind === 'pr-commits') return `pull request #${list.number}`;
  const ref = pageRefOf(document);
  if (!ref) return `${list.owner}/${list.repo}`;
  return ref.path ? `${ref.name} (${ref.path})` : ref.name;
}
