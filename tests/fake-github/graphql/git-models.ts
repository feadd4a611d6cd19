import { parseCommit, type CommitObject } from '../git/objects';
import type { RawObject } from '../git/cat-file';
import type { PathEntry } from '../git/repo';
import { arrayConnection, invalidCursor, type PageArgs } from './connection';
import { memo, nameWithOwner, repoUrl, type Ctx, type Scope } from './context';
import { nodeId, parseNodeId } from './ids';
import { checkRollup, commitStatusModel } from './check-models';
import { commitCommentModel, pullRequestModel, repositoryModel, userByEmail } from './github-models';

/**
 * Git objects as GitHub's GraphQL types. graphql-js's default resolver reads a property or
 * calls a method of the same name with (args, ctx), so each model is a plain object whose
 * keys are the schema's fields; `__typename` picks the member of GitObject/Node unions.
 */

/** GitHub cuts `Blob.text` at 512,000 bytes and sets `isTruncated` (sveltia-cms#950). */
export const BLOB_TEXT_LIMIT = 512_000;

export function objectModel(scope: Scope, raw: RawObject | null, path = ''): object | null {
  if (!raw) return null;
  if (raw.type === 'commit') return commitModel(scope, parseCommit(raw.oid, raw.content));
  if (raw.type === 'tree') return treeModel(scope, raw.oid, path);
  if (raw.type === 'blob') return blobModel(scope, raw.oid, raw.content);
  return null; // annotated tags: not needed by the extension, so not modelled
}

export async function commitByOid(scope: Scope, oid: string): Promise<object | null> {
  const commit = await scope.repo.git.readCommit(oid);
  return commit ? commitModel(scope, commit) : null;
}

function gitObjectUrls(scope: Scope, oid: string) {
  return {
    abbreviatedOid: oid.slice(0, 7),
    commitUrl: `${repoUrl(scope)}/commit/${oid}`,
    commitResourcePath: `/${nameWithOwner(scope.repo)}/commit/${oid}`,
  };
}

function actor(scope: Scope, sig: CommitObject['author']) {
  return {
    name: sig.name,
    email: sig.email,
    date: sig.date,
    avatarUrl: `https://avatars.githubusercontent.com/u/e?email=${encodeURIComponent(sig.email)}`,
    user: () => userByEmail(scope.store, sig.email),
  };
}

function splitMessage(message: string): { message: string; headline: string; body: string } {
  const full = message.replace(/\n+$/, '');
  const nl = full.indexOf('\n');
  return { message: full, headline: (nl < 0 ? full : full.slice(0, nl)).trim(), body: nl < 0 ? '' : full.slice(nl + 1).replace(/^\n+/, '') };
}

export function commitModel(scope: Scope, c: CommitObject) {
  const { git } = scope.repo;
  const msg = splitMessage(c.message);
  const url = `${repoUrl(scope)}/commit/${c.oid}`;
  const web = scope.repo.webCommits.has(c.oid);
  const numstat = () =>
    git.run(['diff-tree', '--no-commit-id', '--numstat', '-r', '--root', ...(c.parents[0] ? [c.parents[0], c.oid] : [c.oid])]).then((out) =>
      out
        .toString('utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split('\t').map((n) => Number(n) || 0)),
    );
  return {
    __typename: 'Commit',
    id: nodeId('C', `${nameWithOwner(scope.repo)}:${c.oid}`),
    oid: c.oid,
    ...gitObjectUrls(scope, c.oid),
    url,
    resourcePath: `/${nameWithOwner(scope.repo)}/commit/${c.oid}`,
    message: msg.message,
    messageHeadline: msg.headline,
    messageBody: msg.body,
    messageHeadlineHTML: escapeHtml(msg.headline),
    messageBodyHTML: escapeHtml(msg.body),
    committedDate: c.committer.date,
    authoredDate: c.author.date,
    author: actor(scope, c.author),
    committer: actor(scope, c.committer),
    authoredByCommitter: c.author.email === c.committer.email && c.author.name === c.committer.name,
    committedViaWeb: web,
    additions: async () => (await numstat()).reduce((s, [a]) => s + a!, 0),
    deletions: async () => (await numstat()).reduce((s, [, d]) => s + d!, 0),
    changedFiles: async () => (await numstat()).length,
    repository: () => repositoryModel(scope.store, scope.repo),
    tree: () => treeModel(scope, c.tree, ''),
    file: async ({ path }: { path: string }) => {
      const entry = await git.entry(c.oid, path);
      return entry ? treeEntryModel(scope, entry) : null;
    },
    parents: async (args: PageArgs) => arrayConnection(await Promise.all(c.parents.map((p) => commitByOid(scope, p))), args),
    history: (args: HistoryArgs) => historyConnection(scope, c.oid, args),
    signature: () => signature(c, web),
    statusCheckRollup: () => checkRollup(scope, c.oid),
    status: () => commitStatusModel(scope, c.oid),
    associatedPullRequests: async (args: PageArgs, ctx: Ctx) => {
      const prs = [];
      for (const pr of scope.repo.pullRequests) {
        const commits = await memo(ctx, `pr-commits:${nameWithOwner(scope.repo)}#${pr.number}`, () => pullRequestCommits(scope, pr));
        if (commits.includes(c.oid)) prs.push(pullRequestModel(scope, pr));
      }
      return arrayConnection(prs, args);
    },
    comments: (args: PageArgs) =>
      arrayConnection(
        scope.repo.commitComments.filter((cc) => cc.commitOid === c.oid).map((cc) => commitCommentModel(scope, cc)),
        args,
      ),
  };
}

/** A PR's commits, oldest first: reachable from its head, not from its base (`git rev-list base..head`). */
export async function pullRequestCommits(scope: Scope, pr: { headRefName: string; baseRefName: string; headRefOid: string }): Promise<string[]> {
  const { git } = scope.repo;
  const head = (await git.readRef(`refs/heads/${pr.headRefName}`)) ?? pr.headRefOid;
  const base = await git.readRef(`refs/heads/${pr.baseRefName}`);
  const out = await git.run(['rev-list', '--reverse', head, ...(base ? [`^${base}`] : []), '--']);
  return out.toString('utf8').split('\n').filter(Boolean);
}

function signature(c: CommitObject, web: boolean) {
  if (web) {
    // What GitHub reports for its own web-flow signed commits (see graphql-createCommitOnBranch-success.shape.json).
    return {
      __typename: 'GpgSignature',
      email: 'noreply@github.com',
      isValid: true,
      state: 'VALID',
      wasSignedByGitHub: true,
      payload: '',
      signature: '',
      signer: null,
      keyId: '',
      verifiedAt: c.committer.date,
    };
  }
  if (c.gpgsig)
    return {
      __typename: 'GpgSignature',
      email: c.committer.email,
      isValid: false,
      state: 'UNKNOWN_KEY',
      wasSignedByGitHub: false,
      payload: '',
      signature: c.gpgsig,
      signer: null,
      keyId: null,
      verifiedAt: null,
    };
  return null;
}

/**
 * `Commit.history`: `git log` order (rev-list), optional path filter with git's default history
 * simplification. Cursors are `<start oid> <index>`, as GitHub's history cursors are.
 */
type HistoryArgs = PageArgs & {
  path?: string | null;
  since?: string | null;
  until?: string | null;
  author?: { id?: string | null; emails?: string[] | null } | null;
};

async function historyConnection(scope: Scope, start: string, args: HistoryArgs) {
  const { git } = scope.repo;
  const filter = {
    from: start,
    path: args.path ?? undefined,
    since: args.since ?? undefined,
    until: args.until ?? undefined,
    authorEmails: authorEmails(scope, args.author),
  };
  const parse = (cursor: string) => {
    const m = /^([0-9a-f]{40}) (\d+)$/.exec(cursor);
    if (!m) throw invalidCursor(cursor);
    return Number(m[2]);
  };
  let skip = args.after ? parse(args.after) + 1 : 0;
  let take: number;
  let hasNextPage: boolean;
  let oids: string[];
  if (args.first != null) {
    take = args.first;
    const stop = args.before ? parse(args.before) : Infinity;
    take = Math.min(take, Math.max(0, stop - skip));
    oids = await git.log({ ...filter, skip, max: take + 1 });
    hasNextPage = oids.length > take && skip + take < stop;
    oids = oids.slice(0, take);
  } else {
    const end = args.before ? parse(args.before) : await git.count(filter);
    const from = Math.max(skip, end - (args.last ?? 0));
    skip = from;
    take = end - from;
    oids = take > 0 ? await git.log({ ...filter, skip, max: take }) : [];
    hasNextPage = args.before != null;
  }
  const edges = oids.map((oid, i) => ({ cursor: `${start} ${skip + i}`, node: () => commitByOid(scope, oid) }));
  return {
    edges,
    nodes: () => Promise.all(oids.map((oid) => commitByOid(scope, oid))),
    pageInfo: { hasNextPage, hasPreviousPage: skip > 0, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: () => git.count(filter),
  };
}

/** `author: {id}` means every email of that user; `{emails}` those emails. */
function authorEmails(scope: Scope, author: HistoryArgs['author']): string[] | undefined {
  if (!author) return undefined;
  const parsed = author.id ? parseNodeId(author.id) : null;
  const user = parsed?.kind === 'U' ? scope.store.user(parsed.key) : undefined;
  const emails = [...(author.emails ?? []), ...(user ? [user.email, ...(user.otherEmails ?? [])] : [])];
  // An id naming no user matches nothing, as GitHub filters by an account that has no commits.
  return emails.length > 0 ? emails : ['nobody@fake-github.invalid'];
}

export function treeEntryModel(scope: Scope, e: PathEntry) {
  const load = () => scope.repo.git.readObject(e.oid);
  const dot = e.name.lastIndexOf('.');
  return {
    name: e.name,
    path: e.path,
    nameRaw: Buffer.from(e.name).toString('base64'),
    pathRaw: Buffer.from(e.path).toString('base64'),
    oid: e.oid,
    mode: e.mode,
    type: e.type,
    extension: dot > 0 ? e.name.slice(dot) : null,
    isGenerated: false,
    language: null,
    submodule: null,
    size: async () => (e.type === 'blob' ? ((await load())?.content.length ?? 0) : 0),
    lineCount: async () => {
      if (e.type !== 'blob') return null;
      const content = (await load())?.content;
      if (!content || isBinary(content)) return null;
      const text = content.toString('utf8');
      return text === '' ? 0 : text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
    },
    object: async () => (e.type === 'commit' ? null : objectModel(scope, await load(), e.path)),
  };
}

export function treeModel(scope: Scope, oid: string, prefix: string) {
  return {
    __typename: 'Tree',
    id: nodeId('T', `${nameWithOwner(scope.repo)}:${oid}`),
    oid,
    ...gitObjectUrls(scope, oid),
    entries: async () =>
      ((await scope.repo.git.readTree(oid)) ?? []).map((e) => treeEntryModel(scope, { ...e, path: prefix ? `${prefix}/${e.name}` : e.name })),
  };
}

/** git's own binary heuristic: a NUL byte in the first 8,000 bytes. */
export function isBinary(content: Uint8Array): boolean {
  return content.subarray(0, 8000).includes(0);
}

export function blobModel(scope: Scope, oid: string, content: Buffer) {
  const binary = isBinary(content);
  return {
    __typename: 'Blob',
    id: nodeId('B', `${nameWithOwner(scope.repo)}:${oid}`),
    oid,
    ...gitObjectUrls(scope, oid),
    byteSize: content.length,
    isBinary: binary,
    isTruncated: content.length > BLOB_TEXT_LIMIT,
    text: binary ? null : content.subarray(0, BLOB_TEXT_LIMIT).toString('utf8'),
  };
}

/** A branch or tag; `target` is read when asked, so a moved branch is never served stale. */
export function refModel(scope: Scope, qualifiedName: string, oid: string) {
  const slash = qualifiedName.startsWith('refs/') ? qualifiedName.indexOf('/', 5) + 1 : 0;
  const name = qualifiedName.slice(slash);
  return {
    __typename: 'Ref',
    id: nodeId('REF', `${nameWithOwner(scope.repo)}:${qualifiedName}`),
    name,
    prefix: qualifiedName.slice(0, slash),
    target: async () => objectModel(scope, await scope.repo.git.readObject(oid)),
    associatedPullRequests: (args: PageArgs & { states?: string[] | null }) =>
      arrayConnection(
        scope.repo.pullRequests
          .filter(
            (pr) =>
              // "A list of pull requests with this ref as the head ref" (GitHub's schema).
              qualifiedName === `refs/heads/${pr.headRefName}` && (!args.states || args.states.includes(pr.state)),
          )
          .map((pr) => pullRequestModel(scope, pr)),
        args,
      ),
  };
}

/** `ref(qualifiedName:)`: a fully qualified match first, then `refs/heads/`, then `refs/tags/`. */
export async function findRef(scope: Scope, qualifiedName: string) {
  const { git } = scope.repo;
  const candidates = qualifiedName.startsWith('refs/') ? [qualifiedName] : [`refs/heads/${qualifiedName}`, `refs/tags/${qualifiedName}`];
  for (const name of candidates) {
    const oid = await git.readRef(name);
    if (oid) return refModel(scope, name, oid);
  }
  return null;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
