import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { startFakeGitHub, type FakeGitHub } from '../app';
import { gql, type GqlAnswer } from '../graphql/client';
import { git } from '../git/git-cli';
import { generateHistory, type Expected } from './generate';

/**
 * A generated 1,000-commit DVC history, seeded once, paged through GraphQL `history` with
 * cursors. The served files are checked three ways: against expected.json, against the git CLI,
 * and against the generator's rules re-derived by hand here (not imported).
 */
const COMMITS = 1000;
let fake: FakeGitHub;
let dir: string;
let expected: Expected;
let oidOf: Map<string, string>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'long-history-'));
  let t = performance.now();
  expected = await generateHistory(join(dir, 'history'), COMMITS);
  const generated = performance.now() - t;
  t = performance.now();
  fake = await startFakeGitHub({ root: join(dir, 'repos'), seeds: [{ owner: 'acme', name: 'long', folder: join(dir, 'history') }] });
  console.log(
    `[long-history] generated ${COMMITS} commits in ${generated.toFixed(0)} ms, seeded (git fast-import) in ${(performance.now() - t).toFixed(0)} ms`,
  );
  oidOf = new Map(fake.seeds.get('acme/long')!.commits.map((c) => [c.name, c.oid]));
}, 120_000);
afterAll(async () => {
  await fake?.close();
  await rm(dir, { recursive: true, force: true });
});

const PAGE = `query($after: String) { repository(owner: "acme", name: "long") { defaultBranchRef { target { ... on Commit {
  history(first: 100, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      oid messageHeadline
      parents(first: 2) { nodes { oid } }
      params: file(path: "params.yaml") { object { ... on Blob { text } } }
      scores: file(path: "scores.json") { object { ... on Blob { text } } }
      live: file(path: "eval/live/metrics.json") { object { ... on Blob { text } } }
    } } } } } } }`;

interface Node {
  oid: string;
  messageHeadline: string;
  parents: { nodes: { oid: string }[] };
  params: { object: { text: string } } | null;
  scores: { object: { text: string } } | null;
  live: { object: { text: string } } | null;
}

const KEYS = ['featurize.max_features', 'featurize.ngrams', 'train.n_est'] as const;
type Params = Record<(typeof KEYS)[number], number>;

function paramsOf(node: Node): Params {
  const doc = parse(node.params!.object.text) as { featurize: { max_features: number; ngrams: number }; train: { n_est: number } };
  return { 'featurize.max_features': doc.featurize.max_features, 'featurize.ngrams': doc.featurize.ngrams, 'train.n_est': doc.train.n_est };
}

/** Flattened metrics from whichever Git-tracked metrics file the commit has. */
function metricsOf(node: Node): Record<string, number> | null {
  const text = node.scores?.object.text ?? node.live?.object.text;
  if (text === undefined) return null;
  const out: Record<string, number> = {};
  const walk = (v: unknown, prefix: string) => {
    if (typeof v === 'number') out[prefix] = v;
    else for (const [k, x] of Object.entries(v as object)) walk(x, prefix ? `${prefix}.${k}` : k);
  };
  walk(JSON.parse(text), '');
  return out;
}

describe(`a generated ${COMMITS}-commit history`, () => {
  let nodes: Node[];
  let pages: { hasNextPage: boolean; endCursor: string | null }[];
  let totalCount: number;

  beforeAll(async () => {
    nodes = [];
    pages = [];
    let after: string | null = null;
    const t = performance.now();
    do {
      const { body }: GqlAnswer<any> = await gql(fake.url, PAGE, { after });
      expect(body.errors).toBeUndefined();
      const history: { totalCount: number; nodes: Node[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } =
        body.data.repository.defaultBranchRef.target.history;
      nodes.push(...history.nodes);
      pages.push(history.pageInfo);
      totalCount = history.totalCount;
      after = history.pageInfo.hasNextPage ? history.pageInfo.endCursor : null;
    } while (after);
    console.log(`[long-history] paged ${nodes.length} commits in ${pages.length} GraphQL calls in ${(performance.now() - t).toFixed(0)} ms`);
  }, 120_000);

  it('seeds exactly the generated commits and branches', () => {
    expect(expected.commitCount).toBe(COMMITS);
    expect(oidOf.size).toBe(COMMITS);
    const gitDir = fake.store.repository('acme', 'long')!.git.gitDir;
    expect(Number(git(gitDir, 'rev-list', '--all', '--count').trim())).toBe(COMMITS);
    expect(git(gitDir, 'for-each-ref', '--format=%(refname:short)', 'refs/heads/').trim().split('\n').sort()).toEqual(Object.keys(expected.branches).sort());
    expect(git(gitDir, 'rev-list', '--merges', '--count', 'main').trim()).toBe(String(expected.commits.filter((c) => c.kind === 'merge').length));
  });

  it('pages through history with cursors in git log order, as expected.json lists it', async () => {
    const gitDir = fake.store.repository('acme', 'long')!.git.gitDir;
    const main = expected.branches.main!;
    expect(totalCount).toBe(main.length);
    expect(pages).toHaveLength(Math.ceil(main.length / 100));
    expect(pages.map((p) => p.hasNextPage)).toEqual(pages.map((_, i) => i < pages.length - 1));
    expect(nodes.map((n) => n.oid)).toEqual(main.map((name) => oidOf.get(name)));
    expect(nodes.map((n) => n.oid)).toEqual(git(gitDir, 'rev-list', 'main').trim().split('\n'));
    expect(await readFile(join(dir, 'history', 'expected.json'), 'utf8').then(JSON.parse)).toEqual(expected);
  });

  it('serves the params and metrics expected.json records for every commit', () => {
    const byName = new Map(expected.commits.map((c) => [c.name, c]));
    for (const [i, node] of nodes.entries()) {
      const want = byName.get(expected.branches.main![i]!)!;
      expect(node.messageHeadline).toBe(want.headline);
      expect(paramsOf(node)).toEqual(want.params);
      expect(metricsOf(node)).toEqual(want.metrics);
    }
  });

  it('every derived commit changes one param by the documented rule, and runs recompute metrics by the formula', () => {
    const byOid = new Map(nodes.map((n) => [n.oid, n]));
    const byName = new Map(expected.commits.map((c) => [c.name, c]));
    let checked = 0;
    for (const [i, node] of nodes.entries()) {
      const want = byName.get(expected.branches.main![i]!)!;
      if (want.kind !== 'run' && want.kind !== 'edit') continue;
      const parent = byOid.get(node.parents.nodes[0]!.oid)!;
      const before = paramsOf(parent);
      const after = paramsOf(node);
      const changed = KEYS.filter((k) => before[k] !== after[k]);
      expect(changed).toHaveLength(1);
      const key = changed[0]!;
      const from = before[key];
      const rule = {
        'featurize.max_features': from >= 1000 ? 100 : from + 50,
        'featurize.ngrams': (from % 3) + 1,
        'train.n_est': from >= 300 ? 50 : from + 10,
      }[key];
      expect(after[key]).toBe(rule);
      expect(want.paramChanges).toEqual({ [key]: { from, to: after[key] } });
      const metrics = metricsOf(node);
      if (want.kind === 'run' && metrics) {
        const avg = 0.5 + after['featurize.max_features'] / 100000 + after['featurize.ngrams'] / 100 + after['train.n_est'] / 10000;
        const roc = 0.8 + after['train.n_est'] / 5000 + after['featurize.ngrams'] / 100;
        expect(metrics['avg_prec'] ?? metrics['avg_prec.test']).toBeCloseTo(avg, 6);
        expect(metrics['roc_auc'] ?? metrics['roc_auc.test']).toBeCloseTo(roc, 6);
      }
      if (want.kind === 'edit') expect(metrics).toEqual(metricsOf(parent)); // Studio-style: metrics left stale
      checked++;
    }
    expect(checked).toBeGreaterThan(800);
  });

  it('the first derived commits, worked out by hand from the 2021 layout (max_features 4000, ngrams 2, n_est 100)', () => {
    const served = (n: number) => nodes.find((node) => node.oid === oidOf.get(expected.commits[n]!.name))!;
    // #1 ngrams 2 → 3: avg_prec 0.5 + 0.04 + 0.03 + 0.01, roc_auc 0.8 + 0.02 + 0.03
    expect(paramsOf(served(1))).toEqual({ 'featurize.max_features': 4000, 'featurize.ngrams': 3, 'train.n_est': 100 });
    expect(metricsOf(served(1))).toEqual({ avg_prec: 0.58, roc_auc: 0.85 });
    // #2 n_est 100 → 110: avg_prec + 0.001, roc_auc + 0.002
    expect(metricsOf(served(2))).toEqual({ avg_prec: 0.581, roc_auc: 0.852 });
    // #3 max_features 4000 is past 1000, so back to 100: avg_prec 0.5 + 0.001 + 0.03 + 0.011
    expect(paramsOf(served(3))['featurize.max_features']).toBe(100);
    expect(metricsOf(served(3))).toEqual({ avg_prec: 0.542, roc_auc: 0.852 });
    // #4 is a Studio edit (i % 5 == 4) of KEYS[4 % 3] = ngrams, 3 → 1; metrics stay those of #3
    expect(served(4).messageHeadline).toBe('Update params.yaml:featurize.ngrams');
    expect(paramsOf(served(4))['featurize.ngrams']).toBe(1);
    expect(metricsOf(served(4))).toEqual({ avg_prec: 0.542, roc_auc: 0.852 });
  });

  it('an unmerged experiment branch has its own history', async () => {
    const unmerged = Object.keys(expected.branches).find((b) => b.startsWith('exp/') && !expected.branches.main!.includes(expected.branches[b]![0]!))!;
    const { body } = await gql<any>(
      fake.url,
      `{ repository(owner: "acme", name: "long") { ref(qualifiedName: "refs/heads/${unmerged}") { name target { ... on Commit { history(first: 5) { totalCount nodes { oid } } } } } } }`,
    );
    expect(body.data.repository.ref.name).toBe(unmerged);
    const history = body.data.repository.ref.target.history;
    expect(history.totalCount).toBe(expected.branches[unmerged]!.length);
    expect(history.nodes.map((n: { oid: string }) => n.oid)).toEqual(expected.branches[unmerged]!.slice(0, 5).map((name) => oidOf.get(name)));
  });
});
