import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseDocument } from 'yaml';
import type { CommitSpec } from './snapshots';
import { EXAMPLE_GET_STARTED } from './fixtures';
import { listFiles, mapLimit } from './files';

/**
 * Generates a long history in the snapshot-folder format `seedFromSnapshots` reads, plus
 * `expected.json` beside the commits, so tests can assert values and deltas they can also work
 * out by hand from the rules below.
 *
 * The history interleaves the REAL snapshots of iterative/example-get-started (in the order
 * they happened upstream) with derived commits. Derived commits follow fixed rules:
 *
 * - Commit number i (0-based position in the generated history) that is derived changes ONE
 *   parameter of params.yaml, `KEYS[i % 3]`, by `step()`:
 *     featurize.max_features: +50, or back to 100 once it reached 1000;
 *     featurize.ngrams:       1 → 2 → 3 → 1;
 *     train.n_est:            +10, or back to 50 once it reached 300.
 *   The edit is byte-minimal (only the scalar's characters change).
 * - A "run" commit (i % 5 != 4) also rewrites the Git-tracked metrics file in force (if the
 *   real layout in force keeps metrics in Git) from `metricsFor(params)` and updates the
 *   `<key>: <value>` line of dvc.lock. An "edit" commit (i % 5 == 4) is a Studio-style commit
 *   (`Update params.yaml:<key>`, committer iterative-studio[bot]) that leaves metrics stale.
 * - Every 40 commits on main a branch `exp/NNN` forks from main with 3 derived commits; main
 *   gets one more commit, then (two branches in three) a merge commit whose params take the
 *   branch's values and whose metrics are the branch tip's.
 * - Dates grow by one hour per commit, so `git log` order is reverse generation order.
 */

export const KEYS = ['featurize.max_features', 'featurize.ngrams', 'train.n_est'] as const;
export type Key = (typeof KEYS)[number];
export type Params = Record<Key, number>;
type MetricsShape = 'flat' | 'nested';

export function step(key: Key, value: number): number {
  if (key === 'featurize.max_features') return value >= 1000 ? 100 : value + 50;
  if (key === 'featurize.ngrams') return (value % 3) + 1;
  return value >= 300 ? 50 : value + 10;
}

/**
 * The made-up "model": metrics as a fixed function of the params, rounded to 6 decimals, kept
 * inside (0, 1) for every value the rules produce:
 *   avg_prec = 0.5 + max_features / 100000 + ngrams / 100 + n_est / 10000
 *   roc_auc  = 0.8 + n_est / 5000 + ngrams / 100
 * The nested layout (eval/live/metrics.json) stores these as `test`, and `train` = test + 0.03
 * (avg_prec) / + 0.02 (roc_auc).
 */
export function metricsFor(p: Params): { avg_prec: number; roc_auc: number } {
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  return {
    avg_prec: round(0.5 + p['featurize.max_features'] / 100000 + p['featurize.ngrams'] / 100 + p['train.n_est'] / 10000),
    roc_auc: round(0.8 + p['train.n_est'] / 5000 + p['featurize.ngrams'] / 100),
  };
}

/** Real snapshots, where they go (fraction of the history) and where their layout keeps metrics. */
const REAL: { folder: string; at: number; message: string; metrics: { path: string; shape: MetricsShape } | null; delete?: string[]; branch?: string }[] = [
  { folder: 'legacy-2021-pr16-82cb5d1', at: 0, message: 'Example get-started, 2021 layout (82cb5d1)', metrics: { path: 'scores.json', shape: 'flat' } },
  {
    folder: 'studio-commit-pr46-a9d6176',
    at: 0.4,
    message: 'Update params.yaml:train.n_est (a9d6176)',
    metrics: { path: 'eval/live/metrics.json', shape: 'nested' },
    delete: ['scores.json'],
  },
  // From here on metrics live in DVC-tracked eval/metrics.json, not in Git.
  { folder: 'baseline-0d46eb4', at: 0.7, message: 'Create evaluation stage (0d46eb4)', metrics: null, delete: ['eval/live/metrics.json', 'eval/.gitignore'] },
  { folder: 'main-06ea489', at: 0.72, message: 'Evaluate bigrams model (06ea489)', metrics: null },
  { folder: 'random-forest-bea12fe', at: 0.85, message: 'Run experiments tuning random forest params (bea12fe)', metrics: null, branch: 'tune-hyperparams' },
];

export interface ExpectedCommit {
  name: string;
  branch: string;
  kind: 'snapshot' | 'run' | 'edit' | 'merge';
  headline: string;
  parents: string[];
  params: Params;
  /** Flattened metrics in Git at this commit (`avg_prec` or `avg_prec.test`…), null when none. */
  metrics: Record<string, number> | null;
  paramChanges: Partial<Record<Key, { from: number; to: number }>>;
}

export interface Expected {
  commitCount: number;
  defaultBranch: string;
  commits: ExpectedCommit[];
  /** Branch → its history in `git log` order (commit names, newest first). */
  branches: Record<string, string[]>;
}

interface Line {
  files: Map<string, string>;
  params: Params;
  metrics: { path: string; shape: MetricsShape } | null;
  tip: string;
}

const STUDIO_USER = 'Studio User <studio-user@commit-lab.test>';
const STUDIO_BOT = 'iterative-studio[bot] <bots+studio@iterative.ai>';
const BASE = Date.parse('2024-01-01T00:00:00Z');

export async function generateHistory(out: string, commitCount: number): Promise<Expected> {
  await mkdir(out, { recursive: true });
  const width = String(commitCount).length + 1;
  const commits: ExpectedCommit[] = [];
  const lines = new Map<string, Line>();
  let branchNo = 0;
  // The model above is all in memory; files are written at the end, many at a time.
  const writes: { path: string; text: string }[] = [];

  const emit = (
    line: Line,
    branch: string,
    kind: ExpectedCommit['kind'],
    spec: CommitSpec,
    files: Map<string, string>,
    extra: { parents: string[]; paramChanges: ExpectedCommit['paramChanges']; label: string },
  ): void => {
    const index = commits.length;
    const name = `${String(index).padStart(width, '0')}-${extra.label}`;
    const dir = join(out, name);
    for (const [path, text] of files) {
      writes.push({ path: join(dir, path), text });
      line.files.set(path, text);
    }
    for (const path of spec.delete ?? []) line.files.delete(path);
    const headline = spec.message!.split('\n')[0]!;
    const full: CommitSpec = { ...spec, branch, parents: extra.parents, date: new Date(BASE + index * 3_600_000).toISOString() };
    writes.push({ path: join(dir, 'commit.json'), text: JSON.stringify(full, null, 2) + '\n' });
    commits.push({
      name,
      branch,
      kind,
      headline,
      parents: extra.parents,
      params: { ...line.params },
      metrics: readMetrics(line),
      paramChanges: extra.paramChanges,
    });
    line.tip = name;
  };

  const derived = (line: Line, branch: string): void => {
    const i = commits.length;
    const key = KEYS[i % KEYS.length]!;
    const from = line.params[key];
    const to = step(key, from);
    line.params[key] = to;
    const files = new Map([['params.yaml', setYamlScalar(line.files.get('params.yaml')!, key, to)]]);
    const run = i % 5 !== 4;
    if (run) {
      if (line.metrics) files.set(line.metrics.path, renderMetrics(line.metrics.shape, metricsFor(line.params)));
      const lock = line.files.get('dvc.lock');
      if (lock) files.set('dvc.lock', setLockParam(lock, key, to));
    }
    const label = `${run ? 'run' : 'edit'}-${key.replace('.', '-')}`;
    const spec: CommitSpec = run
      ? { message: `Tune ${key} ${from} -> ${to}\n\nSeed-Commit: ${i}\n` }
      : { message: `Update params.yaml:${key}\n\nSeed-Commit: ${i}\n`, author: STUDIO_USER, committer: STUDIO_BOT };
    emit(line, branch, run ? 'run' : 'edit', spec, files, { parents: [line.tip], paramChanges: { [key]: { from, to } }, label });
  };

  const main: Line = { files: new Map(), params: { 'featurize.max_features': 0, 'featurize.ngrams': 0, 'train.n_est': 0 }, metrics: null, tip: '' };
  lines.set('main', main);
  const pending = [...REAL];
  let mainCount = 0;

  while (commits.length < commitCount) {
    const real = pending[0];
    if (real && commits.length >= Math.floor(real.at * commitCount)) {
      pending.shift();
      const files = await readSnapshot(join(EXAMPLE_GET_STARTED, real.folder));
      const target = real.branch ? forkLine(main) : main;
      if (real.branch) lines.set(real.branch, target);
      const before = { ...target.params };
      const params = readParams(files.get('params.yaml') ?? target.files.get('params.yaml')!);
      target.params = params;
      if (!real.branch) target.metrics = real.metrics;
      const changes: ExpectedCommit['paramChanges'] = {};
      for (const k of KEYS) if (commits.length > 0 && before[k] !== params[k]) changes[k] = { from: before[k], to: params[k] };
      emit(target, real.branch ?? 'main', 'snapshot', { message: real.message, delete: real.delete }, files, {
        parents: target.tip ? [target.tip] : [],
        paramChanges: changes,
        label: real.folder,
      });
      continue;
    }
    if (mainCount > 0 && mainCount % 40 === 0 && commitCount - commits.length >= 6) {
      // A branch of three commits, one more on main, then (2 in 3) a merge.
      const name = `exp/${String(++branchNo).padStart(3, '0')}`;
      const branch = forkLine(main);
      lines.set(name, branch);
      for (let k = 0; k < 3; k++) derived(branch, name);
      derived(main, 'main');
      mainCount++;
      if (branchNo % 3 !== 0) {
        const files = new Map<string, string>();
        const changes: ExpectedCommit['paramChanges'] = {};
        let params = main.files.get('params.yaml')!;
        let lock = main.files.get('dvc.lock');
        for (const k of KEYS) {
          if (branch.params[k] === main.params[k]) continue;
          changes[k] = { from: main.params[k], to: branch.params[k] };
          params = setYamlScalar(params, k, branch.params[k]);
          if (lock) lock = setLockParam(lock, k, branch.params[k]);
          main.params[k] = branch.params[k];
        }
        files.set('params.yaml', params);
        if (lock) files.set('dvc.lock', lock);
        const branchMetrics = main.metrics && branch.files.get(main.metrics.path);
        if (main.metrics && branchMetrics) files.set(main.metrics.path, branchMetrics);
        emit(main, 'main', 'merge', { message: `Merge branch '${name}'\n` }, files, {
          parents: [main.tip, branch.tip],
          paramChanges: changes,
          label: `merge-${name.replace('/', '-')}`,
        });
        mainCount++;
      }
      continue;
    }
    derived(main, 'main');
    mainCount++;
  }

  const dirs = [...new Set(writes.map((w) => dirname(w.path)))];
  await mapLimit(dirs, 32, (d) => mkdir(d, { recursive: true }));
  await mapLimit(writes, 32, (w) => writeFile(w.path, w.text));
  const expected: Expected = { commitCount: commits.length, defaultBranch: 'main', commits, branches: logs(commits, lines) };
  await writeFile(join(out, 'expected.json'), JSON.stringify(expected, null, 1) + '\n');
  return expected;
}

function forkLine(from: Line): Line {
  return { files: new Map(from.files), params: { ...from.params }, metrics: from.metrics, tip: from.tip };
}

async function readSnapshot(dir: string): Promise<Map<string, string>> {
  const files = await listFiles(dir);
  return new Map(await Promise.all(files.map(async (f) => [f.path, await readFile(join(dir, f.path), 'utf8')] as const)));
}

function readParams(text: string): Params {
  const doc = parseDocument(text);
  const params = {} as Params;
  for (const key of KEYS) params[key] = Number(doc.getIn(key.split('.')));
  return params;
}

/** Replaces the characters of one scalar, leaving every other byte of the file as it was. */
export function setYamlScalar(text: string, key: string, value: number): string {
  const node = parseDocument(text).getIn(key.split('.'), true) as { range?: [number, number, number] } | undefined;
  if (!node?.range) throw new Error(`params.yaml has no ${key}`);
  return text.slice(0, node.range[0]) + String(value) + text.slice(node.range[1]);
}

/** dvc.lock records each param as `<key>: <value>` under `params: params.yaml:`. */
function setLockParam(text: string, key: string, value: number): string {
  return text.replace(new RegExp(`^(\\s+)${key.replace('.', '\\.')}: .*$`, 'm'), `$1${key}: ${value}`);
}

function renderMetrics(shape: MetricsShape, m: { avg_prec: number; roc_auc: number }): string {
  const body =
    shape === 'flat' ? m : { avg_prec: { train: round6(m.avg_prec + 0.03), test: m.avg_prec }, roc_auc: { train: round6(m.roc_auc + 0.02), test: m.roc_auc } };
  return JSON.stringify(body, null, 4);
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

function readMetrics(line: Line): Record<string, number> | null {
  if (!line.metrics) return null;
  const text = line.files.get(line.metrics.path);
  return text === undefined ? null : flatten(JSON.parse(text) as unknown);
}

export function flatten(value: unknown, prefix = ''): Record<string, number> {
  const out: Record<string, number> = {};
  if (typeof value === 'number') out[prefix] = value;
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) Object.assign(out, flatten(v, prefix ? `${prefix}.${k}` : k));
  }
  return out;
}

/** Each branch's commits in `git log` order: everything reachable, newest (highest index) first. */
function logs(commits: ExpectedCommit[], lines: Map<string, Line>): Record<string, string[]> {
  const byName = new Map(commits.map((c, i) => [c.name, i]));
  const out: Record<string, string[]> = {};
  for (const [branch, line] of lines) {
    const seen = new Set<number>();
    const stack = [byName.get(line.tip)!];
    while (stack.length) {
      const i = stack.pop()!;
      if (seen.has(i)) continue;
      seen.add(i);
      for (const p of commits[i]!.parents) stack.push(byName.get(p)!);
    }
    out[branch] = [...seen].sort((a, b) => b - a).map((i) => commits[i]!.name);
  }
  return out;
}
