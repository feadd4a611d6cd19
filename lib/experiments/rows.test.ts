import 'fake-indexeddb/auto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from '../../tests/fake-github/app';
import { generateHistory, KEYS, type Expected, type ExpectedCommit } from '../../tests/fake-github/seed/generate';
import { idbCache, type Cache } from '../cache';
import { READER_VERSION } from '../dvc';
import { createGitHubClient } from '../github/client';
import { NotFoundError, RateLimitedError, UnavailableError, BadCredentialsError, SsoRequiredError, MissingPermissionError } from '../github/errors';
import { enterpriseHost } from '../github/host';
import { failure } from '../github/testing/failure';
import { MAX_FILE_BYTES } from './commit-files';
import { experimentsContext, rowsFor, type ExperimentsContext } from './rows';
import type { ExperimentRow, RowsRequest } from './types';

/**
 * Rows of 35-commit pages of the generated 1,000-commit history (tests/fake-github/seed/generate.ts),
 * checked commit by commit against the generator's expected.json, with the requests they cost.
 */
let dir: string;
let fake: FakeGitHub;
let expected: Expected;
let oidOf: Map<string, string>;
let nameOf: Map<string, string>;

async function snapshotRepo(folder: string, files: Record<string, string>): Promise<void> {
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(folder, '001', path, '..'), { recursive: true });
    await writeFile(join(folder, '001', path), text);
  }
}

const BIG_KEYS = 40_000; // ~560 KB of params.yaml: over GraphQL's 512,000-byte text cut, under our limit
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rows-'));
  expected = await generateHistory(join(dir, 'history'), 1000);
  await snapshotRepo(join(dir, 'plain'), { 'README.md': '# no DVC here\n', 'src/app.py': 'print(1)\n' });
  const bigParams = `train:\n${Array.from({ length: BIG_KEYS }, (_, i) => `  k${String(i).padStart(5, '0')}: ${i}\n`).join('')}`;
  await snapshotRepo(join(dir, 'big'), {
    'dvc.yaml': 'stages:\n  train:\n    cmd: python train.py\n    params:\n      - train\n      - huge.yaml:\n        - x\n',
    'params.yaml': bigParams,
    'huge.yaml': `x: 1\npad: "${'p'.repeat(MAX_FILE_BYTES)}"\n`,
  });
  fake = await startFakeGitHub({
    root: join(dir, 'repos'),
    seeds: [
      { owner: 'acme', name: 'long', folder: join(dir, 'history') },
      { owner: 'acme', name: 'plain', folder: join(dir, 'plain') },
      { owner: 'acme', name: 'big', folder: join(dir, 'big') },
    ],
    waits: { retryAfterSeconds: 30, primaryResetSeconds: 3600 },
  });
  oidOf = new Map(fake.seeds.get('acme/long')!.commits.map((c) => [c.name, c.oid]));
  nameOf = new Map([...oidOf].map(([name, oid]) => [oid, name]));
}, 180_000);
afterAll(async () => {
  await fake?.close();
  await rm(dir, { recursive: true, force: true });
});

let caches = 0;
let cache: Cache;
let slept: number[];
beforeEach(() => {
  cache = idbCache({ name: `rows-${caches++}` });
  slept = [];
  fake.server.faults.clear();
  fake.server.log.length = 0;
});

function context(options: { token?: string; version?: number; into?: Cache } = {}): ExperimentsContext {
  const client = createGitHubClient({
    host: enterpriseHost(fake.url),
    token: options.token ?? 'ghp_reader',
    sleep: async (ms) => void slept.push(ms),
    now: () => fake.server.clock.now(),
  });
  return experimentsContext(client, options.into ?? cache, options.version ?? READER_VERSION);
}

const main = () => expected.branches[expected.defaultBranch]!;
function page(start: number): RowsRequest {
  return {
    repo: { owner: 'acme', name: 'long' },
    list: { ref: 'main' },
    shas: main()
      .slice(start, start + 35)
      .map((n) => oidOf.get(n)!),
  };
}
const api = () => fake.server.log.filter((r) => r.site === 'api');
const counts = () => ({ graphql: api().filter((r) => r.path === '/graphql').length, rest: api().filter((r) => r.path !== '/graphql').length });

/** The three tuned params of a row, its metrics flattened, its param changes on those keys. */
function seen(row: ExperimentRow) {
  const params = Object.fromEntries(KEYS.map((k) => [k, row.params.find((p) => p.file === 'params.yaml' && p.key === k)?.value]));
  const metrics = row.metrics.length ? Object.fromEntries(row.metrics.map((m) => [m.key, m.value])) : null;
  const paramChanges = Object.fromEntries(
    row.paramChanges.filter((c) => c.file === 'params.yaml' && (KEYS as readonly string[]).includes(c.key)).map((c) => [c.key, { from: c.old, to: c.new }]),
  );
  return { params, metrics, paramChanges };
}
function want(c: ExpectedCommit) {
  return { params: c.params, metrics: c.metrics, paramChanges: c.paramChanges };
}

describe('rowsFor on the generated 1,000-commit history', () => {
  // Main's log from the 2021 layout (scores.json in git) to the studio layout (eval/live/metrics.json): metrics in git.
  const pages = [
    ['the newest page (metrics in the DVC cache)', 0],
    ['a page where metrics are in git', 700],
    ['a page across a layout change', 380],
  ] as const;

  it.each(pages)('%s: rows equal expected.json, commit by commit, in ≤ 3 requests cold and 0 warm', async (_, start) => {
    const request = page(start);
    const cold = await rowsFor(context(), request);
    expect(cold.dvc).toBe(true);
    const byName = new Map(expected.commits.map((c) => [c.name, c]));
    for (const row of cold.rows)
      expect({ name: nameOf.get(row.sha), ...seen(row) }).toEqual({ name: nameOf.get(row.sha), ...want(byName.get(nameOf.get(row.sha)!)!) });
    expect(cold.rows.map((r) => r.parents)).toEqual(request.shas.map((sha) => byName.get(nameOf.get(sha)!)!.parents.map((p) => oidOf.get(p))));
    const c = counts();
    expect(c.rest).toBe(1); // the tree listing
    expect(c.graphql).toBeGreaterThanOrEqual(1);
    expect(c.rest + c.graphql).toBeLessThanOrEqual(3);
    console.log(`[rows] ${_}: cold ${c.rest} REST + ${c.graphql} GraphQL`);

    fake.server.log.length = 0;
    const warm = await rowsFor(context(), request);
    // Warm, nothing at a SHA is fetched: the one request revalidates what changes (CI, comments, PRs: part 2).
    expect(api().map((r) => r.operation)).toEqual(['Live']);
    expect(warm).toEqual({ ...cold, fetched: { waves: 0, rawReads: 0, live: 1, fallback: 0, trees: 0, remoteReads: 0 } });
  });

  it('a Studio-style commit (params changed, dvc.lock not) has its params flagged as not reproduced; a run commit has none', async () => {
    const { rows } = (await rowsFor(context(), page(700))) as { rows: ExperimentRow[] };
    const byName = new Map(expected.commits.map((c) => [c.name, c]));
    let edits = 0;
    for (const row of rows) {
      const c = byName.get(nameOf.get(row.sha)!)!;
      const changed = Object.keys(c.paramChanges);
      if (c.kind === 'edit') {
        edits++;
        expect(row.unreproduced.map((u) => u.key)).toEqual(expect.arrayContaining(changed));
        for (const u of row.unreproduced.filter((x) => changed.includes(x.key))) expect(u.value).toBe(c.params[u.key as (typeof KEYS)[number]]);
      }
      // A run reproduces the param it changed (the lock records it); an earlier edit's param may stay stale.
      if (c.kind === 'run') expect(row.unreproduced.filter((u) => changed.includes(u.key))).toEqual([]);
    }
    expect(edits).toBeGreaterThanOrEqual(5);
  });

  it('bumping the reader version reads everything again', async () => {
    await rowsFor(context(), page(0));
    fake.server.log.length = 0;
    await rowsFor(context({ version: READER_VERSION + 1 }), page(0));
    expect(counts().rest).toBe(1);
    expect(counts().graphql).toBeGreaterThanOrEqual(1);
  });

  it('the same page asked twice at once is fetched once', async () => {
    const ctx = context();
    const [a, b] = await Promise.all([rowsFor(ctx, page(0)), rowsFor(ctx, page(0))]);
    expect(a).toEqual(b);
    const once = counts();
    fake.server.log.length = 0;
    await rowsFor(context({ into: idbCache({ name: `rows-${caches++}` }) }), page(0));
    expect(once).toEqual(counts());
  });

  it('overlapping pages at once: a commit another page view is fetching is not fetched again', async () => {
    const ctx = context();
    const a = page(0);
    const b = { ...a, shas: a.shas.slice(10) };
    // Page b is asked once a's fetch is under way (the order two tabs' requests arrive in is not ours to fix).
    const first = rowsFor(ctx, a);
    await vi.waitFor(() => expect(ctx.inFlight.size).toBeGreaterThan(0));
    await Promise.all([first, rowsFor(ctx, b)]);
    // Page b's commits are all in page a: b waits for a's fetch and takes the files from the cache.
    // Its own one GraphQL request is part 2's revalidation of CI, comments and PRs (it made no files wave to ride in).
    expect(counts()).toEqual({ rest: 2, graphql: 3 });
    expect(
      api()
        .filter((r) => r.path === '/graphql')
        .map((r) => r.operation),
    ).toEqual(['CommitFiles', 'CommitFiles', 'Live']);
  });

  it("a pull request's Commits tab (oldest first): the same rows, from the same number of requests", async () => {
    const byRef = await rowsFor(context(), page(700));
    const refCounts = counts();
    fake.server.log.length = 0;
    const request = page(700);
    const byPr = await rowsFor(context({ into: idbCache({ name: `rows-${caches++}` }) }), { ...request, list: { pr: 1 }, shas: [...request.shas].reverse() });
    expect(byPr.rows).toEqual([...byRef.rows].reverse());
    expect(counts()).toEqual(refCounts);
  });
});

describe('rowsFor: files GitHub cuts, files too large, no DVC', () => {
  const big = async () => {
    const shas = fake.seeds.get('acme/big')!.commits.map((c) => c.oid);
    return rowsFor(context(), { repo: { owner: 'acme', name: 'big' }, list: { ref: 'main' }, shas });
  };

  it('a params file over 512,000 bytes is read raw over REST; a file over our limit is a problem naming it', async () => {
    const result = await big();
    const row = result.rows[0]!;
    expect(row.params.find((p) => p.key === `train.k${String(BIG_KEYS - 1).padStart(5, '0')}`)?.value).toBe(BIG_KEYS - 1);
    expect(row.problems).toContainEqual({ path: 'huge.yaml', message: expect.stringMatching(/^not read: 2\.1 MB, over Commit Lab's 2 MB limit/) });
    expect(result.dvc && result.fetched.rawReads).toBe(1);
    expect(
      api()
        .filter((r) => r.path.startsWith('/repos/acme/big/contents/'))
        .map((r) => r.path),
    ).toEqual(['/repos/acme/big/contents/params.yaml']);
  });

  it('a repository without DVC costs one request, and its next page none', async () => {
    const shas = fake.seeds.get('acme/plain')!.commits.map((c) => c.oid);
    const request: RowsRequest = { repo: { owner: 'acme', name: 'plain' }, list: { ref: 'main' }, shas };
    expect(await rowsFor(context(), request)).toEqual({ dvc: false, rows: [] });
    expect(api()).toHaveLength(1);
    expect(await rowsFor(context(), { ...request, list: { ref: 'other' } })).toEqual({ dvc: false, rows: [] });
    expect(api()).toHaveLength(1);
  });
});

describe('rowsFor: every fault gives its typed error, and nothing from a failure is cached', () => {
  const GRAPHQL = { path: '/graphql' };
  const TREE = { path: '/repos/{owner}/{repo}/git/trees/{tree_sha}' };
  const cases = [
    ['5xx on GraphQL', { match: GRAPHQL, action: { kind: 'status', status: 502 }, times: 4 }, UnavailableError],
    ['5xx on the listing', { match: TREE, action: { kind: 'status', status: 500 }, times: 4 }, UnavailableError],
    ['dropped before the handler', { match: GRAPHQL, action: { kind: 'drop-before' }, times: 4 }, UnavailableError],
    ['dropped after the handler', { match: GRAPHQL, action: { kind: 'drop-after' }, times: 4 }, UnavailableError],
    ['primary rate limit (REST)', { match: TREE, action: { kind: 'primary-rate-limit' } }, RateLimitedError],
    ['primary rate limit (GraphQL)', { match: GRAPHQL, action: { kind: 'primary-rate-limit' } }, RateLimitedError],
    ['primary rate limit (GraphQL, RATE_LIMITED)', { match: GRAPHQL, action: { kind: 'primary-rate-limit', graphqlForm: 'legacy' } }, RateLimitedError],
    ['secondary rate limit, twice', { match: GRAPHQL, action: { kind: 'secondary-rate-limit' }, times: 2 }, RateLimitedError],
    ['404', { match: TREE, action: { kind: 'status', status: 404 } }, NotFoundError],
  ] as const;

  it.each(cases)('%s', async (_, fault, type) => {
    fake.server.faults.add(fault as never);
    const error = await failure(rowsFor(context(), page(0)));
    expect(error).toBeInstanceOf(type);
    expect(error.message.length).toBeGreaterThan(10);
    if (fault.action.kind === 'secondary-rate-limit') expect(slept).toEqual([30_000]);
    else if (fault.action.kind.includes('rate-limit')) expect(slept).toEqual([]);
    // Nothing from the failed answer is cached: the next view fetches the commits' files again
    // (a listing that was answered before the failure may be, it is complete on its own).
    fake.server.faults.clear();
    fake.server.log.length = 0;
    const again = await rowsFor(context(), page(0));
    expect(again.dvc && again.fetched.waves).toBe(2);
    expect(counts().graphql).toBe(2);
  });

  it('401, 403 SSO, fine-grained 403: their typed errors', async () => {
    fake.tokens.add('ghp_gone', 'gone', { kind: 'expired' });
    expect(await failure(rowsFor(context({ token: 'ghp_gone' }), page(0)))).toBeInstanceOf(BadCredentialsError);
    fake.tokens.add('ghp_sso', 'sso-user', { kind: 'sso', scopes: ['repo'], organization: 'acme' });
    fake.store.repository('acme', 'long')!.collaborators.set('sso-user', 'read');
    expect(await failure(rowsFor(context({ token: 'ghp_sso' }), page(0)))).toBeInstanceOf(SsoRequiredError);
    fake.server.faults.add({ match: GRAPHQL, action: { kind: 'status', status: 403, headers: { 'x-accepted-github-permissions': 'contents=read' } } });
    const error = await failure(rowsFor(context(), page(0)));
    expect(error).toBeInstanceOf(MissingPermissionError);
    expect(error.message).toBe('Your token lacks the permission contents=read GitHub asks for here.');
  });
});
