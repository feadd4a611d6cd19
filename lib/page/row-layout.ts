import { query, selectors } from './selectors';

/** The performance entry of each placement pass (what it costs the main thread, read and written at once). */
export const LAYOUT_MEASURE = 'commit-lab:layout-rows';

/** The attribute on a cell host saying how it is placed: `column` or `folded`. */
export const LAYOUT_ATTRIBUTE = 'data-layout';

/** Space between our column and GitHub's metadata, and the least between GitHub's text and our column. */
const COLUMN_GAP = 16;
const TEXT_GAP = 8;
/** Between GitHub's last row action and our disclosure. */
const DISCLOSURE_GAP = 2;

/** What a pass reads of one row (viewport pixels; the host as the browser places it before our shift). */
export interface RowGeometry {
  host: { left: number; top: number };
  /** The host's size with its cells in the column, and folded to its disclosure alone. */
  columnSize: { width: number; height: number };
  foldedSize: { width: number; height: number };
  metadata: { left: number; centerY: number };
  /** Right edge and vertical centre of what GitHub shows of its row actions (the overflow anchor alone, when folded). */
  actions: { right: number; centerY: number };
  /** Where GitHub's title and main content begin, and the rightmost point of their text and inline boxes. */
  contentLeft: number;
  contentRight: number;
  /** GitHub folded its row actions behind its overflow anchor (its narrow layout). */
  overflowShown: boolean;
}

export interface Placement {
  layout: 'column' | 'folded';
  dx: number;
  dy: number;
}

/**
 * Where each row's cells go, GitHub's own layout untouched (the hosts are out of flow). The column's
 * right edge is shared by every row — left of the leftmost metadata area, so rows with and without
 * a CI badge line up — and a row uses it only when GitHub's text leaves it free. A row whose text
 * reaches into it, and every row once GitHub folds its actions behind the overflow anchor, gets the
 * compact disclosure instead, just after GitHub's actions.
 */
export function placeCells(rows: readonly RowGeometry[]): Placement[] {
  const columnRight = Math.min(...rows.map((r) => r.metadata.left)) - COLUMN_GAP;
  return rows.map((row) => {
    const columnLeft = columnRight - row.columnSize.width;
    const fits = !row.overflowShown && columnLeft >= row.contentLeft && row.contentRight + TEXT_GAP <= columnLeft;
    if (fits) return { layout: 'column', dx: columnLeft - row.host.left, dy: row.metadata.centerY - row.columnSize.height / 2 - row.host.top };
    // In the row's end padding, the only room GitHub's narrow layout leaves (past it only when GitHub's own row overflows).
    const left = row.actions.right + DISCLOSURE_GAP;
    return { layout: 'folded', dx: left - row.host.left, dy: row.actions.centerY - row.foldedSize.height / 2 - row.host.top };
  });
}

export interface RowLayoutOptions {
  document: Document;
  /** The cell hosts to place (each the last child of its row, out of flow). */
  hosts(): HTMLElement[];
  /** The column and the disclosure elements inside a host, to measure each size. */
  parts(host: HTMLElement): { column: Element | null | undefined; folded: Element | null | undefined };
  /** After each pass (the header lines its titles up with the column). */
  laidOut?(): void;
}

/**
 * Places the cell hosts once per frame after anything that can move GitHub's rows: our draws
 * (`schedule`), and any change of a row's size (window width, a description expanded).
 */
export function createRowLayout(options: RowLayoutOptions) {
  const { document } = options;
  const window = document.defaultView!;
  const shifts = new WeakMap<Element, { dx: number; dy: number }>();
  const observed = new Set<Element>();
  let requested = false;
  const resize = window.ResizeObserver ? new window.ResizeObserver(() => schedule()) : undefined;

  const pass = () => {
    requested = false;
    const start = performance.now();
    const hosts = options.hosts().filter((host) => host.isConnected);
    // Sizes are read with every host's cells in line (the fold is decided from them); no frame
    // is drawn before the placement below.
    for (const host of hosts) host.setAttribute(LAYOUT_ATTRIBUTE, 'column');
    // Rows GitHub replaced (a re-render, another page) are let go.
    for (const row of observed) {
      if (row.isConnected) continue;
      observed.delete(row);
      resize?.unobserve(row);
    }
    const measured: { host: HTMLElement; row: RowGeometry }[] = [];
    for (const host of hosts) {
      const row = host.closest(selectors.commitRow.variants.join(','));
      if (!row) continue;
      if (resize && !observed.has(row)) {
        observed.add(row);
        resize.observe(row);
      }
      const geometry = measure(row, host, options.parts(host), shifts.get(host) ?? { dx: 0, dy: 0 });
      if (geometry) measured.push({ host, row: geometry });
      // A row without GitHub's metadata or actions leaves nowhere known to put its cells: they stay hidden.
      else host.removeAttribute(LAYOUT_ATTRIBUTE);
    }
    if (measured.length) {
      placeCells(measured.map((m) => m.row)).forEach((placement, i) => {
        const { host } = measured[i]!;
        // Whole pixels, so the text stays sharp.
        const shift = { dx: Math.round(placement.dx), dy: Math.round(placement.dy) };
        shifts.set(host, shift);
        host.setAttribute(LAYOUT_ATTRIBUTE, placement.layout);
        host.style.translate = `${shift.dx}px ${shift.dy}px`;
      });
    }
    performance.measure(LAYOUT_MEASURE, { start, end: performance.now() });
    options.laidOut?.();
  };

  function schedule() {
    if (requested) return;
    requested = true;
    window.requestAnimationFrame(pass);
  }

  return { schedule };
}

function measure(
  row: Element,
  host: HTMLElement,
  parts: { column: Element | null | undefined; folded: Element | null | undefined },
  shift: { dx: number; dy: number },
): RowGeometry | undefined {
  const metadata = query(row, selectors.rowMetadata);
  const actions = query(row, selectors.rowActions);
  if (!metadata || !actions || !parts.column || !parts.folded) return undefined;
  const box = host.getBoundingClientRect();
  const size = (el: Element) => {
    const r = el.getBoundingClientRect();
    return { width: r.width, height: r.height };
  };
  const metadataBox = metadata.getBoundingClientRect();
  const anchor = query(row, selectors.rowOverflow);
  const overflowShown = !!anchor && anchor.getClientRects().length > 0;
  const shown = [...actions.children].filter((el) => !el.contains(host) && el.getClientRects().length > 0);
  const actionsBox = (overflowShown ? anchor : (shown.at(-1) ?? actions)).getBoundingClientRect();
  const content = [query(row, selectors.rowTitle), query(row, selectors.rowMainContent)].filter((el) => el !== undefined);
  return {
    host: { left: box.left - shift.dx, top: box.top - shift.dy },
    columnSize: size(parts.column),
    foldedSize: size(parts.folded),
    metadata: { left: metadataBox.left, centerY: metadataBox.top + metadataBox.height / 2 },
    actions: { right: actionsBox.right, centerY: actionsBox.top + actionsBox.height / 2 },
    contentLeft: Math.min(...content.map((el) => el.getBoundingClientRect().left)),
    contentRight: Math.max(-Infinity, ...content.map(inkRight)),
    overflowShown,
  };
}

/**
 * The rightmost point GitHub's text and inline boxes reach inside `container` (not the block
 * boxes, which span the whole column however short their text).
 */
function inkRight(container: Element): number {
  let right = -Infinity;
  const range = container.ownerDocument.createRange();
  const walker = container.ownerDocument.createTreeWalker(container, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) {
      if (!node.textContent?.trim()) continue;
      range.selectNodeContents(node);
      for (const r of range.getClientRects()) right = Math.max(right, r.right);
    } else if ((node as Element).childElementCount === 0 && !node.firstChild?.textContent?.trim()) {
      // Leaf elements without text of their own: icons, avatars, buttons, our report host.
      for (const r of (node as Element).getClientRects()) right = Math.max(right, r.right);
    }
  }
  return right;
}
