import { loadVendored } from '../openapi/vendored';
import type { ServedOperation } from '../openapi/served';
import type { Handler } from '../server';
import type { Store } from '../store';
import { restHandler } from './pipeline';
import type { Route } from './route';
import { createCheckRun, getCombinedStatus, listCheckRuns, listStatuses, listWorkflowRuns, updateCheckRun } from './routes/checks';
import { createCommitComment, listCommitComments, listCommits, listPullsForCommit } from './routes/commits';
import { getContent } from './routes/contents';
import { createRef, getRef, getTree, updateRef } from './routes/git';
import { createIssueComment, createPull, getPull, listIssueComments, listPulls, updateIssueComment } from './routes/pulls';
import { getAuthenticatedUser, getRepository, getRateLimit } from './routes/user';

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
