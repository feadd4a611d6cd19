import { ChangeError } from '../git/repo';
import type { Repository } from '../store';
import type { Ctx, Scope } from './context';
import { repositoryByNameWithOwner, repositoryByNodeId } from './access';
import { GitHubError } from './errors';
import { commitModel, refModel } from './git-models';
import { parseNodeId } from './ids';

interface CreateCommitOnBranchInput {
  clientMutationId?: string | null;
  branch: { id?: string | null; repositoryNameWithOwner?: string | null; branchName?: string | null };
  expectedHeadOid: string;
  message: { headline: string; body?: string | null };
  fileChanges?: { additions?: { path: string; contents: string }[] | null; deletions?: { path: string }[] | null } | null;
}

/** The committer GitHub records on commits it makes for a user (web edits, this mutation). */
const WEB_FLOW = { name: 'GitHub', email: 'noreply@github.com' };

/**
 * `createCommitOnBranch`: every file change in ONE commit on top of `expectedHeadOid`, then a
 * compare-and-swap of the branch. A stale head answers GitHub's STALE_DATA and moves nothing.
 */
export async function createCommitOnBranch({ input }: { input: CreateCommitOnBranchInput }, ctx: Ctx) {
  let repo: Repository;
  let branch: string;
  if (input.branch.id) {
    const parsed = parseNodeId(input.branch.id);
    const [nwo, qualified] = parsed?.kind === 'REF' ? parsed.key.split(':') : [];
    if (!nwo || !qualified) throw new GitHubError('NOT_FOUND', `Could not resolve to a node with the global id of '${input.branch.id}'`);
    repo = repositoryByNameWithOwner(ctx, nwo, 'write');
    branch = qualified.replace(/^refs\/heads\//, '');
  } else {
    if (!input.branch.repositoryNameWithOwner || !input.branch.branchName) {
      // Wording not captured from GitHub (a best guess); the type is what clients branch on.
      throw new GitHubError('UNPROCESSABLE', 'Either branch id or repositoryNameWithOwner and branchName must be provided');
    }
    repo = repositoryByNameWithOwner(ctx, input.branch.repositoryNameWithOwner, 'write');
    branch = input.branch.branchName.replace(/^refs\/heads\//, '');
  }
  const ref = `refs/heads/${branch}`;
  const scope: Scope = { store: ctx.store, repo };
  const stale = () => new GitHubError('STALE_DATA', `Expected branch to point to "${input.expectedHeadOid}" but it did not.  Pull and try again.`);
  const head = await repo.git.readRef(ref);
  // Wording not captured from GitHub; the type is what clients branch on.
  if (!head) throw new GitHubError('NOT_FOUND', `Could not resolve to a Ref with the name '${ref}'.`);
  if (head !== input.expectedHeadOid) throw stale();

  const message = input.message.body ? `${input.message.headline}\n\n${input.message.body}` : input.message.headline;
  let oid: string;
  try {
    oid = await repo.git.commitChanges({
      parent: head,
      changes: {
        additions: (input.fileChanges?.additions ?? []).map((a) => ({ path: a.path, contents: Buffer.from(a.contents, 'base64') })),
        deletions: (input.fileChanges?.deletions ?? []).map((d) => d.path),
      },
      message,
      author: { name: ctx.viewer.name, email: ctx.viewer.email },
      committer: WEB_FLOW,
    });
  } catch (error) {
    if (error instanceof ChangeError && error.reason === 'missing-path') {
      // GitHub's sentence, captured in live runs (reference/github-wordings.md C4); its `type` was not captured.
      throw new GitHubError('UNPROCESSABLE', `A path was requested for deletion which does not exist as of commit oid \`${head}\``);
    }
    // Duplicate paths: GitHub refuses them (schema docs), but the wording (ChangeError's) is NOT captured from GitHub.
    if (error instanceof ChangeError) throw new GitHubError('UNPROCESSABLE', error.message);
    throw error;
  }
  if (ctx.fault?.action.kind === 'concurrent-push') {
    const pushed = await concurrentPush(repo, ref, head);
    if (ctx.fault.action.answer === 'ref-is-at') {
      // Seen in live runs for a real race; no `type` was reported with it (reference/github-wordings.md D1).
      throw new GitHubError(undefined, `Ref ${ref} is at ${pushed} but expected ${head}`);
    }
  }
  if (!(await repo.git.updateRef(ref, oid, head))) throw stale();
  repo.webCommits.add(oid);
  const commit = (await repo.git.readCommit(oid))!;
  return { clientMutationId: input.clientMutationId ?? null, commit: commitModel(scope, commit), ref: refModel(scope, ref, oid) };
}

/** Someone else's commit (the same tree, a new oid) pushed onto `ref` from `head`: the push a write races with. */
async function concurrentPush(repo: Repository, ref: string, head: string): Promise<string> {
  const someone = { name: 'Concurrent Pusher', email: 'pusher@example.com' };
  const oid = await repo.git.commitChanges({
    parent: head,
    changes: { additions: [], deletions: [] },
    message: 'A concurrent push\n',
    author: someone,
    committer: someone,
  });
  if (!(await repo.git.updateRef(ref, oid, head))) throw new Error(`${ref} moved before the concurrent push`);
  return oid;
}

/** `createRef`: a new ref at an existing object; an existing name is refused, never moved. */
export async function createRef({ input }: { input: { repositoryId: string; name: string; oid: string; clientMutationId?: string | null } }, ctx: Ctx) {
  const repo = repositoryByNodeId(ctx, input.repositoryId, 'write');
  const scope: Scope = { store: ctx.store, repo };
  // The three UNPROCESSABLE wordings below are NOT captured from GitHub (best guesses); the type is.
  if (!/^refs\/[^/]+\/.+/.test(input.name) || !(await validRefName(repo, input.name))) {
    throw new GitHubError('UNPROCESSABLE', `Reference name '${input.name}' is not a valid fully qualified reference name (ie: refs/heads/my_new_branch)`);
  }
  if (!(await repo.git.readObject(input.oid))) throw new GitHubError('UNPROCESSABLE', `Object ${input.oid} does not exist`);
  if (!(await repo.git.updateRef(input.name, input.oid, null))) {
    throw new GitHubError('UNPROCESSABLE', `A ref named "${input.name}" already exists in the repository.`);
  }
  return { clientMutationId: input.clientMutationId ?? null, ref: refModel(scope, input.name, input.oid) };
}

async function validRefName(repo: Repository, name: string): Promise<boolean> {
  try {
    await repo.git.run(['check-ref-format', name]);
    return true;
  } catch {
    return false;
  }
}
