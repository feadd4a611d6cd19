import { cmlWatermark } from './cml-watermark';

/**
 * CML reports of the commits of a page, from the three places CML puts them
 * (dvc-studio-cml §4.1, github-api §1d): comments on the commit (CML's default before
 * v0.18.14, and `--target commit`), comments on the commit's pull request (the default since),
 * and check runs `cml check create` made (titled by `--title`, "CML Report" by default, the
 * report being the run's summary, which carries no watermark).
 */

export interface CmlReport {
  /** The comment's or the check run's page on GitHub. */
  url: string;
  /** Login of the comment's author (often `github-actions`); for a check run, null. */
  author: string | null;
  /** When the report was last written: `cml comment update` edits the comment in place. */
  time: string;
  /** `exact`: the comment sits on the commit or names it; `approximate`: the newest PR commit older than the comment. */
  tie: 'exact' | 'approximate';
  source: 'commit-comment' | 'pr-comment' | 'check-run';
}

/** The newest report wins; the others are listed, newest first. */
export interface CommitReports {
  report: CmlReport;
  others: CmlReport[];
}

export interface CommentLike {
  url: string;
  body: string;
  author: { login: string } | null;
  createdAt: string;
  updatedAt?: string | null;
}

export interface PullRequestLike {
  comments: CommentLike[];
  /** The PR's commits with their commit dates (oldest first, as GitHub lists them). */
  commits: { oid: string; committedDate: string }[];
}

export interface CheckRunLike {
  name: string;
  url: string;
  startedAt?: string | null;
  completedAt?: string | null;
}

/** `cml check create`'s default `--title` (iterative/cml `src/drivers/github.js`, CHECK_TITLE). */
export const CML_CHECK_TITLE = 'CML Report';

export interface ReportSources {
  /** The page's commits: reports are returned for these only. */
  shas: string[];
  commitComments: ReadonlyMap<string, CommentLike[]>;
  pullRequests: PullRequestLike[];
  checkRuns: ReadonlyMap<string, CheckRunLike[]>;
  /** Titles `cml check create` was given in this repository's workflows. */
  checkTitles?: string[];
}

/** Each page commit that has reports → the newest and the rest. */
export function reportsForCommits(sources: ReportSources): Map<string, CommitReports> {
  const found = new Map<string, CmlReport[]>();
  const add = (sha: string, report: CmlReport) => found.set(sha, [...(found.get(sha) ?? []), report]);
  const titles = new Set(sources.checkTitles ?? [CML_CHECK_TITLE]);
  for (const sha of sources.shas) {
    for (const c of sources.commitComments.get(sha) ?? []) {
      if (cmlWatermark(c.body)) add(sha, commentReport(c, 'commit-comment', 'exact'));
    }
    for (const run of sources.checkRuns.get(sha) ?? []) {
      if (titles.has(run.name)) add(sha, { url: run.url, author: null, time: run.completedAt ?? run.startedAt ?? '', tie: 'exact', source: 'check-run' });
    }
  }
  const seen = new Set<string>();
  for (const pr of sources.pullRequests) {
    for (const c of pr.comments) {
      if (seen.has(c.url)) continue;
      seen.add(c.url);
      const target = prCommentCommit(c, pr.commits, sources.shas);
      if (target) add(target.sha, commentReport(c, 'pr-comment', target.tie));
    }
  }
  const out = new Map<string, CommitReports>();
  for (const sha of sources.shas) {
    const reports = found.get(sha);
    if (!reports) continue;
    const [report, ...others] = newestFirst(reports);
    out.set(sha, { report: report!, others });
  }
  return out;
}

/**
 * The commit a pull-request comment reports on: the one its watermark's `#<sha>` names (full or
 * abbreviated), else the `<sha7>` first line of old `cml send-comment --pr`, else (approximate)
 * the newest PR commit committed before the comment was posted. Undefined for a comment that
 * is no report, or that names no commit we can see.
 */
export function prCommentCommit(
  comment: CommentLike,
  prCommits: { oid: string; committedDate: string }[],
  known: string[] = [],
): { sha: string; tie: 'exact' | 'approximate' } | undefined {
  const mark = cmlWatermark(comment.body);
  if (!mark) return undefined;
  const named = mark.sha ?? mark.sha7Line;
  if (named) {
    const sha = [...known, ...prCommits.map((c) => c.oid)].find((oid) => oid.startsWith(named));
    return sha ? { sha, tie: 'exact' } : undefined;
  }
  const posted = Date.parse(comment.createdAt);
  const before = prCommits.filter((c) => Date.parse(c.committedDate) <= posted);
  const newest = before.reduce<(typeof before)[number] | undefined>(
    (a, c) => (!a || Date.parse(c.committedDate) >= Date.parse(a.committedDate) ? c : a),
    undefined,
  );
  return newest ? { sha: newest.oid, tie: 'approximate' } : undefined;
}

function commentReport(c: CommentLike, source: CmlReport['source'], tie: CmlReport['tie']): CmlReport {
  return { url: c.url, author: c.author?.login ?? null, time: c.updatedAt ?? c.createdAt, tie, source };
}

function newestFirst(reports: CmlReport[]): CmlReport[] {
  return [...reports].sort((a, b) => Date.parse(b.time) - Date.parse(a.time));
}
