import { dataVersions } from '../../../lib/experiments/form/data-versions';
import { readFormModel } from '../../../lib/experiments/form/project-at-commit';
import type { RepoRef } from '../../../lib/experiments/types';
import { recentCommits } from '../../../lib/github/write/recent-commits';
import type { BranchHeadReply, DataVersionsReply, FormModelReply, Request } from '../../../lib/messages';
import type { BackgroundContext } from '../context';
import { readClient } from '../read-client';

const say = (error: unknown) => ({ ok: false as const, message: error instanceof Error ? error.message : String(error) });

/** `form-model`: the project at the commit the Run form starts from, read with the stored token. */
export async function formModel(request: { repo: RepoRef; sha: string }, context: BackgroundContext): Promise<FormModelReply> {
  try {
    return { ok: true, model: await readFormModel(await readClient(context), request.repo, request.sha) };
  } catch (error) {
    return say(error);
  }
}

/** `branch-head`: where a branch points now, fresh from GitHub. */
export async function branchHead(request: { repo: RepoRef; branch: string }, context: BackgroundContext): Promise<BranchHeadReply> {
  try {
    const recent = await recentCommits(await readClient(context), request.repo, request.branch, 1);
    return { ok: true, head: recent?.head ?? null };
  } catch (error) {
    return say(error);
  }
}

/** `data-versions`: the other contents a DVC-tracked input had in the project's history. */
export async function dataVersionsHandler(request: Request<'data-versions'>, context: BackgroundContext): Promise<DataVersionsReply> {
  try {
    return { ok: true, versions: await dataVersions(await readClient(context), request.repo, request.sha, request.input) };
  } catch (error) {
    return say(error);
  }
}
