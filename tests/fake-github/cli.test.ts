import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
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
let work: string;

/** A developer's working copy, made with plain git: two branches, a lightweight and an annotated tag, and a remote-tracking ref. */
async function workingCopy(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'cli-work-'));
  const run = (...args: string[]) =>
    execFileSync('git', ['-C', dir, '-c', 'user.name=Dev', '-c', 'user.email=dev@example.com', ...args], {
      env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
    });
  run('init', '--quiet', '--initial-branch=trunk');
  await writeFile(join(dir, 'dvc.yaml'), 'stages:\n  train:\n    cmd: python train.py\n');
  run('add', '.');
  run('commit', '--quiet', '-m', 'first');
  run('tag', 'v1');
  run('checkout', '--quiet', '-b', 'exp/lr');
  await mkdir(join(dir, 'src'));
  await writeFile(join(dir, 'src', 'train.py'), 'print(1)\n');
  run('add', '.');
  run('commit', '--quiet', '-m', 'second');
  run('tag', '-a', 'v2', '-m', 'annotated');
  run('update-ref', 'refs/remotes/origin/old', 'HEAD');
  run('checkout', '--quiet', 'trunk');
  return dir;
}

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'cli-snapshots-'));
  root = await mkdtemp(join(tmpdir(), 'cli-repos-'));
  await writeExampleGetStarted(folder);
  work = await workingCopy();
  cli = await startCli(['--port', '0', '--root', root, '--seed', `acme/egs=${folder}`, '--git', `dev/work=${work}`]);
  base = cli.base;
}, 60_000);

afterAll(async () => {
  await cli?.stop();
  await rm(folder, { recursive: true, force: true });
  await rm(root, { recursive: true, force: true });
  await rm(work, { recursive: true, force: true });
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

  it('--git serves an existing repository as it is: every branch and tag, HEAD the default branch, nothing else', async () => {
    const workGit = join(work, '.git');
    const api = (path: string) =>
      fetch(`${base}/api/v3/repos/dev/work${path}`).then(async (r) => ({ status: r.status, body: (await r.json()) as Record<string, unknown> }));
    expect((await api('')).body.default_branch).toBe('trunk');
    for (const ref of ['heads/trunk', 'heads/exp/lr', 'tags/v1', 'tags/v2']) {
      const { body } = await api(`/git/ref/${ref}`);
      expect((body.object as { sha: string }).sha).toBe(git(workGit, 'rev-parse', `refs/${ref}`).trim());
    }
    expect((await api('/git/ref/remotes/origin/old')).status).toBe(404);
    expect((await rows('/dev/work/commits/exp/lr')).links).toEqual(
      git(workGit, 'rev-list', 'exp/lr')
        .trim()
        .split('\n')
        .map((oid) => `/dev/work/commit/${oid}`),
    );
  });
});
