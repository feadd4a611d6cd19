import type { Page } from '@playwright/test';
import { expect } from './fixtures';
import { LIST, overlayTest as test, secondPage, type OverlayWorld } from './overlay-world';

// GitHub's rows with Commit Lab's cells against the same rows without them, at widths from the
// wide layout down to the narrow one (where GitHub folds its row actions behind its overflow
// anchor): geometry read through the DOM, GitHub's own elements compared box for box.

const WIDTHS = [1280, 1012, 768, 544, 400];
const ROW = 'li[data-testid="commit-row-item"]';

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** One row: its size, every box of GitHub's own elements (relative to the row, one per line box), the ink of its text and inline boxes. */
interface GitHubRow {
  size: { w: number; h: number };
  boxes: Box[][];
  ink: Box[];
}

interface OurRow {
  sha: string;
  layout: string | null;
  /** What shows of the host: the cells in the column, the disclosure when folded. */
  shown: Box;
  /** The width of its cells in line, folded or not. */
  columnWidth: number;
  /** The status and metric cells, in the column (empty when folded). */
  cells: Box[];
  overflowShown: boolean;
  overflowAnchor: Box | null;
  /** The report icon by the title (when it has room there), and whether the cells show it instead. */
  report: Box | null;
  reportInCells: boolean;
}

interface Snapshot {
  withUs: GitHubRow[];
  without: GitHubRow[];
  ours: OurRow[];
  titles: Box[];
}

/**
 * In one go, no frame between: GitHub's rows with our hosts, then with every host of ours removed
 * (the overlay puts them back on the next frame). Boxes are relative to their row, so the header
 * above the list (which moves the whole list down, on purpose) does not count.
 */
function snapshot(page: Page): Promise<Snapshot> {
  return page.evaluate((ROW) => {
    const OURS = '[data-commit-lab-cell], [data-commit-lab-report], [data-commit-lab-header], [data-commit-lab-committed]';
    const q = (n: number) => Math.round(n * 8) / 8;
    const rel = (r: DOMRect, origin: DOMRect) => ({ x: q(r.left - origin.left), y: q(r.top - origin.top), w: q(r.width), h: q(r.height) });
    const rows = () => [...document.querySelectorAll(ROW)];
    const github = (): GitHubRowInPage[] =>
      rows().map((row) => {
        const origin = row.getBoundingClientRect();
        const theirs = [...row.querySelectorAll('*')].filter((el) => !el.closest(OURS));
        const ink: ReturnType<typeof rel>[] = [];
        const range = document.createRange();
        const walker = document.createTreeWalker(row, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (!node.textContent?.trim() || node.parentElement?.closest(OURS)) continue;
          range.selectNodeContents(node);
          for (const r of range.getClientRects()) ink.push(rel(r, origin));
        }
        for (const el of theirs.filter((el) => el.childElementCount === 0 || el.matches('a, button, svg, img')))
          for (const r of el.getClientRects()) ink.push(rel(r, origin));
        return {
          size: { w: q(origin.width), h: q(origin.height) },
          boxes: theirs.map((el) => [...el.getClientRects()].map((r) => rel(r, origin))),
          ink: ink.filter((b) => b.w > 0 && b.h > 0),
        };
      });
    type GitHubRowInPage = { size: { w: number; h: number }; boxes: ReturnType<typeof rel>[][]; ink: ReturnType<typeof rel>[] };
    const ours = rows().map((row) => {
      const origin = row.getBoundingClientRect();
      const host = row.querySelector('[data-commit-lab-cell]');
      const root = host?.shadowRoot;
      const layout = host?.getAttribute('data-layout') ?? null;
      const shownEl = root?.querySelector(layout === 'folded' ? '.cl-more' : '.cl-cells');
      // How wide its cells are in line (a folded row's too: the fold depends on it), read with the layout switched for this read alone.
      host?.setAttribute('data-layout', 'column');
      const columnWidth = root?.querySelector('.cl-cells')?.getBoundingClientRect().width ?? 0;
      if (layout) host?.setAttribute('data-layout', layout);
      const anchor = row.querySelector('[data-testid="overflow-menu-anchor"]');
      const anchorShown = !!anchor && anchor.getClientRects().length > 0;
      return {
        sha: row.getAttribute('data-commit-link')!.split('/').pop()!,
        layout,
        shown: shownEl ? rel(shownEl.getBoundingClientRect(), origin) : { x: 0, y: 0, w: 0, h: 0 },
        columnWidth,
        cells: layout === 'column' ? [...(root?.querySelectorAll('.cl-status, .cl-cell') ?? [])].map((el) => rel(el.getBoundingClientRect(), origin)) : [],
        overflowShown: anchorShown,
        report: (() => {
          const icon = row.querySelector('[data-commit-lab-report][data-layout="title"]')?.shadowRoot?.querySelector('a');
          return icon ? rel(icon.getBoundingClientRect(), origin) : null;
        })(),
        reportInCells: !!host?.hasAttribute('data-report-fallback') && !!root?.querySelector('.cl-report-fallback a[aria-label="CML Report"]'),
        overflowAnchor: anchorShown ? rel(anchor.getBoundingClientRect(), origin) : null,
      };
    });
    const firstColumn = document.querySelector('[data-commit-lab-cell][data-layout="column"]');
    const columnRow = firstColumn?.closest(ROW)?.getBoundingClientRect();
    const titleCells = [
      ...(document.querySelector('[data-commit-lab-header]')?.shadowRoot?.querySelectorAll('.cl-titles > .cl-status, .cl-titles > .cl-cell') ?? []),
    ];
    // With no row showing the column, the titles must not show either (nothing there to title).
    const titles = titleCells
      .filter((el) => columnRow || el.getClientRects().length > 0)
      .map((el) => rel(el.getBoundingClientRect(), columnRow ?? document.documentElement.getBoundingClientRect()));
    const withUs = github();
    document.querySelectorAll(OURS).forEach((el) => el.remove());
    const without = github();
    return { withUs, without, ours, titles };
  }, ROW);
}

/** Every cell host placed, the data drawn (or still loading, with `loading`), and two frames in a row without a change. */
async function settled(page: Page, loading = false) {
  let last = '';
  await expect
    .poll(
      async () => {
        const now = await page.evaluate(async () => {
          await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0))));
          const hosts = [...document.querySelectorAll('[data-commit-lab-cell]')] as HTMLElement[];
          return JSON.stringify({
            rows: document.querySelectorAll('li[data-testid="commit-row-item"]').length,
            hosts: hosts.map((h) => [h.getAttribute('data-layout'), h.style.translate]),
            skeletons: hosts.filter((h) => h.shadowRoot?.querySelector('.cl-skeleton')).length,
            titles: document.querySelector<HTMLElement>('[data-commit-lab-header]')?.style.getPropertyValue('--cl-column-start'),
          });
        });
        const { rows, hosts, skeletons } = JSON.parse(now) as { rows: number; hosts: [string | null, string][]; skeletons: number };
        const ready = rows > 0 && hosts.length === rows && hosts.every(([layout]) => layout) && (loading ? skeletons === rows : skeletons === 0);
        const same = now === last;
        last = now;
        return ready && same;
      },
      { timeout: 30_000 },
    )
    .toBe(true);
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/**
 * A check run on every third row of the page from the ninth on (the rows overlay.spec.ts gives
 * statuses are left alone): GitHub draws its CI badge in their metadata area, which makes it wider.
 * And a CML report on three rows: our report icon goes at the end of their titles.
 */
function decorate(overlay: OverlayWorld): { badged: string[]; reported: string[] } {
  const { store } = overlay.fake;
  const repo = store.repository('acme', 'egs')!;
  const onPage = overlay.mainNewestFirst.slice(35, 70);
  const badged = onPage.filter((_, i) => i > 6 && i % 3 === 2);
  for (const sha of badged) store.addCheckRun(repo, { headSha: sha, name: 'train' });
  // Two rows whose commit message has a body (GitHub's description toggle under the title), one on the first page without.
  const plain = overlay.mainNewestFirst.slice(0, 35).find((sha) => overlay.byOid.get(sha)!.kind === 'snapshot')!;
  const reported = [onPage[8]!, onPage[9]!, plain];
  for (const sha of reported) store.addCommitComment(repo, { commitOid: sha, body: 'report\n\n![](https://cml.dev/watermark.png "CML watermark")' });
  return { badged, reported };
}

test('from 1280 px down to the narrow layout GitHub’s rows keep every box and line; our cells line up in a free column, and fold beside GitHub’s overflow anchor where it shows', async ({
  page,
  overlay,
  signedIn,
}) => {
  void signedIn;
  test.setTimeout(120_000);
  const { badged, reported } = decorate(overlay);
  // The first page has rows whose message is one line (no description toggle under the title), the second rows with GitHub's CI badge.
  for (const [url, width] of [LIST, secondPage(overlay)].flatMap((url) => WIDTHS.map((width) => [url, width] as const))) {
    if (page.url() !== url) await page.goto(url);
    await page.setViewportSize({ width, height: 900 });
    await settled(page);
    const shas = await page.locator(ROW).evaluateAll((rows) => rows.map((row) => row.getAttribute('data-commit-link')!.split('/').pop()!));
    // Other specs on this world may have added reports too: these rows have one at least.
    for (const sha of reported.filter((sha) => shas.includes(sha)))
      await expect(page.locator(`${ROW}[data-commit-link$="${sha}"] [data-commit-lab-report] a[data-report-url]`)).toHaveCount(1);
    const { withUs, without, ours, titles } = await snapshot(page);
    expect(withUs.length, `${width}px`).toBe(35);
    if (url !== LIST) expect(badged.every((sha) => shas.includes(sha))).toBe(true);
    // The first page's reported row has a one-line message: its title has no description toggle under it.
    else await expect(page.locator(`${ROW}[data-commit-link$="${reported[2]}"] [data-testid="commit-row-show-description-button"]`)).toHaveCount(0);
    // Nothing of GitHub's moved, grew or wrapped: every box of every element, line by line.
    expect(withUs, `${width}px: GitHub's rows with our cells vs without`).toEqual(without);

    for (const [i, mine] of ours.entries()) {
      const row = withUs[i]!;
      const where = `${url} at ${width}px, row ${i}`;
      // Ours stays inside the row (past its end only as far as GitHub's own content overflows it: a
      // long unbreakable title at 400 px) and touches none of GitHub's text, icons, links or buttons.
      const inkRight = Math.max(...row.ink.map((b) => b.x + b.w));
      expect(mine.shown.w, where).toBeGreaterThan(0);
      expect(mine.shown.x >= 0 && mine.shown.y >= 0 && mine.shown.y + mine.shown.h <= row.size.h, where).toBe(true);
      expect(mine.shown.x + mine.shown.w, where).toBeLessThanOrEqual(Math.max(row.size.w, inkRight + 2 + mine.shown.w));
      expect(
        row.ink.filter((ink) => overlaps(ink, mine.shown)),
        where,
      ).toEqual([]);
      // A report icon sits after the title without touching GitHub's ink, or the cells carry it.
      if (mine.report)
        expect(
          row.ink.filter((ink) => overlaps(ink, mine.report!)),
          `${where}: report icon`,
        ).toEqual([]);
      if (reported.includes(mine.sha)) expect(!!mine.report !== mine.reportInCells, `${where}: report icon in one place`).toBe(true);
      // Where GitHub folds its actions behind its overflow anchor, our cells fold beside it.
      if (mine.overflowShown) {
        expect(mine.layout, where).toBe('folded');
        expect(mine.shown.x, where).toBeGreaterThanOrEqual(mine.overflowAnchor!.x + mine.overflowAnchor!.w);
      }
    }
    if (width <= 544)
      expect(
        ours.every((o) => o.overflowShown && o.layout === 'folded'),
        `${width}px`,
      ).toBe(true);
    if (ours.every((o) => o.layout === 'folded')) expect(titles, `${width}px: the header's titles, every row folded`).toEqual([]);

    // The columns line up across rows (badge or not), and under the header's titles.
    const column = ours.filter((o) => o.layout === 'column');
    if (width === 1280) expect(column.length, `${width}px`).toBeGreaterThan(ours.length / 2);
    // A row folds before GitHub's anchor shows only when its own text reaches into the column.
    if (column.length) {
      const right = column[0]!.shown.x + column[0]!.shown.w;
      for (const [i, mine] of ours.entries()) {
        const left = right - mine.columnWidth;
        if (mine.layout === 'folded' && !mine.overflowShown)
          expect(
            withUs[i]!.ink.some((b) => b.x < right && b.x + b.w > left - 8),
            `${url} at ${width}px, row ${i} folded`,
          ).toBe(true);
      }
    }
    for (const mine of column) expect(mine.cells.map((c) => c.x)).toEqual(column[0]!.cells.map((c) => c.x));
    if (column.length) {
      expect(titles.map((t) => t.x)).toEqual(column[0]!.cells.map((c) => c.x));
      expect(titles.map((t) => t.w)).toEqual(column[0]!.cells.map((c) => c.w));
    }
  }
});

test('at the narrow layout the folded cells are reached by keyboard after GitHub’s overflow anchor, labelled, and open as a list', async ({
  page,
  overlay,
  signedIn,
}) => {
  void signedIn;
  await page.setViewportSize({ width: 400, height: 900 });
  await page.goto(secondPage(overlay));
  await settled(page);
  const sha = overlay.mainNewestFirst[35]!.slice(0, 7);
  const row = page.locator(ROW).first();
  await row.locator('[data-testid="overflow-menu-anchor"]').focus();
  await page.keyboard.press('Tab');
  const disclosure = row.getByRole('button', { name: `Experiment of ${sha}` });
  await expect(disclosure).toBeFocused();
  await expect(disclosure).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('Enter');
  await expect(disclosure).toHaveAttribute('aria-expanded', 'true');
  const list = row.getByRole('group', { name: `Experiment of ${sha}` });
  await expect(list).toBeVisible();
  // Each cell names its column in the list; values as the column shows them.
  const metrics = list.locator('[data-metric]');
  expect(await metrics.count()).toBeGreaterThan(0);
  for (const metric of await metrics.all()) await expect(metric).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(list.getByRole('button', { name: `Run an experiment from ${sha}` })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(disclosure).toHaveAttribute('aria-expanded', 'false');
  await expect(disclosure).toBeFocused();
  await expect(list).toBeHidden();
});

test('skeleton cells while the data is held, then the data: GitHub’s rows and our hosts stay exactly where they were', async ({
  page,
  context,
  overlay,
  signedIn,
}) => {
  void signedIn;
  for (const width of [1280, 400]) {
    // The background's GraphQL reads (every file the rows need) wait until released.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    await context.route('https://api.github.com/graphql', async (route) => {
      await released;
      await route.fallback();
    });
    await page.setViewportSize({ width, height: 900 });
    await page.goto(secondPage(overlay));
    await settled(page, true);
    const before = await placement(page);
    release();
    await settled(page);
    const after = await placement(page);
    await context.unroute('https://api.github.com/graphql');
    expect(after.github, `${width}px: GitHub's rows, skeleton vs data`).toEqual(before.github);
    expect(after.hosts, `${width}px: our hosts, skeleton vs data`).toEqual(before.hosts);
    expect(after.hosts.every((h) => h.w > 0)).toBe(true);
  }
});

/** Row boxes and GitHub's element boxes (in page coordinates), and each of our hosts' shown box with its layout. */
function placement(page: Page) {
  return page.evaluate((ROW) => {
    const box = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { x: r.left, y: r.top + scrollY, w: r.width, h: r.height };
    };
    const rows = [...document.querySelectorAll(ROW)];
    return {
      github: rows.map((row) => [
        box(row),
        ...[...row.querySelectorAll('*')].filter((el) => !el.closest('[data-commit-lab-cell], [data-commit-lab-report]')).map(box),
      ]),
      hosts: rows.map((row) => {
        const host = row.querySelector('[data-commit-lab-cell]')!;
        const layout = host.getAttribute('data-layout');
        return { layout, ...box(host.shadowRoot!.querySelector(layout === 'folded' ? '.cl-more' : '.cl-cells')!) };
      }),
    };
  }, ROW);
}
