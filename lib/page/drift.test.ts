import { Window } from 'happy-dom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeGitHub } from '../../tests/fake-github/app';
import { startTestGitHub, type TestRepo } from '../../tests/fake-github/worlds/test-repos';
import { pageRefOf } from './page-ref';
import { findRows } from './rows';
import { selectors } from './selectors';
import type { CommitListKind } from './url';

/**
 * The drift tripwire: the fake pages follow GitHub's documented DOM, and every selector of
 * lib/page must match them with its FIRST (current-GitHub) variant. Renaming a hook in a page
 * template — say `commit-row-item` — fails here before it silently breaks the end-to-end tests.
 */
const PAGES: Record<CommitListKind, string[]> = {
  'repo-commits': ['/acme/mnist/commits/main', '/acme/mnist/commits/feature/deep/ref/src/train.py'],
  'pr-commits': ['/acme/mnist/pull/3/commits'],
};

let server: FakeGitHub;
let repo: TestRepo;
beforeAll(async () => {
  ({ fake: server, repo } = await startTestGitHub());
});
afterAll(() => server.close());

/** The page as a DOM document (happy-dom's types differ from lib.dom's only nominally). */
async function render(path: string): Promise<Document> {
  const html = await (await fetch(server.url + path)).text();
  return new new Window({ url: `https://github.com${path}` }).DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

describe('selectors match the GitHub-shaped page templates', () => {
  for (const [name, selector] of Object.entries(selectors)) {
    for (const kind of selector.pages) {
      for (const path of PAGES[kind]) {
        it(`${name} (${selector.variants[0]}) on ${path}`, async () => {
          const document = await render(path);
          const matches = document.querySelectorAll(selector.variants[0]);
          expect(matches.length).toBeGreaterThan(0);
          if (selector.within === 'row') {
            for (const row of document.querySelectorAll(selectors.commitRow.variants[0])) {
              expect(row.querySelector(selector.variants[0]), row.outerHTML.slice(0, 120)).not.toBeNull();
            }
          }
        });
      }
    }
  }
});

describe('row discovery and page ref on the templates', () => {
  const newestFirst = () => [...repo.main].reverse();

  it('finds the 35 rows of a page with their full SHAs', async () => {
    const { rows, unreadable } = findRows(await render('/acme/mnist/commits/main'));
    expect(unreadable).toBe(0);
    expect(rows.map((r) => r.sha)).toEqual(newestFirst().slice(0, 35));
  });

  it("finds a PR's rows from their /pull/<n>/commits/<sha> links", async () => {
    const { rows } = findRows(await render('/acme/mnist/pull/3/commits'));
    expect(rows.map((r) => r.sha)).toEqual(repo.branch);
  });

  it('falls back to the title link when a row lacks data-commit-link', async () => {
    const document = await render('/acme/mnist/commits/main');
    for (const row of document.querySelectorAll('li[data-testid="commit-row-item"]')) row.removeAttribute('data-commit-link');
    expect(findRows(document).rows.map((r) => r.sha)).toEqual(newestFirst().slice(0, 35));
  });

  it('counts rows whose commit cannot be read instead of guessing', async () => {
    const document = await render('/acme/mnist/commits/main');
    const row = document.querySelector('li[data-testid="commit-row-item"]')!;
    row.removeAttribute('data-commit-link');
    row.querySelector('h4 a')!.setAttribute('href', '/acme/mnist/commit/not-a-sha');
    expect(findRows(document)).toMatchObject({ unreadable: 1 });
    expect(findRows(document).rows).toHaveLength(34);
  });

  it('reads a ref containing "/" and the history path from the page, not the URL', async () => {
    expect(pageRefOf(await render('/acme/mnist/commits/feature/deep/ref/src/train.py'))).toEqual({ name: 'feature/deep/ref', path: 'src/train.py' });
    expect(pageRefOf(await render('/acme/mnist/commits'))).toEqual({ name: 'main', path: '' });
    expect(pageRefOf(await render('/acme/mnist/pull/3/commits'))).toBeUndefined();
  });
});
