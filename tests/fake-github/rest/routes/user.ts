import { callerBucket, rateLimitBody } from '../rate-limit';
import { ok, type Route } from '../route';
import { fullRepository } from '../shapes/repos';
import { simpleUser } from '../shapes/links';

/** `private-user`: the signed-in user as `GET /user` shows them. */
export const getAuthenticatedUser: Route = (input) => {
  const user = input.user!;
  return ok({
    ...simpleUser(input.links, user),
    user_view_type: 'private',
    name: user.name,
    company: null,
    blog: '',
    location: null,
    email: user.email,
    hireable: null,
    bio: null,
    twitter_username: null,
    public_repos: [...input.store.repositories.values()].filter((r) => r.owner === user.login && !r.isPrivate).length,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: '2020-01-01T00:00:00Z',
    updated_at: '2020-01-01T00:00:00Z',
    private_gists: 0,
    total_private_repos: [...input.store.repositories.values()].filter((r) => r.owner === user.login && r.isPrivate).length,
    owned_private_repos: [...input.store.repositories.values()].filter((r) => r.owner === user.login && r.isPrivate).length,
    disk_usage: 0,
    collaborators: 0,
    two_factor_authentication: false,
  });
};

/** `GET /rate_limit`, itself free: the caller's buckets, core also as the legacy `rate`. */
export const getRateLimit: Route = (input) => {
  const login = input.user?.login ?? null;
  const forwardedFor = input.req.headers.get('x-forwarded-for');
  const core = rateLimitBody(callerBucket(input.store, login, forwardedFor));
  const other = (resource: string, anonymousLimit: number) => rateLimitBody(callerBucket(input.store, login, forwardedFor, resource, anonymousLimit));
  return ok({ resources: { core, search: other('search', 10), graphql: other('graphql', 0) }, rate: core });
};

export const getRepository: Route = (input) => {
  const role = input.store.roleOf(input.repo, input.user?.login ?? null);
  const permissions = input.user
    ? { admin: role === 'admin', maintain: role === 'admin', push: role === 'admin' || role === 'write', triage: role !== null, pull: role !== null }
    : undefined;
  return ok(fullRepository(input.links, input.repo, permissions));
};
