import { dataVersions } from '../../../lib/experiments/form/data-versions';
import { readFormModel } from '../../../lib/experiments/form/project-at-commit';
import type { RepoRef } from '../../../lib/experiments/types';
import { rateLimitLeft } from '../../../lib/github/rate-limit';
import { commitHistory, pullRequestCommits, recentCommits } from '../../../lib/github/write/recent-commits';
import type { BranchCommitsReply, BranchHeadReply, RateLimitReply, DataVersionsReply, FormModelReply, Request } from '../../../lib/messages';
import type { BackgroundContext } from '../context';
import { signedOutMessage } from './experiments';

const name = (repo: RepoRef) => `${repo.owner}/${repo.name}`;
const say = (error: unknown) => ({ ok: false as const, message: error instanceof Error ? error.message : String(error) });

/** `form-model`: the project at the commit the Run form starts from, read as the signed-in account (refreshed, signed out as GitHub answers). */
export async function formModel(request: { repo: RepoRef; sha: string }, context: BackgroundContext): Promise<FormModelReply> {
  try {
    return { ok: true, model: await context.github.call((client) => readFormModel(client, request.repo, request.sha), name(request.repo)) };
  } catch (error) {
    return say(error);
  }
}

/** `branch-head`: where a branch points now, fresh from GitHub. */
export async function branchHead(request: { repo: RepoRef; branch: string }, context: BackgroundContext): Promise<BranchHeadReply> {
  try {
    const recent = await context.github.call((client) => recentCommits(client, request.repo, request.branch, 1), name(request.repo));
    return { ok: true, head: recent?.head ?? null };
  } catch (error) {
    return say(error);
  }
}

/** `branch-commits`: a branch's latest commits, a commit's history or a pull request's commits, newest first, fresh from GitHub. */
export async function branchCommits({ repo, from }: Request<'branch-commits'>, context: BackgroundContext): Promise<BranchCommitsReply> {
  const state = await context.accounts.get();
  if (state.status === 'signed-out') return { ok: false, message: signedOutMessage(state.reason) };
  try {
    const commits = await context.github.call(async (client) => {
      if ('branch' in from) return (await recentCommits(client, repo, from.branch, 10))?.commits ?? null;
      return 'sha' in from ? commitHistory(client, repo, from.sha, 10) : pullRequestCommits(client, repo, from.pr, 10);
    }, name(repo));
    return { ok: true, commits };
  } catch (error) {
    return say(error);
  }
}

/** `rate-limit`: what is left of the account's REST and GraphQL limits (one uncounted request). */
export async function rateLimit(_request: unknown, context: BackgroundContext): Promise<RateLimitReply> {
  try {
    return { ok: true, ...(await context.github.call((client) => rateLimitLeft(client))) };
  } catch (error) {
    return say(error);
  }
}

/** `data-versions`: the other contents a DVC-tracked input had in the project's history. */
export async function dataVersionsHandler(request: Request<'data-versions'>, context: BackgroundContext): Promise<DataVersionsReply> {
  try {
    return { ok: true, versions: await context.github.call((client) => dataVersions(client, request.repo, request.sha, request.input), name(request.repo)) };
  } catch (error) {
    return say(error);
  }
}
