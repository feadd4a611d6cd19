import { chromium, type Page } from '@playwright/test';
import { selectors, type Selector } from '../lib/page/selectors';
import { commitListOf } from '../lib/page/url';

/** Public lists of a DVC project (a branch's history and a pull request's Commits tab), used when no URL is given. */
export const DEFAULT_URLS = [
  'https://github.com/iterative/example-get-started/commits/main',
  'https://github.com/iterative/example-get-started/pull/46/commits',
];

export interface SelectorMatch {
  selector: string;
  /** The first variant that matched (`null`: none did), and how many elements it matched: on the page, or in how many rows of how many. */
  variant: string | null;
  count: number;
  rows?: number;
}

/** For every selector used on the page's kind of list: which variant matches, and how often (in the page, or in each row). */
export async function matchSelectors(page: Page): Promise<SelectorMatch[]> {
  const kind = commitListOf(page.url())?.kind;
  const used = Object.entries(selectors as Record<string, Selector>).filter(([, s]) => kind === undefined || s.pages.includes(kind));
  return page.evaluate(
    ({ used, row }) =>
      used.map(([name, s]) => {
        const rows = [...document.querySelectorAll(row)];
        for (const variant of s.variants) {
          const count = s.within === 'page' ? document.querySelectorAll(variant).length : rows.filter((r) => r.querySelector(variant)).length;
          if (count > 0) return { selector: name, variant, count, ...(s.within === 'row' ? { rows: rows.length } : {}) };
        }
        return { selector: name, variant: null, count: 0, ...(s.within === 'row' ? { rows: rows.length } : {}) };
      }),
    { used, row: selectors.commitRow.variants[0] },
  );
}

/** One line per selector: matched variant and count, or MISSING. */
export function report(url: string, matches: SelectorMatch[]): string {
  const lines = matches.map((m) => {
    const where = m.rows === undefined ? `${m.count}×` : `in ${m.count} of ${m.rows} rows`;
    return `  ${m.selector.padEnd(14)} ${m.variant === null ? 'MISSING' : `${where.padEnd(16)} ${m.variant}`}`;
  });
  return [url, ...lines].join('\n');
}

/** Every selector matched, and every row selector in every row. */
export const allMatched = (matches: SelectorMatch[]) => matches.every((m) => m.variant !== null && (m.rows === undefined || m.count === m.rows));

export async function checkGitHubDomCli(args: string[]): Promise<boolean> {
  const at = args.indexOf('--storage-state');
  const storageState = at >= 0 ? args[at + 1] : undefined;
  const urls = args.filter((a, i) => (a !== '--storage-state' && i !== at + 1) || at < 0).filter((a) => a.startsWith('http'));
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH, args: ['--no-sandbox', '--disable-gpu'] });
  let ok = true;
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...(storageState ? { storageState } : {}) });
    const page = await context.newPage();
    for (const url of urls.length ? urls : DEFAULT_URLS) {
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      await page
        .locator(selectors.commitRow.variants.join(', '))
        .first()
        .waitFor({ timeout: 15_000 })
        .catch(() => undefined);
      const matches = await matchSelectors(page);
      console.log(report(url, matches));
      ok &&= allMatched(matches);
    }
  } finally {
    await browser.close();
  }
  console.log(ok ? '\nEvery selector matched.' : '\nSome selector did not match: GitHub’s markup may have moved (lib/page/selectors.ts).');
  return ok;
}
