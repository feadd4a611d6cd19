import { dataVersions } from '../../../lib/experiments/form/data-versions';
import { readFormModel } from '../../../lib/experiments/form/project-at-commit';
import type { RepoRef } from '../../../lib/experiments/types';
import { recentCommits } from '../../../lib/github/write/recent-commits';
import type { BranchHeadReply, DataVersionsReply, FormModelReply, Request } from '../../../lib/messages';
import type { BackgroundContext } from '../context';

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

/** `data-versions`: the other contents a DVC-tracked input had in the project's history. */
export async function dataVersionsHandler(request: Request<'data-versions'>, context: BackgroundContext): Promise<DataVersionsReply> {
  try {
    return { ok: true, versions: await context.github.call((client) => dataVersions(client, request.repo, request.sha, request.input), name(request.repo)) };
  } catch (error) {
    return say(error);
  }
}
