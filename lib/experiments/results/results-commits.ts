import { diffParams, type Project } from '../../dvc';

/**
 * Results that CI put on another commit (dvc-studio-cml §1.4). With Studio's flow the commit
 * that starts a run is not always the one that holds its results: `cml pr` pushes
 * `<branch>-cml-pr-<sha8>` with "CML PR for <sha8> [skip ci]" and a pull request (often
 * squash-merged back), and other workflows push a follow-up "results" commit on the same branch
 * (Studio's `[skip studio]` case). The rule here is what such a commit does, not what it says:
 * its first parent is the run's commit (or an earlier results commit of it), and every path it
 * changes is a result — a `dvc.lock`, a metrics or plots file, a stage's output. Its message
 * ("CML PR for …") and a `cml pr` pull request's body are hints only, never the rule.
 *
 * Folding never hides a commit whose params or data changed: that guard holds even when the
 * changed paths are not known and the run's commit declared itself an input (`[skip studio]`).
 */

export interface CommitFacts {
  sha: string;
  parents: string[];
  /** The whole commit message (headline and body). */
  message: string;
  /** Paths changed against the first parent, when known. */
  changedPaths?: string[];
  /** The DVC project at this commit (absent when it could not be read). */
  project?: Project;
}

export interface Folding {
  /** Run commit → its results commits, newest first (the first is the one whose results the run's row shows). */
  resultsOf: Map<string, string[]>;
  /** Results commit → the run commit it is folded into. */
  foldedInto: Map<string, string>;
}

/** Studio hid commits whose message holds `[skip studio]`: the input commit of a run whose results follow. */
export function declaresInput(message: string): boolean {
  return /\[skip studio\]/i.test(message);
}

/** `cml pr`'s commit message and pull-request body (dvc-studio-cml §4.4): which run commit they name, as a hint. */
export function cmlPrHint(text: string): string | undefined {
  return /^CML PR for (?:\S+ )?([0-9a-f]{8})\b/m.exec(text)?.[1] ?? /Automated commits for \S+\/commit\/([0-9a-f]{7,40}) created by CML\./.exec(text)?.[1];
}

/**
 * Every path a project names as a result: lock files, metrics, plots and stage outputs (a folder
 * stands for what it holds). A metrics file's own folder counts too, unless it is the root:
 * DVCLive writes a run's metrics, plots, `report.md` and `static/` images into one folder
 * (the real `cml pr` squash bce16d4 of example-get-started-experiments touched all of them),
 * and the params/data guard still refuses a commit that changed an input there.
 */
export function resultPaths(project: Project): string[] {
  const locks = new Set(project.inputs.filter((i) => i.dvcFile.endsWith('dvc.lock')).map((i) => i.dvcFile));
  const metricFiles = [...project.metrics.map((m) => m.file), ...project.cachedMetrics.map((m) => m.file)];
  return [
    ...locks,
    ...metricFiles,
    ...metricFiles.filter((f) => f.includes('/')).map((f) => f.slice(0, f.lastIndexOf('/'))),
    ...project.plots.flatMap((p) => p.files.map((f) => f.path)),
    ...project.inputs.filter((i) => i.hidden).map((i) => i.path),
  ];
}

function isUnder(path: string, roots: string[]): boolean {
  return roots.some((r) => path === r || path.startsWith(`${r}/`));
}

/** A `dvc.lock` anywhere counts: a new stage's lock may appear with the results. */
function isResultPath(path: string, roots: string[]): boolean {
  return path === 'dvc.lock' || path.endsWith('/dvc.lock') || isUnder(path, roots);
}

/** Params and data inputs (the outputs of `.dvc` files) the same at both commits. */
export function sameInputs(before: Project, after: Project): boolean {
  if (diffParams(before.params, after.params).length > 0) return false;
  const data = (p: Project) => new Map(p.inputs.filter((i) => !i.hidden).map((i) => [i.path, `${i.md5 ?? ''}:${i.size ?? ''}:${i.nfiles ?? ''}`]));
  const a = data(before);
  const b = data(after);
  return a.size === b.size && [...a].every(([path, hash]) => b.get(path) === hash);
}

/**
 * Whether `commit` holds results of `run` (its first parent). `runIsInput` is true when the run's
 * commit said `[skip studio]`: its child is folded whatever paths it touched, guard permitting.
 */
export function isResultsCommit(commit: CommitFacts, run: CommitFacts, runIsInput = false): boolean {
  if (commit.parents[0] !== run.sha || !commit.project || !run.project) return false;
  if (!sameInputs(run.project, commit.project)) return false;
  if (runIsInput) return true;
  const changed = commit.changedPaths;
  if (!changed || changed.length === 0) return false;
  const roots = [...resultPaths(run.project), ...resultPaths(commit.project)];
  return changed.every((p) => isResultPath(p, roots));
}

/**
 * Folds results commits into their runs across a page (and the parents read with it). A chain
 * of results commits (a follow-up after a merged `cml pr`) folds into the one run.
 */
export function foldResults(commits: CommitFacts[]): Folding {
  const bySha = new Map(commits.map((c) => [c.sha, c]));
  const folding: Folding = { resultsOf: new Map(), foldedInto: new Map() };
  const runOf = (sha: string, seen = new Set<string>()): string | undefined => {
    if (seen.has(sha)) return undefined;
    seen.add(sha);
    const known = folding.foldedInto.get(sha);
    if (known) return known;
    const commit = bySha.get(sha);
    const parent = commit?.parents[0] ? bySha.get(commit.parents[0]) : undefined;
    if (!commit || !parent) return undefined;
    const parentRun = runOf(parent.sha, seen);
    // The parent is itself a results commit: compare with it, fold into its run.
    const run = parentRun ? bySha.get(parentRun)! : parent;
    if (!isResultsCommit(commit, parent, declaresInput(run.message) && !parentRun)) return undefined;
    folding.foldedInto.set(sha, run.sha);
    return run.sha;
  };
  for (const c of commits) runOf(c.sha);
  // Results newest first: a results commit's own results follow it, so order by chain depth.
  const depth = (sha: string): number => {
    const parent = bySha.get(sha)?.parents[0];
    return parent && folding.foldedInto.has(parent) ? 1 + depth(parent) : 0;
  };
  for (const [results, run] of folding.foldedInto) folding.resultsOf.set(run, [...(folding.resultsOf.get(run) ?? []), results]);
  for (const list of folding.resultsOf.values()) list.sort((a, b) => depth(b) - depth(a));
  return folding;
}
