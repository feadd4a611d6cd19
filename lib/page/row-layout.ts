import { query, selectors } from './selectors';

/** The performance entry of each placement pass (what it costs the main thread, read and written at once; read by `npm run bench`). */
export const LAYOUT_MEASURE = 'commit-lab:layout-rows';
/** The layout owed when a pass reads (the browser's, done in that frame with or without us), measured within the pass. */
export const PAGE_LAYOUT_MEASURE = 'commit-lab:page-layout';

/** The attribute on a host saying how it is placed: a cell host `column` or `folded`, a report host `title` (absent: not shown). */
export const LAYOUT_ATTRIBUTE = 'data-layout';
/** On a cell host whose row's title has no room left for the report icon: the cells show it. */
const REPORT_FALLBACK_ATTRIBUTE = 'data-report-fallback';
/** On the header: where the column's titles start, in px from the header's left edge. */
const COLUMN_START_PROPERTY = '--cl-column-start';
/** On the header when no row shows the column (every row folded): there is nothing to title. */
const NO_COLUMN_ATTRIBUTE = 'data-no-column';

/** Space between our column and GitHub's metadata, and the least between GitHub's text and our column. */
const COLUMN_GAP = 16;
const TEXT_GAP = 8;
/** Between GitHub's last row action and our disclosure, and between the title's end and the report icon. */
const DISCLOSURE_GAP = 2;
const REPORT_GAP = 4;

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
  /** The report icon's host, when the row has a report: where the title's last line ends, and how far that line may reach. */
  report?: { host: { left: number; top: number }; size: { width: number; height: number }; lineRight: number; lineCenterY: number; limit: number };
}

export interface Placement {
  layout: 'column' | 'folded';
  dx: number;
  dy: number;
  /** The report icon after the title's last line, or `fallback`: no room there, the cells show it. */
  report?: { dx: number; dy: number } | 'fallback';
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
    const report = placeReport(row);
    const contentRight =
      report && report !== 'fallback' ? Math.max(row.contentRight, row.report!.host.left + report.dx + row.report!.size.width) : row.contentRight;
    const columnLeft = columnRight - row.columnSize.width;
    const fits = !row.overflowShown && columnLeft >= row.contentLeft && contentRight + TEXT_GAP <= columnLeft;
    const placed = fits
      ? { layout: 'column' as const, dx: columnLeft - row.host.left, dy: row.metadata.centerY - row.columnSize.height / 2 - row.host.top }
      : // In the row's end padding, the only room GitHub's narrow layout leaves (past it only when GitHub's own row overflows).
        {
          layout: 'folded' as const,
          dx: row.actions.right + DISCLOSURE_GAP - row.host.left,
          dy: row.actions.centerY - row.foldedSize.height / 2 - row.host.top,
        };
    return report ? { ...placed, report } : placed;
  });
}

/** Studio's report icon just after the end of the title's last line, when that line has room for it. */
function placeReport(row: RowGeometry): Placement['report'] {
  const { report } = row;
  if (!report) return undefined;
  const left = report.lineRight + REPORT_GAP;
  if (left + report.size.width > report.limit) return 'fallback';
  return { dx: left - report.host.left, dy: report.lineCenterY - report.size.height / 2 - report.host.top };
}

export interface RowLayoutOptions {
  document: Document;
  /** The cell hosts to place (each the last child of its row, out of flow). */
  hosts(): HTMLElement[];
  /** The row's report icon host, when it shows a report (placed after the title, out of flow too). */
  report(row: Element): HTMLElement | undefined;
  /** The column and the disclosure elements inside a host, to measure each size, and the cell the header's first title stands over. */
  parts(host: HTMLElement): { column: Element | null | undefined; folded: Element | null | undefined; titled: Element | null | undefined };
  /** The header whose titles line up over the column (told by `COLUMN_START_PROPERTY` and `NO_COLUMN_ATTRIBUTE`). */
  header?(): HTMLElement | undefined;
}

/**
 * Places the cell hosts once per frame after anything that can move GitHub's rows: our draws
 * (`schedule`), and any change of a row's size (window width, a description expanded). Each pass
 * reads everything first and then only writes, the header's title offset included, so it never
 * makes the browser lay the page out twice.
 */
export function createRowLayout(options: RowLayoutOptions) {
  const { document } = options;
  const window = document.defaultView!;
  const shifts = new WeakMap<Element, { dx: number; dy: number }>();
  const observed = new Set<Element>();
  /** Rows whose first size report came: a ResizeObserver reports every row once when observed, a size the pass observing it already placed. */
  const sized = new WeakSet<Element>();
  let requested = false;
  const resize = window.ResizeObserver
    ? new window.ResizeObserver((entries) => {
        let resized = false;
        for (const { target } of entries) {
          if (sized.has(target)) resized = true;
          else sized.add(target);
        }
        if (resized) schedule();
      })
    : undefined;
  /** Whole pixels, so the text stays sharp; remembered, to know where the browser puts a host before it. */
  const shift = (host: HTMLElement, by: { dx: number; dy: number }) => {
    const whole = { dx: Math.round(by.dx), dy: Math.round(by.dy) };
    const was = shifts.get(host);
    if (was?.dx === whole.dx && was.dy === whole.dy) return;
    shifts.set(host, whole);
    host.style.translate = `${whole.dx}px ${whole.dy}px`;
  };
  /** Unchanged attributes are not written again (each write invalidates the host's style). */
  const setLayout = (host: HTMLElement, layout: string | undefined) => {
    if (host.getAttribute(LAYOUT_ATTRIBUTE) === (layout ?? null)) return;
    if (layout) host.setAttribute(LAYOUT_ATTRIBUTE, layout);
    else host.removeAttribute(LAYOUT_ATTRIBUTE);
  };

  const pass = () => {
    requested = false;
    const start = performance.now();
    const hosts = options.hosts().filter((host) => host.isConnected);
    // Sizes are read with every host's cells in line (the fold is decided from them); no frame
    // is drawn before the placement below.
    for (const host of hosts) setLayout(host, 'column');
    // The layout owed since the last draw, which the first read below would force anyway: flushed here, after the last
    // write before the reads (so never one layout more), and measured inside the pass, so the bench can tell it apart.
    const owed = performance.now();
    document.documentElement.getBoundingClientRect();
    performance.measure(PAGE_LAYOUT_MEASURE, { start: owed, end: performance.now() });
    // Rows GitHub replaced (a re-render, another page) are let go.
    for (const row of observed) {
      if (row.isConnected) continue;
      observed.delete(row);
      resize?.unobserve(row);
    }
    const measured: { host: HTMLElement; report: HTMLElement | undefined; row: RowGeometry }[] = [];
    for (const host of hosts) {
      const row = host.closest(selectors.commitRow.variants.join(','));
      if (!row) continue;
      if (resize && !observed.has(row)) {
        observed.add(row);
        resize.observe(row);
      }
      const report = options.report(row);
      const geometry = measure(row, host, options.parts(host), report, (el) => shifts.get(el) ?? { dx: 0, dy: 0 });
      if (geometry) measured.push({ host, report, row: geometry });
      // A row without GitHub's metadata or actions leaves nowhere known to put its cells: they stay hidden.
      else setLayout(host, undefined);
    }
    const placements = measured.length ? placeCells(measured.map((m) => m.row)) : [];
    // Still reading, before the first write: where the header's titles start (the first titled cell of the first row in the column).
    const header = options.header?.();
    const titlesStart = header?.isConnected ? titlesStartIn(header, measured, placements) : undefined;
    placements.forEach((placement, i) => {
      const { host, report } = measured[i]!;
      shift(host, placement);
      setLayout(host, placement.layout);
      const fallback = placement.report === 'fallback';
      if (host.hasAttribute(REPORT_FALLBACK_ATTRIBUTE) !== fallback) host.toggleAttribute(REPORT_FALLBACK_ATTRIBUTE, fallback);
      if (!report) return;
      if (placement.report && placement.report !== 'fallback') {
        shift(report, placement.report);
        setLayout(report, 'title');
      } else setLayout(report, undefined);
    });
    if (header?.isConnected) {
      if (header.hasAttribute(NO_COLUMN_ATTRIBUTE) !== (titlesStart === undefined)) header.toggleAttribute(NO_COLUMN_ATTRIBUTE, titlesStart === undefined);
      const px = titlesStart === undefined ? '' : `${titlesStart}px`;
      if (px && header.style.getPropertyValue(COLUMN_START_PROPERTY) !== px) header.style.setProperty(COLUMN_START_PROPERTY, px);
    }
    performance.measure(LAYOUT_MEASURE, { start, end: performance.now() });
  };

  /**
   * Where the header's titles start, in whole px from the header's edge: over the first titled cell
   * of the first row placed in the column, where that row's shift is about to put it (none: no row
   * shows the column).
   */
  function titlesStartIn(header: HTMLElement, measured: readonly { host: HTMLElement; row: RowGeometry }[], placements: readonly Placement[]) {
    const first = placements.findIndex((p) => p.layout === 'column');
    const titled = first < 0 ? undefined : options.parts(measured[first]!.host).titled;
    if (!titled) return undefined;
    const { host, row } = measured[first]!;
    const offset = titled.getBoundingClientRect().left - host.getBoundingClientRect().left;
    return Math.round(row.host.left + Math.round(placements[first]!.dx) + offset - header.getBoundingClientRect().left);
  }

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
  report: HTMLElement | undefined,
  shiftOf: (host: Element) => { dx: number; dy: number },
): RowGeometry | undefined {
  const metadata = query(row, selectors.rowMetadata);
  const actions = query(row, selectors.rowActions);
  if (!metadata || !actions || !parts.column || !parts.folded) return undefined;
  const unshifted = (el: Element) => {
    const r = el.getBoundingClientRect();
    const { dx, dy } = shiftOf(el);
    return { left: r.left - dx, top: r.top - dy };
  };
  const size = (el: Element) => {
    const r = el.getBoundingClientRect();
    return { width: r.width, height: r.height };
  };
  const metadataBox = metadata.getBoundingClientRect();
  const anchor = query(row, selectors.rowOverflow);
  const overflowShown = !!anchor && anchor.getClientRects().length > 0;
  const shown = overflowShown ? anchor : ([...actions.children].findLast((el) => el.getClientRects().length > 0) ?? actions);
  const actionsBox = shown.getBoundingClientRect();
  const title = query(row, selectors.rowTitle);
  const titleBox = title?.getBoundingClientRect();
  const main = query(row, selectors.rowMainContent);
  const content = [title, main].filter((el) => el !== undefined);
  const ink = content.flatMap((el) => inkOf(el, report));
  // The title's lines only matter to a report icon.
  const lastLine = report && query(row, selectors.rowTitleLink)?.getClientRects();
  const line = lastLine ? lastLine[lastLine.length - 1] : undefined;
  return {
    host: unshifted(host),
    columnSize: size(parts.column),
    foldedSize: size(parts.folded),
    metadata: { left: metadataBox.left, centerY: metadataBox.top + metadataBox.height / 2 },
    actions: { right: actionsBox.right, centerY: actionsBox.top + actionsBox.height / 2 },
    contentLeft: Math.min(titleBox?.left ?? Infinity, main?.getBoundingClientRect().left ?? Infinity),
    contentRight: Math.max(-Infinity, ...ink.map((r) => r.right)),
    overflowShown,
    ...(report &&
      line &&
      titleBox && {
        report: {
          host: unshifted(report),
          size: size(report),
          // GitHub's own ink on the title's last line (the link, a description toggle beside it).
          lineRight: Math.max(line.right, ...ink.filter((r) => r.top < line.bottom && r.bottom > line.top).map((r) => r.right)),
          lineCenterY: line.top + line.height / 2,
          limit: titleBox.right,
        },
      }),
  };
}

/**
 * The boxes of GitHub's text and inline boxes inside `container` (not the block boxes, which span
 * the whole column however short their text), leaving out our own host `skip`.
 */
function inkOf(container: Element, skip: Element | undefined): DOMRect[] {
  const boxes: DOMRect[] = [];
  const range = container.ownerDocument.createRange();
  // No filter callback: one call from the browser into script per node costs more than the walk (our host has no light children to skip).
  const walker = container.ownerDocument.createTreeWalker(container, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node === skip) continue;
    if (node.nodeType === Node.TEXT_NODE) {
      if (!node.textContent?.trim()) continue;
      range.selectNodeContents(node);
      boxes.push(...range.getClientRects());
    } else if ((node as Element).childElementCount === 0 && !node.firstChild?.textContent?.trim()) {
      // Leaf elements without text of their own: icons, avatars, buttons.
      boxes.push(...(node as Element).getClientRects());
    }
  }
  return boxes.filter((r) => r.width > 0 && r.height > 0);
}
