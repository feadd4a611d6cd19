import type { Cache } from '../cache';
import { diffMetrics, type Metric, type Project } from '../dvc';
import type { GitHubClient } from '../github/client';
import { changedPathsBetween } from './results/changed-paths';
import { fetchLive, graphqlTrees, type LiveAnswer } from './ci/live-fetch';
import type { LiveData } from './ci/live-query';
import { cmlPrHint, declaresInput, foldResults, sameInputs, type CommitFacts } from './results/results-commits';
import type { CmlReport } from './ci/cml-reports';
import type { CommitList, ExperimentRow, PartTwoRequests, RepoRef } from './types';

/**
 * Part 2 over a page's rows: each row's CI and CML report, and results that CI put on another
 * commit shown on the run's row (the results commit folded into it).
 *
 * Requests: none when the page's own query carried the live fields (`live`); else one GraphQL
 * request for every commit's live data (the warm view's one request), plus one REST request
 * for a fine-grained token. Reading which paths a possible results commit changed is one
 * GraphQL request for all of them, on the first view only (cached by SHA forever).
 */

export interface PartTwoPage {
  repo: RepoRef;
  list: CommitList;
  shas: string[];
  rows: ExperimentRow[];
  /** Projects of the page's commits and of the first parents read with them. */
  projects: ReadonlyMap<string, Project>;
  /** The page query's live answer, when it carried the live fields. */
  live?: Omit<LiveAnswer, 'rateLimit'>;
}

export async function addCiAndResults(
  ctx: { client: GitHubClient; cache: Cache },
  page: PartTwoPage,
): Promise<{ rows: ExperimentRow[]; live: Map<string, LiveData>; requests: PartTwoRequests }> {
  const live = page.live ?? (await fetchLive(ctx.client, page.repo, page.list, page.shas));
  const requests: PartTwoRequests = { live: page.live ? 0 : 1, fallback: live.fallbackRequests, trees: 0 };
  const rowBySha = new Map(page.rows.map((r) => [r.sha, r]));
  const facts = (sha: string): CommitFacts | undefined => {
    const row = rowBySha.get(sha);
    const data = live.live.get(sha);
    if (!row || !data) return undefined;
    const project = page.projects.get(sha);
    return { sha, parents: row.parents, message: data.message, ...(project ? { project } : {}) };
  };
  const commits = page.shas.map(facts).filter((c): c is CommitFacts => c !== undefined);
  // The page's oldest commit's first parent, as the run of a results commit at the page's bottom
  // would be: its project is known, its message is not needed unless it is an input (then it is on the page).
  for (const c of commits) {
    const parent = c.parents[0];
    const project = parent === undefined ? undefined : page.projects.get(parent);
    if (parent !== undefined && project && !rowBySha.has(parent)) commits.push({ sha: parent, parents: [], message: '', project });
  }
  const candidates = commits.filter((c) => isCandidate(c, commits));
  const changed = await changedPaths(ctx, page.repo, candidates, requests);
  for (const c of commits) {
    const paths = changed.get(c.sha);
    if (paths) c.changedPaths = paths;
  }
  const folding = foldResults(commits);
  const rows = page.rows.map((row) => {
    const data = live.live.get(row.sha);
    if (!data) return row;
    const out: ExperimentRow = { ...row, ci: data.ci, ...reportFields(data.reports?.report, data.reports?.others ?? []) };
    if (declaresInput(data.message)) out.declaredInput = true;
    const run = folding.foldedInto.get(row.sha);
    if (run && rowBySha.has(run)) out.foldedInto = run;
    const results = (folding.resultsOf.get(row.sha) ?? []).filter((sha) => rowBySha.has(sha));
    return results.length > 0 ? withResults(out, results, rowBySha, live.live) : out;
  });
  return { rows, live: live.live, requests };
}

/**
 * A commit worth asking which paths it changed: its params and data are its first parent's, and
 * something it records as a result (metrics, locked outputs) differs — or its parent said `[skip studio]`.
 */
function isCandidate(c: CommitFacts, all: CommitFacts[]): boolean {
  const parent = all.find((p) => p.sha === c.parents[0]);
  if (!parent?.project || !c.project || !sameInputs(parent.project, c.project)) return false;
  if (declaresInput(parent.message)) return false; // folded without its paths (guard permitting)
  const results = (p: Project) => JSON.stringify([p.metrics, p.cachedMetrics, p.inputs.filter((i) => i.hidden)]);
  return results(parent.project) !== results(c.project);
}

async function changedPaths(
  ctx: { client: GitHubClient; cache: Cache },
  repo: RepoRef,
  candidates: CommitFacts[],
  requests: PartTwoRequests,
): Promise<Map<string, string[]>> {
  const key = (sha: string) => `changed-paths:${repo.owner}/${repo.name}@${sha}`;
  const cached = await ctx.cache.getMany<string[]>(candidates.map((c) => key(c.sha)));
  const out = new Map<string, string[]>();
  const missing = new Map<string, { before: string; after: string }>();
  candidates.forEach((c, i) => {
    const hit = cached[i];
    if (hit) out.set(c.sha, hit);
    else missing.set(c.sha, { before: `${c.parents[0]}:`, after: `${c.sha}:` });
  });
  if (missing.size === 0) return out;
  const fetchTrees = graphqlTrees(ctx.client, repo);
  const found = await changedPathsBetween(missing, async (revs, depth) => {
    requests.trees++;
    return fetchTrees(revs, depth);
  });
  for (const [sha, paths] of found) {
    if (!paths) continue;
    out.set(sha, paths);
    await ctx.cache.put(key(sha), paths);
  }
  return out;
}

function reportFields(report: CmlReport | undefined, others: CmlReport[]): Pick<ExperimentRow, 'report' | 'otherReports'> {
  return report ? { report, otherReports: others } : {};
}

/**
 * The run's row with its newest results commit's metrics, reproduced lock and cached metrics,
 * compared with the run's first parent; the reports of the results commits join the run's.
 */
function withResults(run: ExperimentRow, results: string[], rows: Map<string, ExperimentRow>, live: Map<string, LiveData>): ExperimentRow {
  const newest = rows.get(results[0]!)!;
  const data = live.get(newest.sha)!;
  const reports = [
    run.report,
    ...(run.otherReports ?? []),
    ...results.flatMap((sha) => (live.get(sha)?.reports ? [live.get(sha)!.reports!.report, ...live.get(sha)!.reports!.others] : [])),
  ]
    .filter((r): r is CmlReport => r !== undefined)
    .sort((a, b) => Date.parse(b.time) - Date.parse(a.time));
  const hint = cmlPrHint(data.message);
  const { remoteMetrics: _ownRemote, remoteNotes: _ownNotes, ...own } = run;
  return {
    ...own,
    ...(newest.remoteMetrics ? { remoteMetrics: newest.remoteMetrics } : {}),
    ...(newest.remoteNotes ? { remoteNotes: newest.remoteNotes } : {}),
    metrics: newest.metrics,
    metricChanges: diffMetrics(parentMetrics(run), newest.metrics),
    unreproduced: newest.unreproduced,
    cachedMetrics: newest.cachedMetrics,
    resultsFrom: { sha: newest.sha, url: data.url, viaCmlPr: hint !== undefined && run.sha.startsWith(hint) },
    folded: results,
    ...reportFields(reports[0], reports.slice(1)),
  };
}

/** The first parent's git metrics, recovered from the run's own metrics and its changes against that parent. */
function parentMetrics(row: ExperimentRow): Metric[] {
  const id = (m: { file: string; key: string }) => `${m.file}\0${m.key}`;
  const changed = new Map(row.metricChanges.map((c) => [id(c), c]));
  const kept = row.metrics.filter((m) => !changed.has(id(m)));
  const old = row.metricChanges.flatMap((c) => (c.old === undefined ? [] : [{ file: c.file, key: c.key, value: c.old }]));
  return [...kept, ...old];
}
