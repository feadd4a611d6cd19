import type { Ctx, Scope } from './context';
import { GitHubError } from './errors';
import { commitByOid, findRef } from './git-models';
import { pullRequestModel, repositoryModel, userModel } from './github-models';
import { parseNodeId } from './ids';
import { repositoryByNameWithOwner } from './access';
import { createCommitOnBranch, createRef } from './mutations';

/** Query and Mutation fields the fake resolves; anything else resolves to null (or fails if non-null). */
export const rootValue = {
  repository: ({ owner, name }: { owner: string; name: string }, ctx: Ctx) => repositoryModel(ctx.store, repositoryByNameWithOwner(ctx, `${owner}/${name}`)),
  viewer: (_: unknown, ctx: Ctx) => userModel(ctx.store, ctx.viewer),
  rateLimit: (_: unknown, ctx: Ctx) => ({
    cost: ctx.rate.cost,
    nodeCount: ctx.rate.nodeCount,
    limit: ctx.rate.bucket.limit,
    used: ctx.rate.bucket.used,
    remaining: ctx.rate.bucket.limit - ctx.rate.bucket.used,
    resetAt: new Date(ctx.rate.bucket.reset * 1000).toISOString().replace('.000Z', 'Z'),
  }),
  node: ({ id }: { id: string }, ctx: Ctx) => node(id, ctx),
  nodes: ({ ids }: { ids: string[] }, ctx: Ctx) => ids.map((id) => node(id, ctx).catch(() => null)),
  createCommitOnBranch,
  createRef,
};

async function node(id: string, ctx: Ctx): Promise<object | null> {
  const parsed = parseNodeId(id);
  const missing = () => new GitHubError('NOT_FOUND', `Could not resolve to a node with the global id of '${id}'`);
  if (!parsed) throw missing();
  const [nwo, rest] = parsed.key.split(/[:#](.*)/s) as [string, string | undefined];
  if (parsed.kind === 'U') {
    const user = ctx.store.user(parsed.key);
    if (!user) throw missing();
    return userModel(ctx.store, user);
  }
  const repo = (() => {
    try {
      return repositoryByNameWithOwner(ctx, nwo);
    } catch {
      throw missing();
    }
  })();
  const scope: Scope = { store: ctx.store, repo };
  let found: object | null = null;
  if (parsed.kind === 'R') found = repositoryModel(ctx.store, repo);
  else if (parsed.kind === 'REF' && rest) found = await findRef(scope, rest);
  else if (parsed.kind === 'C' && rest) found = await commitByOid(scope, rest);
  else if (parsed.kind === 'PR' && rest) {
    const pr = repo.pullRequests.find((p) => p.number === Number(rest));
    found = pr ? pullRequestModel(scope, pr) : null;
  }
  if (!found) throw missing();
  return found;
}
