import fs from 'node:fs';
import path from 'node:path';
import { chromium, type BrowserContext } from '@playwright/test';
import { launchWithExtension, routeGitHub } from '../tests/e2e/browser';
import { startTestGitHub } from '../tests/fake-github/worlds/test-repos';
import { CELL_ATTRIBUTE } from '../lib/page/overlay';
import { selectors } from '../lib/page/selectors';
import { benchExperiments, median, type BenchRow } from './bench-experiments';
import { benchRemote } from './bench-remote';
import { DvcRemoteStore } from '../tests/fake-github/dvc/remote-store';
import { GET_STARTED_REMOTE } from '../tests/fake-github/seed/remote-metrics';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(ROOT, '.output');
const RUNS = 7;

/** Budgets on sizes and request counts are hard (deterministic); times are reported only. `against`: the same measure without the extension (or the naive strategy), printed beside `value`. */
type Row = BenchRow;

const MD5_MIB = 128;

/** MiB/s of the Run form's hasher (lib/dvc's md5 on hash-wasm), median of 3: 3.x on random bytes, 2.x on CRLF text (its slowest case). */
async function md5Throughput(): Promise<Row[]> {
  const { createFastMd5 } = await import('../lib/dvc');
  const random = new Uint8Array(MD5_MIB * 2 ** 20);
  for (let i = 0; i < random.length; i += 65536) crypto.getRandomValues(random.subarray(i, i + 65536));
  const line = new TextEncoder().encode('5.1,3.5,1.4,0.2,Iris-setosa\r\n');
  const text = new Uint8Array(MD5_MIB * 2 ** 20);
  for (let i = 0; i < text.length; i += line.length) text.set(line.subarray(0, text.length - i), i);
  const rate = async (generation: '2' | '3', data: Uint8Array) => {
    const runs: number[] = [];
    for (let run = 0; run < 3; run++) {
      const start = performance.now();
      const hasher = await createFastMd5(generation);
      for (let i = 0; i < data.length; i += 4 * 2 ** 20) hasher.update(data.subarray(i, i + 4 * 2 ** 20));
      hasher.digest();
      runs.push(MD5_MIB / ((performance.now() - start) / 1000));
    }
    return median(runs);
  };
  return [
    { what: `md5 for upload, DVC 3.x (raw, ${MD5_MIB} MiB, median of 3)`, value: await rate('3', random), unit: 'MiB/s', floor: 300 },
    { what: `md5 for upload, DVC 2.x (dos2unix on CRLF text, ${MD5_MIB} MiB)`, value: await rate('2', text), unit: 'MiB/s' },
  ];
}

const kB = (file: string) => fs.statSync(file).size / 1024;
const dirKB = (dir: string): number =>
  fs.readdirSync(dir, { withFileTypes: true }).reduce((sum, e) => sum + (e.isDirectory() ? dirKB(path.join(dir, e.name)) : kB(path.join(dir, e.name))), 0);

/**
 * Sets `window.__commitLabMarked` to the time (ms since navigation start) the last row got its
 * cell. A string, not a function: tsx's transform would add helpers the page does not have.
 */
/** The commit row as the extension finds it. */
const ROW = selectors.commitRow.variants[0];

const MARK_PROBE = `
  new MutationObserver((_, observer) => {
    const rows = document.querySelectorAll(${JSON.stringify(ROW)}).length;
    if (rows && document.querySelectorAll(${JSON.stringify(`[${CELL_ATTRIBUTE}]`)}).length >= rows) {
      window.__commitLabMarked = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
`;

const MUTATIONS = 2000;
/**
 * Milliseconds the page takes to make MUTATIONS small DOM changes, each in its own microtask
 * turn so that every one reaches any MutationObserver — the content script's if it observes.
 */
const MUTATION_STORM = `(async () => {
  const host = document.body.appendChild(document.createElement('div'));
  const start = performance.now();
  for (let i = 0; i < ${MUTATIONS}; i++) {
    host.append(document.createElement('i'));
    await null;
  }
  const took = performance.now() - start;
  host.remove();
  return took;
})()`;

/** Median time of the mutation storm on each page, in a fresh tab of `context`. */
async function stormTimes(context: BrowserContext, urls: string[]): Promise<number[]> {
  const page = await context.newPage();
  const times: number[] = [];
  for (const url of urls) {
    await page.goto(url);
    await page.waitForLoadState('networkidle');
    const runs: number[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await page.evaluate<number>(MUTATION_STORM));
    times.push(median(runs));
  }
  await page.close();
  return times;
}

export async function runBench(): Promise<boolean> {
  const chromeDir = path.join(OUT, 'chrome-mv3');
  const zip = fs.readdirSync(OUT).find((f) => f.endsWith('-chrome.zip'));
  const rows: Row[] = [
    { what: 'content script (JS + CSS, minified)', value: dirKB(path.join(chromeDir, 'content-scripts')), unit: 'kB', budget: 60 },
    { what: 'background', value: kB(path.join(chromeDir, 'background.js')), unit: 'kB', budget: 150 },
    { what: 'whole unpacked extension', value: dirKB(chromeDir), unit: 'kB', budget: 400 },
    { what: 'Chrome zip', value: zip ? kB(path.join(OUT, zip)) : NaN, unit: 'kB', budget: 200 },
  ];

  const remote = new DvcRemoteStore();
  const { fake } = await startTestGitHub({ dvcRemotes: { [GET_STARTED_REMOTE]: remote } });
  const browser = await launchWithExtension(chromeDir, true);
  try {
    await routeGitHub(browser.context, fake.server);
    const list = 'https://github.com/acme/mnist/commits/main';
    // What the content script costs while GitHub changes the page, against Chromium without it;
    // measured before MARK_PROBE, whose own observer would be counted too.
    const stormPages = ['https://github.com/acme/mnist', list];
    const [otherWith, listWith] = await stormTimes(browser.context, stormPages);
    const plain = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH, args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const context = await plain.newContext({ viewport: { width: 1280, height: 900 } });
      await routeGitHub(context, fake.server);
      const [otherWithout, listWithout] = await stormTimes(context, stormPages);
      rows.push(
        { what: `${MUTATIONS} page mutations, repository page, with / without extension`, value: otherWith!, unit: 'ms', against: otherWithout },
        { what: `${MUTATIONS} page mutations, commit list, with / without extension`, value: listWith!, unit: 'ms', against: listWithout },
      );
    } finally {
      await plain.close();
    }
    await browser.context.addInitScript({ content: MARK_PROBE });
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    const marked: number[] = [];
    const loaded: number[] = [];
    let apiRequests = 0;
    let pageRequests = 0;
    for (let i = 0; i < RUNS; i++) {
      const before = fake.server.log.length;
      await page.goto(list);
      await page.waitForFunction(() => (window as unknown as { __commitLabMarked?: number }).__commitLabMarked !== undefined);
      // Anything the extension asks for arrives while the cells settle; give it a moment to show up in the log.
      await page.waitForTimeout(300);
      const timing = await page.evaluate(() => ({
        marked: (window as unknown as { __commitLabMarked: number }).__commitLabMarked,
        loaded: performance.getEntriesByType('navigation')[0]
          ? (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd
          : NaN,
      }));
      marked.push(timing.marked);
      loaded.push(timing.loaded);
      const view = fake.server.log.slice(before);
      apiRequests = Math.max(apiRequests, view.filter((r) => r.site === 'api').length);
      pageRequests = Math.max(pageRequests, view.filter((r) => r.site === 'web').length);
    }
    const rowCount = await page.locator(ROW).count();
    // Nothing of this browser keeps working while the next measurements run in fresh ones.
    await page.close();
    rows.push(
      { what: `GitHub API requests per commit-list view (${rowCount} rows)`, value: apiRequests, unit: 'requests', budget: 3 },
      { what: 'github.com requests per view (the page itself)', value: pageRequests, unit: 'requests' },
      { what: `page DOMContentLoaded (median of ${RUNS})`, value: median(loaded), unit: 'ms' },
      { what: `every row marked (median of ${RUNS})`, value: median(marked), unit: 'ms' },
    );
    rows.push(
      ...(await benchExperiments(async () => {
        const fresh = await launchWithExtension(chromeDir, true);
        await routeGitHub(fresh.context, fake.server);
        return fresh;
      }, fake)),
    );
    rows.push(...(await benchRemote(fake, remote)));
  } finally {
    await browser.close();
    await fake.close();
  }

  rows.push(...(await md5Throughput()));
  const over = rows.filter((r) => r.budget !== undefined && !(r.value <= r.budget));
  const table = rows.map((r) => [
    r.what,
    `${r.value.toFixed(r.unit === 'kB' ? 1 : 0)}${r.against === undefined ? '' : ` / ${r.against.toFixed(0)}`} ${r.unit}`,
    r.floor !== undefined ? `≥ ${r.floor} ${r.unit}` : r.budget === undefined ? '—' : `≤ ${r.budget} ${r.unit}`,
    r.floor !== undefined ? (r.value >= r.floor ? 'ok' : 'below') : r.budget === undefined ? '' : r.value <= r.budget ? 'ok' : 'OVER',
  ]);
  const widths = [0, 1, 2, 3].map((c) => Math.max(...table.map((t) => t[c]!.length), ['measure', 'value', 'budget', ''][c]!.length));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(['', line(['measure', 'value', 'budget', '']), line(widths.map((w) => '-'.repeat(w))), ...table.map(line)].join('\n'));
  console.log('\nTimes are wall-clock on this machine, reported only; sizes and request counts are held to their budgets.');
  return over.length === 0;
}
