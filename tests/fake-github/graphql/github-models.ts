import type { Comment, PullRequest, Repository, Store, User } from '../store';
import { arrayConnection, type PageArgs } from './connection';
import { nameWithOwner, repoUrl, type Scope } from './context';
import { commitByOid, escapeHtml, findRef, objectModel, pullRequestCommits, refModel } from './git-models';
import { nodeId } from './ids';

/** GitHub-only data (repositories, users, pull requests, comments) as GraphQL models. */

export function userModel(store: Store, user: User) {
  return {
    __typename: user.type,
    id: nodeId('U', user.login),
    login: user.login,
    databaseId: user.databaseId,
    name: user.name,
    email: user.email,
    avatarUrl: `https://avatars.githubusercontent.com/u/${user.databaseId}?v=4`,
    url: `${store.webBase}/${user.login}`,
    resourcePath: `/${user.login}`,
    createdAt: '2020-01-01T00:00:00Z',
  };
}

export function userByEmail(store: Store, email: string) {
  const user = store.userByEmail(email);
  return user ? userModel(store, user) : null;
}

function actorByLogin(store: Store, login: string) {
  const user = store.user(login);
  return user ? userModel(store, user) : null;
}

export function repositoryModel(store: Store, repo: Repository) {
  const scope: Scope = { store, repo };
  const owner = store.user(repo.owner);
  return {
    __typename: 'Repository',
    id: nodeId('R', nameWithOwner(repo)),
    databaseId: repo.databaseId,
    name: repo.name,
    nameWithOwner: nameWithOwner(repo),
    owner: owner ? userModel(store, owner) : null,
    url: repoUrl(scope),
    resourcePath: `/${nameWithOwner(repo)}`,
    isPrivate: repo.isPrivate,
    visibility: repo.isPrivate ? 'PRIVATE' : 'PUBLIC',
    createdAt: '2020-01-01T00:00:00Z',
    defaultBranchRef: () => findRef(scope, `refs/heads/${repo.defaultBranch}`),
    ref: ({ qualifiedName }: { qualifiedName: string }) => findRef(scope, qualifiedName),
    refs: async (args: PageArgs & { refPrefix: string }) => {
      const refs = await repo.git.refs(args.refPrefix);
      return arrayConnection(
        refs.map((r) => refModel(scope, r.name, r.oid)),
        args,
      );
    },
    object: async ({ oid, expression }: { oid?: string | null; expression?: string | null }) => {
      if (oid) return objectModel(scope, /^[0-9a-f]{40}$/.test(oid) ? await repo.git.readObject(oid) : null);
      if (expression == null) return null;
      const colon = expression.indexOf(':');
      return objectModel(scope, await repo.git.readExpression(expression), colon < 0 ? '' : expression.slice(colon + 1));
    },
    pullRequest: ({ number }: { number: number }) => {
      const pr = repo.pullRequests.find((p) => p.number === number);
      return pr ? pullRequestModel(scope, pr) : null;
    },
    pullRequests: (args: PageArgs & { states?: string[] | null; headRefName?: string | null; baseRefName?: string | null }) =>
      arrayConnection(
        repo.pullRequests
          .filter(
            (p) =>
              (!args.states || args.states.includes(p.state)) &&
              (!args.headRefName || p.headRefName === args.headRefName) &&
              (!args.baseRefName || p.baseRefName === args.baseRefName),
          )
          .map((p) => pullRequestModel(scope, p)),
        args,
      ),
    commitComments: (args: PageArgs) =>
      arrayConnection(
        repo.commitComments.map((c) => commitCommentModel(scope, c)),
        args,
      ),
  };
}

function commentFields(scope: Scope, c: Comment, url: string) {
  return {
    databaseId: c.databaseId,
    body: c.body,
    bodyText: c.body,
    bodyHTML: `<p>${escapeHtml(c.body)}</p>`,
    url,
    author: () => actorByLogin(scope.store, c.author),
    authorAssociation: c.author === scope.repo.owner ? 'OWNER' : 'NONE',
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    publishedAt: c.createdAt,
    lastEditedAt: c.updatedAt === c.createdAt ? null : c.updatedAt,
    createdViaEmail: false,
    includesCreatedEdit: false,
    isMinimized: false,
    minimizedReason: null,
  };
}

export function commitCommentModel(scope: Scope, c: Comment) {
  return {
    __typename: 'CommitComment',
    id: nodeId('CC', `${nameWithOwner(scope.repo)}:${c.databaseId}`),
    ...commentFields(scope, c, `${repoUrl(scope)}/commit/${c.commitOid}#commitcomment-${c.databaseId}`),
    path: c.path ?? null,
    position: c.line ?? null,
    commit: () => (c.commitOid ? commitByOid(scope, c.commitOid) : null),
  };
}

export function pullRequestModel(scope: Scope, pr: PullRequest) {
  const url = `${repoUrl(scope)}/pull/${pr.number}`;
  const { git } = scope.repo;
  return {
    __typename: 'PullRequest',
    id: nodeId('PR', `${nameWithOwner(scope.repo)}#${pr.number}`),
    databaseId: pr.databaseId,
    number: pr.number,
    title: pr.title,
    body: pr.body,
    url,
    permalink: url,
    resourcePath: `/${nameWithOwner(scope.repo)}/pull/${pr.number}`,
    state: pr.state,
    isDraft: pr.isDraft,
    merged: pr.state === 'MERGED',
    closed: pr.state !== 'OPEN',
    createdAt: pr.createdAt,
    author: () => actorByLogin(scope.store, pr.author),
    headRefName: pr.headRefName,
    baseRefName: pr.baseRefName,
    headRefOid: async () => (await git.readRef(`refs/heads/${pr.headRefName}`)) ?? pr.headRefOid,
    headRef: () => findRef(scope, `refs/heads/${pr.headRefName}`),
    baseRef: () => findRef(scope, `refs/heads/${pr.baseRefName}`),
    mergeCommit: null,
    repository: () => repositoryModel(scope.store, scope.repo),
    commits: async (args: PageArgs) =>
      arrayConnection(
        (await pullRequestCommits(scope, pr)).map((oid) => ({
          __typename: 'PullRequestCommit',
          id: nodeId('PRC', `${nameWithOwner(scope.repo)}#${pr.number}:${oid}`),
          url: `${url}/commits/${oid}`,
          resourcePath: `/${nameWithOwner(scope.repo)}/pull/${pr.number}/commits/${oid}`,
          commit: () => commitByOid(scope, oid),
        })),
        args,
      ),
    comments: (args: PageArgs) =>
      arrayConnection(
        pr.comments.map((c) => ({
          __typename: 'IssueComment',
          id: nodeId('IC', `${nameWithOwner(scope.repo)}:${c.databaseId}`),
          ...commentFields(scope, c, `${url}#issuecomment-${c.databaseId}`),
        })),
        args,
      ),
  };
}
