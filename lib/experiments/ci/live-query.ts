import { ciFromFallback, ciFromRollup, type CiStatus, type RollupContext, type StatusLike, type WorkflowRunLike } from './ci-status';
import { reportsForCommits, type CheckRunLike, type CommentLike, type CommitReports, type PullRequestLike } from './cml-reports';

/**
 * What changes at a commit without its SHA changing — CI, comments, pull requests — as GraphQL
 * selections that ride in the page's own batched query (no request of their own), and how their
 * answers become each commit's CI status and CML reports.
 */

/** Checks per commit: a workflow's jobs each count, so generous, still one connection. */
const CONTEXTS = 50;
/** CML's reports are among a commit's last comments (`cml comment update` keeps editing one). */
const COMMENTS = 20;
const PR_COMMENTS = 50;
const PR_COMMITS = 100;

const COMMENT_FIELDS = 'url body createdAt updatedAt author { login }';

/**
 * Selected on every `Commit` of the page. `status` is the commit statuses alone, which a
 * fine-grained token can read when `statusCheckRollup.contexts` is forbidden to it. `url` and
 * `message` do not change, but are few bytes and needed with the rest (`[skip studio]`, links).
 */
export const LIVE_COMMIT_FIELDS = `
  url message
  statusCheckRollup { contexts(first: ${CONTEXTS}) { nodes { __typename
    ... on CheckRun { name status conclusion detailsUrl url startedAt completedAt }
    ... on StatusContext { context state targetUrl } } } }
  status { contexts { context state targetUrl } }
  comments(last: ${COMMENTS}) { nodes { ${COMMENT_FIELDS} } }`;

/** Selected on each `PullRequest` the page's reports may sit on. */
export const LIVE_PULL_REQUEST_FIELDS = `number url headRefName
  comments(last: ${PR_COMMENTS}) { nodes { ${COMMENT_FIELDS} } }
  commits(last: ${PR_COMMITS}) { nodes { commit { oid committedDate } } }`;

/**
 * The pull requests a page's reports sit on, inside `repository { … }`: a PR's commits page is
 * that PR; a branch's page, the PRs whose head is that branch (GitHub's `Ref.associatedPullRequests`).
 */
export function livePullRequestsSelection(list: { ref: string } | { pr: number }): string {
  if ('pr' in list) return `livePr: pullRequest(number: ${Math.trunc(list.pr)}) { ${LIVE_PULL_REQUEST_FIELDS} }`;
  return `liveRef: ref(qualifiedName: ${JSON.stringify(list.ref)}) { associatedPullRequests(last: 5) { nodes { ${LIVE_PULL_REQUEST_FIELDS} } } }`;
}

export interface LiveCommitNode {
  oid: string;
  url: string;
  message: string;
  statusCheckRollup: { contexts: { nodes: (RollupContext & { startedAt?: string | null; completedAt?: string | null })[] } } | null;
  status: { contexts: StatusLike[] } | null;
  comments: { nodes: CommentLike[] };
}

export interface LivePullRequestNode {
  number: number;
  url: string;
  headRefName: string;
  comments: { nodes: CommentLike[] };
  commits: { nodes: { commit: { oid: string; committedDate: string } }[] };
}

/** The pull requests of a `livePullRequestsSelection` answer (inside `repository`). */
export function livePullRequests(repository: {
  livePr?: LivePullRequestNode | null;
  liveRef?: { associatedPullRequests: { nodes: LivePullRequestNode[] } } | null;
}): LivePullRequestNode[] {
  return repository.livePr ? [repository.livePr] : (repository.liveRef?.associatedPullRequests.nodes ?? []);
}

/** A GraphQL error as the client hands over the tolerated ones. */
export interface ProblemLike {
  type?: string;
  path?: readonly (string | number)[];
}

/**
 * Fine-grained tokens get `FORBIDDEN` on `statusCheckRollup.contexts` (the rollup turns null,
 * the rest answers): tolerate exactly that, so the client hands the partial answer back.
 */
export function isForbiddenRollup(problem: ProblemLike): boolean {
  return problem.type === 'FORBIDDEN' && (problem.path ?? []).includes('statusCheckRollup');
}

export interface LiveData {
  ci: CiStatus;
  reports?: CommitReports;
  url: string;
  message: string;
}

export interface LiveInput {
  commits: LiveCommitNode[];
  pullRequests: LivePullRequestNode[];
  /** Tolerated errors of the answer: a forbidden rollup switches to the fallback. */
  problems: ProblemLike[];
  /** The fallback's workflow runs (one REST request a page); required when the rollup was forbidden. */
  workflowRuns?: WorkflowRunLike[];
  checkTitles?: string[];
}

/** Each commit's CI status and CML reports. */
export function liveOfPage(input: LiveInput): Map<string, LiveData> {
  const forbidden = input.problems.some(isForbiddenRollup);
  const reports = reportsForCommits({
    shas: input.commits.map((c) => c.oid),
    commitComments: new Map(input.commits.map((c) => [c.oid, c.comments.nodes])),
    pullRequests: input.pullRequests.map((pr): PullRequestLike => ({ comments: pr.comments.nodes, commits: pr.commits.nodes.map((n) => n.commit) })),
    checkRuns: new Map(input.commits.map((c) => [c.oid, checkRunsOf(c)])),
    ...(input.checkTitles ? { checkTitles: input.checkTitles } : {}),
  });
  const out = new Map<string, LiveData>();
  for (const c of input.commits) {
    const ci = forbidden
      ? ciFromFallback(c.oid, input.workflowRuns ?? [], c.status?.contexts ?? [])
      : ciFromRollup(c.statusCheckRollup?.contexts.nodes ?? null);
    const r = reports.get(c.oid);
    out.set(c.oid, { ci, url: c.url, message: c.message, ...(r ? { reports: r } : {}) });
  }
  return out;
}

function checkRunsOf(c: LiveCommitNode): CheckRunLike[] {
  return (c.statusCheckRollup?.contexts.nodes ?? []).flatMap((n) => (n.__typename === 'CheckRun' ? [n] : []));
}
