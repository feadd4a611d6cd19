import type { RemoteNote } from './remote-metrics';
import type { CachedMetric, Metric, MetricChange, Param, ParamChange, Problem } from '../dvc';
import type { CiStatus } from './ci/ci-status';
import type { CmlReport } from './ci/cml-reports';

export type { CiStatus, CmlReport };

/** `owner/name` on the configured GitHub host. */
export interface RepoRef {
  owner: string;
  name: string;
}

/** The commit list a page shows: a branch/tag/sha's history, or a pull request's commits. */
export type CommitList = { ref: string } | { pr: number };

/** What one commit-page view asks for: the SHAs its rows show, newest first (as GitHub lists them). */
export interface RowsRequest {
  repo: RepoRef;
  list: CommitList;
  shas: string[];
}

/** A param whose value in params differs from what `dvc.lock` recorded: changed, not yet reproduced. */
export interface UnreproducedParam {
  file: string;
  key: string;
  value: Param['value'];
  locked: Param['locked'];
}

/**
 * One commit as an experiment: `readProject` at the commit, diffed against its first parent.
 *
 * Room for the parts that come next (issues 14, 15), so that they extend rows instead of
 * reshaping them. Each is optional and absent until its part fills it; a part adds its field
 * here (and nothing else in this file changes):
 *
 * - part 2 (CI, issue 14): `ci` (combined status and check runs of the commit), `report` (the CML
 *   report, a commit or PR comment), `resultsFrom` (the commit whose results this row shows when
 *   CI put them on another commit, e.g. a CML/DVC push commit) and `folded` (rows folded into this
 *   one, such as that result commit itself).
 * - part 3 (remote, issue 15): `remoteMetrics` (metrics read from the DVC remote for
 *   `cachedMetrics`) and `remoteNotes` (why a remote value is missing: no credentials, absent
 *   object, remote not configured).
 */
export interface ExperimentRow {
  sha: string;
  /** Parent SHAs in git order; the first parent is the one diffed against. */
  parents: string[];
  /** Params at this commit, with the values `dvc.lock` records (`locked`) where it records one. */
  params: Param[];
  /** `dvc params diff <first parent> <sha>`; against nothing (every param added) for a root commit. */
  paramChanges: ParamChange[];
  /** Params changed in the params file but not in `dvc.lock` (a Studio-style edit not yet run). */
  unreproduced: UnreproducedParam[];
  /** Metrics kept in git at this commit. */
  metrics: Metric[];
  /** `dvc metrics diff <first parent> <sha>` over the metrics in git. */
  metricChanges: MetricChange[];
  /** Metrics files kept in the DVC cache, for part 3 to read from the remote. */
  cachedMetrics: CachedMetric[];
  /** Pipeline stages (`dvc.yaml:stage` addresses). */
  stages: string[];
  /** What could not be read: files lib/dvc rejected, files over the size limit, paths the listing missed. */
  problems: Problem[];
  /** CI of this commit: state and the checks behind it (`partial` without check runs: fine-grained token). */
  ci?: CiStatus;
  /** The newest CML report on this commit, and the older ones. */
  report?: CmlReport;
  otherReports?: CmlReport[];
  /** Set on a run whose results sit on another commit: `metrics`, `metricChanges`, `unreproduced` are then that commit's. */
  resultsFrom?: ResultsFrom;
  /** Results commits folded into this row, newest first. */
  folded?: string[];
  /** Set on a results commit: the run whose row shows it (drawn small, expandable). */
  foldedInto?: string;
  /** The message says `[skip studio]`: an input commit whose results follow on another commit. */
  declaredInput?: boolean;
  /** Metrics of `cachedMetrics` read from the DVC remote (shown like metrics in git, marked as from the remote). */
  remoteMetrics?: Metric[];
  /** Why a file of `cachedMetrics` could not be read from the remote, and what to do (a `permission` note carries the origin to ask for). */
  remoteNotes?: RemoteNote[];
}

/** The commit whose results a run's row shows, when CI put them on another commit (part 2). */
export interface ResultsFrom {
  /** The newest results commit of the run (a `cml pr` squash, a follow-up push). */
  sha: string;
  /** Its page on GitHub. */
  url: string;
  /** Its message or pull request names the run the way `cml pr` does ("CML PR for <sha8>"): shown, never decisive. */
  viaCmlPr: boolean;
}

/** The answer for one page view. `dvc: false`: the repository has no DVC project (no rows). */
export type RowsResult = { dvc: true; rows: ExperimentRow[]; fetched: FetchStats } | { dvc: false; rows: [] };

/**
 * What answering took beyond the cache: GraphQL waves (0 when warm), raw reads of blobs GitHub cut
 * at 512,000 bytes, objects read from DVC remotes (not GitHub requests; 0 when warm); and part 2's
 * requests (`PartTwoRequests`).
 */
export interface FetchStats extends PartTwoRequests {
  waves: number;
  rawReads: number;
  remoteReads: number;
}

/** Part 2's requests of one page view. */
export interface PartTwoRequests {
  /** GraphQL requests for CI, comments and PRs (0 when a files wave carried them). */
  live: number;
  /** REST requests of the fine-grained fallback (counted apart). */
  fallback: number;
  /** GraphQL tree reads for results commits (first view only). */
  trees: number;
}
