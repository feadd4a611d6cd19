// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://github.com/"}
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { gitPageSource } from '../../tests/fake-github/pages/git-source';
import { renderPage } from '../../tests/fake-github/pages/render';
import type { PageSource } from '../../tests/fake-github/pages/source';
import { seedTestRepo } from '../../tests/fake-github/worlds/test-repos';
import { Store } from '../../tests/fake-github/store';
import { CELL_ATTRIBUTE, startOverlay, type CellTarget } from './overlay';

let root: string;
let store: Store;
let source: PageSource;
let newestFirst: string[];
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'overlay-test-'));
  store = new Store();
  newestFirst = [...(await seedTestRepo(store, root)).main].reverse();
  source = gitPageSource(store);
});
afterAll(async () => {
  store.close();
  await rm(root, { recursive: true, force: true });
});

let controller: AbortController;
afterEach(() => controller?.abort());

/** Puts a fake GitHub page into the test's document at its github.com URL (its scripts do not run). */
async function open(path: string, transform = (html: string) => html) {
  const html = transform((await renderPage(source, path)).html);
  window.history.replaceState(null, '', `https://github.com${path}`);
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.documentElement.replaceChildren(...[...parsed.documentElement.childNodes].map((n) => document.importNode(n, true)));
}

/** Animation frames the overlay asked for, run by `settle` (happy-dom paints nothing). */
let frames: (() => void)[] = [];

function start(missAfterMs = 50, isValid = () => true) {
  controller = new AbortController();
  frames = [];
  const log = vi.fn();
  const targets: CellTarget[] = [];
  /** The SHAs of the cells whose disposer ran, in order. */
  const disposed: string[] = [];
  const overlay = startOverlay({
    document,
    signal: controller.signal,
    isValid,
    renderCell: (host, target) => {
      targets.push(target);
      host.textContent = `cell ${target.row.sha.slice(0, 7)}`;
      return () => disposed.push(target.row.sha);
    },
    log,
    missAfterMs,
    nextFrame: (callback) => void frames.push(callback),
  });
  return { overlay, log, targets, disposed };
}

const cellsOf = (row: Element) => row.querySelectorAll(`[${CELL_ATTRIBUTE}]`);
const rows = () => [...document.querySelectorAll('li[data-testid="commit-row-item"]')];
/** Lets mutation records reach the overlay, then runs the frame it asked for. */
async function settle() {
  await new Promise((resolve) => setTimeout(resolve, 0));
  frames.splice(0).forEach((frame) => frame());
}
const softNavigated = () => document.dispatchEvent(new Event('soft-nav:react-done'));

describe('startOverlay', () => {
  it('marks every row once, as its last child (after GitHub’s own content, placed out of its flow), for its own commit', async () => {
    await open('/acme/mnist/commits/main');
    const { targets } = start();
    softNavigated();
    softNavigated();
    await settle();
    expect(rows()).toHaveLength(35);
    rows().forEach((row, i) => {
      expect(cellsOf(row)).toHaveLength(1);
      expect(cellsOf(row)[0]!.getAttribute(CELL_ATTRIBUTE)).toBe(newestFirst[i]);
      expect(row.lastElementChild).toBe(cellsOf(row)[0]);
    });
    expect(targets).toHaveLength(35);
    expect(targets[0]!.where).toBe('main');
  });

  it('marks a row React re-rendered, and only that one', async () => {
    await open('/acme/mnist/commits/feature/deep/ref/src/train.py');
    const { targets } = start();
    const before = targets.length;
    const old = rows()[2]!;
    const fresh = old.cloneNode(true) as Element;
    cellsOf(fresh).forEach((c) => c.remove());
    old.replaceWith(fresh);
    await settle();
    expect(cellsOf(fresh)).toHaveLength(1);
    expect(targets.length - before).toBe(1);
    expect(targets.at(-1)!.where).toBe('feature/deep/ref (src/train.py)');
  });

  it('replaces a cell drawn for another commit when a row is reused', async () => {
    await open('/acme/mnist/commits/main');
    start();
    const row = rows()[0]!;
    row.setAttribute('data-commit-link', `/acme/mnist/commit/${newestFirst[50]}`);
    await settle();
    expect(cellsOf(row)).toHaveLength(1);
    expect(cellsOf(row)[0]!.getAttribute(CELL_ATTRIBUTE)).toBe(newestFirst[50]);
  });

  it('describes a PR list by its number', async () => {
    await open('/acme/mnist/pull/3/commits');
    const { targets } = start();
    expect(targets.map((t) => t.where)).toEqual(['pull request #3', 'pull request #3', 'pull request #3']);
  });

  it('does nothing on a page that is not a commit list', async () => {
    await open('/acme/mnist/commits/main');
    window.history.replaceState(null, '', 'https://github.com/acme/mnist');
    const { log } = start();
    // Not even observed: GitHub's own changes to the page cost nothing.
    rows()[0]!.replaceWith(rows()[0]!.cloneNode(true));
    document.body.append(document.createElement('div'));
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(frames).toHaveLength(0);
    expect(document.querySelectorAll(`[${CELL_ATTRIBUTE}]`)).toHaveLength(0);
    expect(log).not.toHaveBeenCalled();
  });

  it('scans once per frame, however many changes the frame brings', async () => {
    await open('/acme/mnist/commits/main');
    const { targets } = start();
    const fresh = rows()
      .slice(0, 5)
      .map((old) => {
        const row = old.cloneNode(true) as Element;
        cellsOf(row).forEach((c) => c.remove());
        return row;
      });
    for (const [i, row] of fresh.entries()) {
      rows()[i]!.replaceWith(row);
      await Promise.resolve();
    }
    softNavigated();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(frames).toHaveLength(1);
    expect(fresh.map((row) => cellsOf(row).length)).toEqual([0, 0, 0, 0, 0]);
    await settle();
    expect(fresh.map((row) => cellsOf(row).length)).toEqual([1, 1, 1, 1, 1]);
    expect(targets).toHaveLength(40);
  });

  it('watches a commit list it is navigating to before the location gets there', async () => {
    await open('/acme/mnist');
    const { overlay } = start();
    // wxt:locationchange fires while the old page is still shown; no GitHub event follows here.
    overlay.navigating(new URL('https://github.com/acme/mnist/commits/main'));
    await settle();
    await open('/acme/mnist/commits/main');
    await settle();
    expect(rows().map((row) => cellsOf(row)[0]?.getAttribute(CELL_ATTRIBUTE))).toEqual(newestFirst.slice(0, 35));
  });

  it('stops observing once the page is no longer a commit list', async () => {
    await open('/acme/mnist/commits/main');
    start();
    await open('/acme/mnist');
    softNavigated();
    await settle();
    document.body.append(document.createElement('div'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(frames).toHaveLength(0);
  });

  it('changes nothing and logs once when its selectors miss', async () => {
    await open('/acme/mnist/commits/main', (html) => html.replaceAll('data-testid="commit-row-item"', 'data-testid="commit-row-entry"'));
    const untouched = document.body.innerHTML;
    const { log } = start(20);
    softNavigated();
    document.body.append(document.createElement('div'));
    await settle();
    await new Promise((resolve) => setTimeout(resolve, 80));
    // Paging on to the next list, as broken as the first.
    window.history.replaceState(null, '', `https://github.com/acme/mnist/commits/main?after=${newestFirst[0]}+34`);
    softNavigated();
    await settle();
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(document.body.innerHTML).toBe(`${untouched}<div></div>`);
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0]![0]).toMatch(/no commit rows .* on https:\/\/github.com\/acme\/mnist\/commits\/main/);
  });

  it('reports a miss even while the page keeps changing', async () => {
    await open('/acme/mnist/commits/main', (html) => html.replaceAll('data-testid="commit-row-item"', 'data-testid="commit-row-entry"'));
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const { log } = start(40);
      // A mutation every 10 ms for 120 ms: a timer restarted by each would never fire.
      for (let i = 0; i < 12; i++) {
        document.body.append(document.createElement('i'));
        await vi.advanceTimersByTimeAsync(10);
        frames.splice(0).forEach((frame) => frame());
      }
      expect(log).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('removes its cells and stops watching when its context ends', async () => {
    await open('/acme/mnist/commits/main');
    const { targets } = start();
    controller.abort();
    expect(document.querySelectorAll(`[${CELL_ATTRIBUTE}]`)).toHaveLength(0);
    const count = targets.length;
    rows()[0]!.replaceWith(rows()[0]!.cloneNode(true));
    document.dispatchEvent(new Event('soft-nav:react-done'));
    await settle();
    expect(targets).toHaveLength(count);
    expect(document.querySelectorAll(`[${CELL_ATTRIBUTE}]`)).toHaveLength(0);
  });

  it('draws nothing more once its extension is gone', async () => {
    await open('/acme/mnist/commits/main');
    let valid = true;
    const { targets } = start(50, () => valid);
    valid = false;
    // A deep clone without our cell, as React renders it: everything a scan needs to draw again.
    const fresh = rows()[0]!.cloneNode(true) as Element;
    cellsOf(fresh).forEach((c) => c.remove());
    rows()[0]!.replaceWith(fresh);
    softNavigated();
    await settle();
    expect(targets).toHaveLength(35);
  });

  it('undoes a cell once when it is removed: redrawn for another commit, gone with its row, or at the end', async () => {
    await open('/acme/mnist/commits/main');
    const { disposed } = start();
    expect(disposed).toEqual([]);
    rows()[0]!.setAttribute('data-commit-link', `/acme/mnist/commit/${newestFirst[50]}`);
    await settle();
    expect(disposed).toEqual([newestFirst[0]]);
    const fresh = rows()[1]!.cloneNode(true) as Element;
    cellsOf(fresh).forEach((c) => c.remove());
    rows()[1]!.replaceWith(fresh);
    await settle();
    expect(disposed).toEqual([newestFirst[0], newestFirst[1]]);
    controller.abort();
    expect(disposed.slice(2).sort()).toEqual([newestFirst[50], ...newestFirst.slice(1, 35)].sort());
  });
});
