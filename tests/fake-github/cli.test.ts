import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeExampleGetStarted } from './seed/example-get-started';
import { startCli } from './cli-process';
import { git } from './git/git-cli';

/**
 * The command the issue names: `npm run fake-github -- --port <n> --seed acme/egs=<folder>`
 * (run here through the same `tsx tests/fake-github/cli.ts` the npm script runs, with port 0 so
 * the system picks a free one), fetched over HTTP like curl would.
 */
let cli: Awaited<ReturnType<typeof startCli>>;
let base: string;
let folder: string;
let root: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'cli-snapshots-'));
  root = await mkdtemp(join(tmpdir(), 'cli-repos-'));
  await writeExampleGetStarted(folder);
  cli = await startCli(['--port', '0', '--root', root, '--seed', `acme/egs=${folder}`]);
  base = cli.base;
}, 60_000);

afterAll(async () => {
  await cli?.stop();
  await rm(folder, { recursive: true, force: true });
  await rm(root, { recursive: true, force: true });
});

describe('npm run fake-github', () => {
  it('prints its base URL first', () => {
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('serves the seeded history over GraphQL', async () => {
    const response = await fetch(`${base}/api/graphql`, {
      method: 'POST',
      headers: { authorization: 'bearer anything' },
      body: JSON.stringify({
        query:
          '{ repository(owner: "acme", name: "egs") { nameWithOwner defaultBranchRef { target { ... on Commit { history(first: 10) { nodes { oid messageHeadline } } } } } } }',
      }),
    });
    const body = (await response.json()) as any;
    const nodes = body.data.repository.defaultBranchRef.target.history.nodes;
    expect(body.data.repository.nameWithOwner).toBe('acme/egs');
    expect(nodes.map((n: { oid: string }) => n.oid)).toEqual(
      git(join(root, 'acme', 'egs.git'), 'rev-list', 'main')
        .trim()
        .split('\n'),
    );
    expect(nodes[0].messageHeadline).toBe('Evaluate bigrams model');
  });

  /** The commit links of a github.com page's rows, and its status. */
  async function rows(path: string): Promise<{ status: number; links: (string | null)[] }> {
    const response = await fetch(`${base}${path}`, { headers: { 'x-forwarded-host': 'github.com' } });
    const window = new Window({ url: `https://github.com${path}` });
    const document = new window.DOMParser().parseFromString(await response.text(), 'text/html');
    return {
      status: response.status,
      links: [...document.querySelectorAll('li[data-testid="commit-row-item"]')].map((row) => row.getAttribute('data-commit-link')),
    };
  }
  const revList = (...args: string[]) =>
    git(join(root, 'acme', 'egs.git'), 'rev-list', ...args)
      .trim()
      .split('\n')
      .map((oid) => `/acme/egs/commit/${oid}`);

  it("serves github.com's commit list page with the real commits in the rows", async () => {
    expect(await rows('/acme/egs/commits/main')).toEqual({ status: 200, links: revList('main') });
  });

  it('serves path history and branch pages from git, and 404s unknown refs', async () => {
    const scores = await rows('/acme/egs/commits/main/scores.json');
    expect(scores.links).toEqual(revList('main', '--', 'scores.json'));
    expect(scores.links).toHaveLength(2); // added in 2021, deleted by the Studio snapshot
    expect((await rows('/acme/egs/commits/tune-hyperparams')).links).toEqual(revList('tune-hyperparams'));
    expect((await rows('/acme/egs/commits/no-such-branch')).status).toBe(404);
  });
});
