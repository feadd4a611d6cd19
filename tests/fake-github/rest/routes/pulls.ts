import type { PullRequest } from '../../store';
import { notFound, validationFailed } from '../errors';
import { paginate } from '../paginate';
import { created, ok, type Route, type RouteInput } from '../route';
import { issueComment } from '../shapes/comments';
import { pullRequest, pullRequestSimple } from '../shapes/pulls';
import { prTips } from './commits';

const STATE: Record<string, (pr: PullRequest) => boolean> = {
  open: (pr) => pr.state === 'OPEN',
  closed: (pr) => pr.state !== 'OPEN',
  all: () => true,
};

/** `head` is `branch` or `owner:branch`; only same-repository heads exist in the fake. */
function headBranch(input: RouteInput, head: string): string | null {
  const colon = head.indexOf(':');
  if (colon < 0) return head;
  return head.slice(0, colon).toLowerCase() === input.repo.owner.toLowerCase() ? head.slice(colon + 1) : null;
}

function pullOf(input: RouteInput, number: string | undefined): PullRequest {
  const pr = input.repo.pullRequests.find((p) => String(p.number) === number);
  if (!pr) throw notFound();
  return pr;
}

export const listPulls: Route = async (input) => {
  const state = STATE[input.query.get('state') ?? 'open'] ?? STATE.open!;
  const head = input.query.get('head');
  const branch = head === null ? undefined : headBranch(input, head);
  const base = input.query.get('base');
  const prs = input.repo.pullRequests
    .filter((pr) => state(pr) && (branch === undefined || pr.headRefName === branch) && (base === null || pr.baseRefName === base))
    .sort((a, b) => (input.query.get('direction') === 'asc' ? a.number - b.number : b.number - a.number));
  const shaped = await Promise.all(prs.map(async (pr) => pullRequestSimple(input.links, input.repo, pr, await prTips(input.repo, pr))));
  return paginate(input, shaped);
};

export const getPull: Route = async (input) => {
  const pr = pullOf(input, input.params.pull_number);
  const tips = await prTips(input.repo, pr);
  const commits = await input.repo.git.count({ from: `${tips.base}..${tips.head}` });
  return ok(pullRequest(input.links, input.repo, pr, tips, { commits }));
};

/**
 * Opens a PR from a branch of the same repository. GitHub's 422s: an unknown head or base
 * (`invalid`), no commits between them, and an open PR that already has this head and base
 * ("A pull request already exists for owner:branch.").
 */
export const createPull: Route = async (input) => {
  const { title, head, base, body, draft } = input.body;
  const git = input.repo.git;
  if (typeof title !== 'string' || title === '') throw validationFailed({ resource: 'PullRequest', code: 'missing_field', field: 'title' });
  const branch = typeof head === 'string' ? headBranch(input, head) : null;
  const headTip = branch ? await git.readRef(`refs/heads/${branch}`) : null;
  if (!branch || !headTip) throw validationFailed({ resource: 'PullRequest', code: 'invalid', field: 'head' });
  const baseTip = typeof base === 'string' ? await git.readRef(`refs/heads/${base}`) : null;
  if (typeof base !== 'string' || !baseTip) throw validationFailed({ resource: 'PullRequest', code: 'invalid', field: 'base' });
  if (input.repo.pullRequests.some((pr) => pr.state === 'OPEN' && pr.headRefName === branch && pr.baseRefName === base)) {
    throw validationFailed({ resource: 'PullRequest', code: 'custom', message: `A pull request already exists for ${input.repo.owner}:${branch}.` });
  }
  if (await git.isAncestor(headTip, baseTip)) {
    throw validationFailed({ resource: 'PullRequest', code: 'custom', message: `No commits between ${base} and ${branch}` });
  }
  const pr = input.store.addPullRequest(input.repo, {
    title,
    headRefName: branch,
    baseRefName: base,
    headRefOid: headTip,
    body: typeof body === 'string' ? body : '',
    isDraft: draft === true,
    author: input.user!.login,
  });
  const tips = { head: headTip, base: baseTip };
  const json = pullRequest(input.links, input.repo, pr, tips, { commits: await git.count({ from: `${baseTip}..${headTip}` }) });
  return created(json, String(json.url));
};

export const listIssueComments: Route = (input) => {
  const pr = pullOf(input, input.params.issue_number);
  return paginate(
    input,
    pr.comments.map((c) => issueComment(input.links, input.repo, pr.number, c)),
  );
};

export const createIssueComment: Route = (input) => {
  const pr = pullOf(input, input.params.issue_number);
  const { body } = input.body;
  if (typeof body !== 'string' || body === '') throw validationFailed({ resource: 'IssueComment', code: 'missing_field', field: 'body' });
  const comment = input.store.addPullRequestComment(pr, { body, author: input.user!.login });
  const json = issueComment(input.links, input.repo, pr.number, comment);
  return created(json, String(json.url));
};

/** Only the comment's author or someone with write access may edit it; others get 404 (see access.ts). */
export const updateIssueComment: Route = (input) => {
  const id = Number(input.params.comment_id);
  const pr = input.repo.pullRequests.find((p) => p.comments.some((c) => c.databaseId === id));
  const comment = pr?.comments.find((c) => c.databaseId === id);
  if (!pr || !comment) throw notFound();
  const role = input.store.roleOf(input.repo, input.user?.login ?? null);
  if (comment.author !== input.user?.login && role !== 'write' && role !== 'admin') throw notFound();
  const { body } = input.body;
  if (typeof body !== 'string' || body === '') throw validationFailed({ resource: 'IssueComment', code: 'missing_field', field: 'body' });
  comment.body = body;
  comment.updatedAt = new Date().toISOString();
  return ok(issueComment(input.links, input.repo, pr.number, comment));
};
