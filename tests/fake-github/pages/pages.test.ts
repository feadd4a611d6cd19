import { Window } from 'happy-dom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeGitHub } from '../app';
import { startTestGitHub, type TestRepo } from '../worlds/test-repos';

let server: FakeGitHub;
let repo: TestRepo;
let main: string[]; // newest first, as GitHub lists them
beforeAll(async () => {
  ({ fake: server, repo } = await startTestGitHub());
  main = [...repo.main].reverse();
});
afterAll(() => server.close());

async function load(path: string) {
  const response = await fetch(server.url + path, { headers: { 'x-forwarded-host': 'github.com' } });
  const window = new Window({ url: `https://github.com${path}` });
  const document = new window.DOMParser().parseFromString(await response.text(), 'text/html');
  const rows = [...document.querySelectorAll('li[data-testid="commit-row-item"]')];
  return {
    status: response.status,
    document,
    links: rows.map((r) => r.getAttribute('data-commit-link')),
    data: () => JSON.parse(document.querySelector('script[data-target="react-app.embeddedData"]')!.textContent!),
    nav: (rel: string) => document.querySelector(`nav[aria-label="Pagination"] a[rel="${rel}"]`)?.getAttribute('href'),
  };
}

describe('commit list pages', () => {
  it('lists 35 commits a page, newest first, linking /commit/<sha>', async () => {
    const page = await load('/acme/mnist/commits/main');
    expect(page.status).toBe(200);
    expect(page.links).toEqual(main.slice(0, 35).map((oid) => `/acme/mnist/commit/${oid}`));
    expect(page.document.querySelector('meta[name="user-login"]')!.getAttribute('content')).toBe('octocat');
    expect(page.nav('prev')).toBeUndefined();
  });

  it("pages Older and Newer with GitHub's after/before cursors", async () => {
    const tip = main[0]!;
    const first = await load('/acme/mnist/commits/main');
    expect(first.nav('next')).toBe(`/acme/mnist/commits/main?after=${tip}+34`);
    const second = await load(first.nav('next')!);
    expect(second.links).toEqual(main.slice(35, 70).map((oid) => `/acme/mnist/commit/${oid}`));
    expect(second.nav('prev')).toBe(`/acme/mnist/commits/main?before=${tip}+35`);
    const third = await load(second.nav('next')!);
    expect(third.links).toHaveLength(10);
    expect(third.nav('next')).toBeUndefined();
    const back = await load(second.nav('prev')!);
    expect(back.links).toEqual(first.links);
  });

  it('takes the longest existing ref, so refs may contain "/", and tells the page where it ends', async () => {
    const page = await load('/acme/mnist/commits/feature/deep/ref');
    expect(page.links[0]).toBe(`/acme/mnist/commit/${repo.branch.at(-1)}`);
    expect(page.data().payload.refInfo.name).toBe('feature/deep/ref');
    const history = await load('/acme/mnist/commits/feature/deep/ref/src/train.py');
    expect(history.data().payload.refInfo.name).toBe('feature/deep/ref');
    expect(history.data().payload.path).toBe('src/train.py');
    // Only every fifth commit of main touches src/train.py; none of the branch's do.
    expect(history.links).toEqual(
      main
        .filter((_, i) => (79 - i) % 5 === 0)
        .slice(0, 35)
        .map((oid) => `/acme/mnist/commit/${oid}`),
    );
    expect(history.document.querySelectorAll('[data-testid="commit-row-view-code"]')).toHaveLength(history.links.length);
  });

  it('shows the default branch at /commits and resolves tags and SHA prefixes', async () => {
    expect((await load('/acme/mnist/commits')).data().payload.refInfo.name).toBe('main');
    expect((await load('/ACME/MNIST/commits/v1.0')).links[0]).toBe(`/acme/mnist/commit/${repo.main[9]}`);
    expect((await load(`/acme/mnist/commits/${main[3]!.slice(0, 10)}`)).links[0]).toBe(`/acme/mnist/commit/${main[3]}`);
  });

  it('answers 404 for unknown repositories, refs and pull requests', async () => {
    for (const path of ['/acme/nope/commits/main', '/acme/mnist/commits/nope', '/acme/mnist/pull/9/commits', '/nobody/mnist']) {
      expect((await load(path)).status, path).toBe(404);
    }
  });

  it("lists a pull request's commits oldest first, linking /pull/<n>/commits/<sha>", async () => {
    const page = await load('/acme/mnist/pull/3/commits');
    expect(page.links).toEqual(repo.branch.map((oid) => `/acme/mnist/pull/3/commits/${oid}`));
  });

  it('renders repository text as text, never markup', async () => {
    const page = await load(`/acme/mnist/commits/main?after=${main[0]}+34`);
    expect(page.document.querySelector('img[src="x"]')).toBeNull();
    const title = [...page.document.querySelectorAll('h4.markdown-title a')].find((a) => a.textContent!.startsWith('Try'));
    expect(title!.textContent).toBe('Try <img src=x onerror="alert(1)"> & "quotes"');
    expect(title!.getAttribute('title')).toBe('Try <img src=x onerror="alert(1)"> & "quotes"');
  });

  it('groups rows by day under "Commits on <date>" headers', async () => {
    const page = await load('/acme/mnist/commits/main');
    const titles = [...page.document.querySelectorAll('h3[data-testid="commit-group-title"]')].map((h) => h.textContent);
    // Newest commit: 2026-09-01T09:00Z + 79×5 h = 2026-09-17T20:00Z; 35 rows of 5 h span 8 days.
    expect(titles[0]).toBe('Commits on Sep 17, 2026');
    expect(titles).toHaveLength(8);
  });
});
