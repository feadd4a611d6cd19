import type { CommitObject } from '../../git/objects';
import type { PullRequest, Repository } from '../../store';
import { notFound, RestError, validationFailed } from '../errors';
import { linkHeader, paginate } from '../paginate';
import { created, pageParams, type Route, type RouteInput } from '../route';
import { commitComment } from '../shapes/comments';
import { commit } from '../shapes/git';
import { pullRequestSimple } from '../shapes/pulls';

/** The commit a `{commit_sha}`/`{ref}` parameter names, or GitHub's 422 for an unknown one. */
export async function commitOf(input: RouteInput, rev: string): Promise<string> {
  const oid = await input.repo.git.resolveCommit(rev);
  if (!oid) throw new RestError(422, `No commit found for SHA: ${rev}`);
  return oid;
}

async function readCommit(input: RouteInput, oid: string): Promise<CommitObject> {
  const c = await input.repo.git.readCommit(oid);
  if (!c) throw notFound();
  return c;
}

export const listCommits: Route = async (input) => {
  const git = input.repo.git;
  if ((await git.refs('refs/heads/')).length === 0) throw new RestError(409, 'Git Repository is empty.');
  const rev = input.query.get('sha') ?? input.repo.defaultBranch;
  const from = await git.resolveCommit(rev);
  if (!from) throw new RestError(404, `No commit found for SHA: ${rev}`);
  const { page, perPage } = pageParams(input.query);
  const filter = {
    from,
    path: input.query.get('path') ?? undefined,
    since: input.query.get('since') ?? undefined,
    until: input.query.get('until') ?? undefined,
  };
  const [oids, total] = await Promise.all([git.log({ ...filter, skip: (page - 1) * perPage, max: perPage }), git.count(filter)]);
  const commits = await Promise.all(oids.map((oid) => readCommit(input, oid)));
  const body = commits.map((c) => commit(input.links, input.repo, c, input.repo.commitComments.filter((m) => m.commitOid === c.oid).length));
  return { status: 200, json: body, headers: linkHeader(input, page, Math.max(1, Math.ceil(total / perPage))) };
};

export const listCommitComments: Route = async (input) => {
  const oid = await commitOf(input, input.params.commit_sha!);
  const comments = input.repo.commitComments.filter((c) => c.commitOid === oid);
  return paginate(
    input,
    comments.map((c) => commitComment(input.links, input.repo, c)),
  );
};

export const createCommitComment: Route = async (input) => {
  const oid = await commitOf(input, input.params.commit_sha!);
  const { body, path, line, position } = input.body;
  if (typeof body !== 'string' || body === '') throw validationFailed({ resource: 'CommitComment', code: 'missing_field', field: 'body' });
  const comment = input.store.addCommitComment(input.repo, {
    commitOid: oid,
    body,
    author: input.user!.login,
    ...(typeof path === 'string' ? { path } : {}),
    ...(typeof line === 'number' ? { line } : typeof position === 'number' ? { line: position } : {}),
  });
  const json = commitComment(input.links, input.repo, comment);
  return created(json, String(json.url));
};

/** The tips a PR's head and base stand at now (the recorded head once its branch is gone). */
export async function prTips(repo: Repository, pr: PullRequest): Promise<{ head: string; base: string }> {
  const head = (await repo.git.readRef(`refs/heads/${pr.headRefName}`)) ?? pr.headRefOid;
  const base = (await repo.git.readRef(`refs/heads/${pr.baseRefName}`)) ?? head;
  return { head, base };
}

/** PRs whose commits (base..head) include the commit, as `commits/{sha}/pulls` lists them (CML picks its comment target from these). */
export async function pullRequestsContaining(repo: Repository, oid: string): Promise<{ pr: PullRequest; tips: { head: string; base: string } }[]> {
  const found = [];
  for (const pr of repo.pullRequests) {
    const tips = await prTips(repo, pr);
    if ((await repo.git.isAncestor(oid, tips.head)) && !(await repo.git.isAncestor(oid, tips.base))) found.push({ pr, tips });
  }
  return found;
}

export const listPullsForCommit: Route = async (input) => {
  const oid = await commitOf(input, input.params.commit_sha!);
  const found = await pullRequestsContaining(input.repo, oid);
  return paginate(
    input,
    found.map(({ pr, tips }) => pullRequestSimple(input.links, input.repo, pr, tips)),
  );
};
