import { loadVendored } from '../openapi/vendored.ts';
import type { ServedOperation } from '../openapi/served.ts';
import type { Handler } from '../server.ts';
import type { Store } from '../store.ts';
import { restHandler } from './pipeline.ts';
import type { Route } from './route.ts';
import { createCheckRun, getCombinedStatus, listCheckRuns, listStatuses, listWorkflowRuns, updateCheckRun } from './routes/checks.ts';
import { createCommitComment, listCommitComments, listCommits, listPullsForCommit } from './routes/commits.ts';
import { getContent } from './routes/contents.ts';
import { createRef, getRef, getTree, updateRef } from './routes/git.ts';
import { createIssueComment, createPull, getPull, listIssueComments, listPulls, updateIssueComment } from './routes/pulls.ts';
import { getAuthenticatedUser, getRepository, getRateLimit } from './routes/user.ts';

/**
 * The router's table: what the REST side actually dispatches on. Its type makes a served
 * operation without a route (or a route outside SERVED_OPERATIONS) a compile error; the route
 * tests count validated operations against this table, not against the list the vendored
 * schemas were cut from.
 */
export const REST_ROUTES: Record<ServedOperation, Route> = {
  'GET /user': getAuthenticatedUser,
  'GET /rate_limit': getRateLimit,
  'GET /repos/{owner}/{repo}': getRepository,
  'GET /repos/{owner}/{repo}/git/ref/{ref}': getRef,
  'POST /repos/{owner}/{repo}/git/refs': createRef,
  'PATCH /repos/{owner}/{repo}/git/refs/{ref}': updateRef,
  'GET /repos/{owner}/{repo}/git/trees/{tree_sha}': getTree,
  'GET /repos/{owner}/{repo}/contents/{path}': getContent,
  'GET /repos/{owner}/{repo}/commits': listCommits,
  'GET /repos/{owner}/{repo}/commits/{commit_sha}/comments': listCommitComments,
  'POST /repos/{owner}/{repo}/commits/{commit_sha}/comments': createCommitComment,
  'GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls': listPullsForCommit,
  'GET /repos/{owner}/{repo}/issues/{issue_number}/comments': listIssueComments,
  'POST /repos/{owner}/{repo}/issues/{issue_number}/comments': createIssueComment,
  'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}': updateIssueComment,
  'GET /repos/{owner}/{repo}/pulls': listPulls,
  'POST /repos/{owner}/{repo}/pulls': createPull,
  'GET /repos/{owner}/{repo}/pulls/{pull_number}': getPull,
  'GET /repos/{owner}/{repo}/commits/{ref}/check-runs': listCheckRuns,
  'POST /repos/{owner}/{repo}/check-runs': createCheckRun,
  'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}': updateCheckRun,
  'GET /repos/{owner}/{repo}/commits/{ref}/status': getCombinedStatus,
  'GET /repos/{owner}/{repo}/commits/{ref}/statuses': listStatuses,
  'GET /repos/{owner}/{repo}/actions/runs': listWorkflowRuns,
};

/** The fake's REST API over `store` (and the store's tokens); add `handler` to the server. */
export function createRestApi(options: { store: Store; apiBase?: string }): Handler {
  const docs = Object.fromEntries(Object.entries(loadVendored().operations).map(([op, spec]) => [op, spec.docsUrl]));
  return restHandler({ ...options, routes: REST_ROUTES, docs });
}
