import { readFileSync } from 'node:fs';
import { startWorld, type World } from '../worlds/test-world';
import { pathToFileURL } from 'node:url';
import { GITHUB_API_FIXTURES } from '../../fixture-paths';

/**
 * The four token kinds on a read and on a write, as GitHub answers them. Where a recorded or
 * observed example exists in tests/fixtures/github-api, the status, headers and body are
 * compared with it (values the recording normalized — ids, shas, ETags, reset times — are
 * compared by presence only).
 */
const FIXTURES = pathToFileURL(`${GITHUB_API_FIXTURES}/`);
interface Interaction {
  method: string;
  path: string;
  status: number;
  response: unknown;
  headers: Record<string, string | number>;
}
const recorded = (name: string): Interaction[] => (JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8')) as { interactions: Interaction[] }).interactions;
const observed = (when: string) =>
  (
    JSON.parse(readFileSync(new URL('rest-and-graphql-error-shapes.observed.json', FIXTURES), 'utf8')) as {
      cases: { when: string; status: number; headers?: Record<string, string>; body: Record<string, unknown> }[];
    }
  ).cases.find((c) => c.when.startsWith(when))!;

/** Headers whose recorded values are not placeholders, compared exactly. */
const STABLE_HEADERS = ['cache-control', 'content-type', 'x-accepted-oauth-scopes', 'x-github-media-type', 'x-ratelimit-limit', 'x-ratelimit-resource'];

/** Key paths of a JSON value (`a.b`, `list[].c`), to compare shapes without normalized values. */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return value.length > 0 ? keyPaths(value[0], `${prefix}[]`) : [];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [`${prefix}${k}`, ...keyPaths(v, `${prefix}${k}.`)]);
  return [];
}

function expectLikeRecording(res: Response, body: unknown, interaction: Interaction): void {
  expect(res.status).toBe(interaction.status);
  for (const name of STABLE_HEADERS) expect([name, res.headers.get(name)]).toEqual([name, String(interaction.headers[name])]);
  for (const name of ['etag', 'x-oauth-scopes', 'x-ratelimit-remaining', 'x-ratelimit-reset', 'x-ratelimit-used'])
    expect(res.headers.has(name), name).toBe(true);
  if (typeof interaction.response === 'string') expect(typeof body).toBe('string');
  // Every field GitHub recorded must be there; fields GitHub added since (user_view_type, 2024) may be too.
  else expect(keyPaths(interaction.response).filter((k) => !keyPaths(body).includes(k))).toEqual([]);
}

let w: World;
beforeAll(async () => {
  w = await startWorld();
  w.tokens.add('ghp_full', 'octocat', { kind: 'classic', scopes: ['repo', 'workflow'] });
  w.tokens.add('ghp_public', 'octocat', { kind: 'classic', scopes: ['public_repo'] });
  w.tokens.add('github_pat_fg', 'octocat', {
    kind: 'fine-grained',
    permissions: { contents: 'write', metadata: 'read', statuses: 'read', actions: 'read' },
    repositories: ['acme/private'],
  });
  w.tokens.add('ghp_expired', 'octocat', { kind: 'classic', scopes: ['repo'] });
  w.tokens.expire('ghp_expired');
  w.tokens.add('ghp_sso', 'octocat', { kind: 'sso', scopes: ['repo'], organization: 'acme' });
});
afterAll(async () => w.close());

const createRef = (token: string, repo: string, name: string, sha: string) =>
  w.fetch(`/repos/${repo}/git/refs`, {
    method: 'POST',
    token,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ref: `refs/heads/${name}`, sha }),
  });

describe('classic token', () => {
  it('read: answers like the recorded combined status and raw contents (scopes in X-OAuth-Scopes)', async () => {
    const [, combined] = recorded('recorded-combined-status.octokit-fixtures.json');
    for (const context of ['example/1', 'example/2']) {
      w.store.addStatus(w.demo, { sha: w.commits.c3, context, state: 'SUCCESS', description: `${context} test`, targetUrl: 'https://example.com' });
    }
    const status = await w.fetch(`/repos/octocat/demo/commits/${w.commits.c3}/status`, { token: 'ghp_full' });
    expectLikeRecording(status, await status.clone().json(), combined!);
    expect(status.headers.get('x-oauth-scopes')).toBe('repo, workflow');

    const [content] = recorded('recorded-get-content.octokit-fixtures.json');
    const raw = await w.fetch('/repos/octocat/demo/contents/README.md', { token: 'ghp_full', headers: { accept: 'application/vnd.github.v3.raw' } });
    expectLikeRecording(raw, await raw.clone().text(), content!);
    expect(await raw.text()).toBe('# demo\n');
  });

  it('write: answers like the recorded POST git/refs (201, Location)', async () => {
    const [create] = recorded('recorded-git-refs-create-update.octokit-fixtures.json');
    const res = await createRef('ghp_full', 'octocat/demo', 'classic-write', w.commits.c1);
    expectLikeRecording(res, await res.json(), create!);
    expect(res.headers.get('location')).toBe('https://api.github.com/repos/octocat/demo/git/refs/heads/classic-write');
  });

  it('a missing scope is 404, never 403: private read without repo, write without public_repo', async () => {
    const read = await w.fetch('/repos/acme/private', { token: 'ghp_public' });
    expect(read.status).toBe(404);
    expect(read.headers.get('x-oauth-scopes')).toBe('public_repo');
    expect(read.headers.get('x-accepted-oauth-scopes')).toBe('repo');
    expect(await read.json()).toEqual({ message: 'Not Found', documentation_url: 'https://docs.github.com/rest/repos/repos#get-a-repository', status: '404' });
    expect((await createRef('ghp_public', 'acme/private', 'x', w.commits.p1)).status).toBe(404);
    expect((await createRef('ghp_public', 'octocat/demo', 'public-repo-scope', w.commits.c1)).status).toBe(201);
    w.tokens.add('ghp_noscope', 'octocat', { kind: 'classic', scopes: [] });
    expect((await createRef('ghp_noscope', 'octocat/demo', 'no-scope', w.commits.c1)).status).toBe(404);
  });
});

describe('fine-grained token', () => {
  it('read: check runs are 403 with x-accepted-github-permissions: checks=read, as observed', async () => {
    const expected = observed('fine-grained PAT lacking a permission');
    const res = await w.fetch(`/repos/acme/private/commits/${w.commits.p1}/check-runs`, { token: 'github_pat_fg' });
    expect(res.status).toBe(expected.status);
    expect(res.headers.get('x-accepted-github-permissions')).toBe(expected.headers!['x-accepted-github-permissions']);
    expect(await res.json()).toMatchObject(expected.body);
    expect(res.headers.has('x-oauth-scopes')).toBe(false);
  });

  it('read: what the token has a permission for works, without a scopes header', async () => {
    const res = await w.fetch(`/repos/acme/private/commits/${w.commits.p1}/status`, { token: 'github_pat_fg' });
    expect(res.status).toBe(200);
    expect(res.headers.has('x-oauth-scopes')).toBe(false);
    expect(res.headers.get('x-accepted-github-permissions')).toBe('statuses=read');
  });

  it('write: contents=write creates a ref; a missing permission is 403 naming it; other repositories are 404', async () => {
    expect((await createRef('github_pat_fg', 'acme/private', 'fg', w.commits.p1)).status).toBe(201);
    await createRef('github_pat_fg', 'acme/private', 'fg-head', w.commits.p1);
    const pr = await w.fetch('/repos/acme/private/pulls', {
      method: 'POST',
      token: 'github_pat_fg',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 't', head: 'fg-head', base: 'main' }),
    });
    expect(pr.status).toBe(403);
    expect(pr.headers.get('x-accepted-github-permissions')).toBe('pull_requests=write');
    expect(await pr.json()).toMatchObject({ message: 'Resource not accessible by personal access token' });
    expect((await createRef('github_pat_fg', 'octocat/demo', 'elsewhere', w.commits.c1)).status).toBe(404);
  });
});

describe('fine-grained token on GraphQL', () => {
  const query = readFileSync(new URL('queries/ci-for-commits.graphql', FIXTURES), 'utf8');
  const ask = async (token: string) => {
    const res = await fetch(`${w.server.url}/api/graphql`, {
      method: 'POST',
      headers: { authorization: `bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ query: query.replace('0123456789abcdef0123456789abcdef01234567', w.commits.p1), variables: { owner: 'acme', name: 'private' } }),
    });
    return { status: res.status, body: (await res.json()) as { data?: unknown; errors?: { type?: string; message: string; path?: unknown[] }[] } };
  };

  it('statusCheckRollup contexts fail with a partial FORBIDDEN error; a classic token reads them', async () => {
    w.store.addCheckRun(w.secret, { headSha: w.commits.p1, name: 'train' });
    const fine = await ask('github_pat_fg');
    expect(fine.status).toBe(200);
    expect(fine.body.errors).toEqual([
      expect.objectContaining({
        type: 'FORBIDDEN',
        message: 'Resource not accessible by personal access token',
        path: ['repository', 'c0', 'statusCheckRollup', 'contexts'],
      }),
    ]);
    // contexts is non-null, so the rollup becomes null; the repository around it still answers.
    expect(fine.body.data).toEqual({ repository: { c0: { statusCheckRollup: null } } });
    const classic = await ask('ghp_full');
    expect(classic.body.errors).toBeUndefined();
    expect(classic.body.data).toMatchObject({
      repository: { c0: { statusCheckRollup: { state: 'SUCCESS', contexts: { nodes: [{ name: 'train', conclusion: 'SUCCESS' }] } } } },
    });
  });

  it('an expired token is 401 "Bad credentials" on GraphQL too', async () => {
    expect(await ask('ghp_expired')).toEqual({
      status: 401,
      body: { message: 'Bad credentials', documentation_url: 'https://docs.github.com/graphql', status: '401' },
    });
  });
});

describe('the same permission model on GraphQL', () => {
  const gql = async (token: string, query: string, variables: Record<string, unknown> = {}) => {
    const res = await fetch(`${w.server.url}/api/graphql`, {
      method: 'POST',
      headers: { authorization: `bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as { data?: Record<string, unknown> | null; errors?: { type?: string; message: string }[] };
  };
  const commit = (token: string, repo: string, head: string) =>
    gql(token, 'mutation($input: CreateCommitOnBranchInput!) { createCommitOnBranch(input: $input) { commit { oid } } }', {
      input: {
        branch: { repositoryNameWithOwner: repo, branchName: 'main' },
        expectedHeadOid: head,
        message: { headline: 'x' },
        fileChanges: { additions: [{ path: 'x', contents: 'eA==' }] },
      },
    });

  it('a private repository the token cannot see is NOT_FOUND, worded as a missing one; a token that may see it reads it', async () => {
    const hidden = await gql('ghp_public', '{ repository(owner: "acme", name: "private") { name } }');
    expect(hidden).toEqual({
      data: { repository: null },
      errors: [expect.objectContaining({ type: 'NOT_FOUND', message: "Could not resolve to a Repository with the name 'acme/private'." })],
    });
    expect(await gql('ghp_full', '{ repository(owner: "acme", name: "private") { name } }')).toEqual({ data: { repository: { name: 'private' } } });
  });

  it('createCommitOnBranch needs push access and Contents write; a refused write moves nothing', async () => {
    w.tokens.add('ghp_stranger', 'stranger', { kind: 'classic', scopes: ['repo'] });
    const head = w.commits.c3;
    const stranger = await commit('ghp_stranger', 'octocat/demo', head);
    expect(stranger.errors).toEqual([expect.objectContaining({ type: 'FORBIDDEN' })]);
    const secret = await commit('ghp_stranger', 'acme/private', w.commits.p1);
    expect(secret.errors).toEqual([expect.objectContaining({ type: 'NOT_FOUND', message: "Could not resolve to a Repository with the name 'acme/private'." })]);
    w.tokens.add('github_pat_ro', 'octocat', { kind: 'fine-grained', permissions: { contents: 'read', metadata: 'read' } });
    const readOnly = await commit('github_pat_ro', 'octocat/demo', head);
    expect(readOnly.errors).toEqual([expect.objectContaining({ type: 'FORBIDDEN', message: 'Resource not accessible by personal access token' })]);
    const sso = await commit('ghp_sso', 'acme/private', w.commits.p1);
    expect(sso.errors).toEqual([expect.objectContaining({ type: 'FORBIDDEN', message: expect.stringMatching(/SAML enforcement/) })]);
    expect(await w.demo.git.readRef('refs/heads/main')).toBe(head);
    expect(await w.secret.git.readRef('refs/heads/main')).toBe(w.commits.p1);
  });
});

describe('expired token', () => {
  it.each([
    ['read', () => w.fetch('/repos/octocat/demo', { token: 'ghp_expired' })],
    ['write', () => createRef('ghp_expired', 'octocat/demo', 'expired', w.commits.c1)],
  ])('%s: 401 "Bad credentials"', async (_, call) => {
    const res = await call();
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' });
    expect(res.headers.get('x-ratelimit-limit')).toBe('60');
  });
});

describe('SSO-restricted token', () => {
  it.each([
    ['read', () => w.fetch('/repos/acme/private', { token: 'ghp_sso' })],
    ['write', () => createRef('ghp_sso', 'acme/private', 'sso', w.commits.p1)],
  ])('%s in the SAML organization: 403 with X-GitHub-SSO', async (_, call) => {
    const res = await call();
    expect(res.status).toBe(403);
    expect(res.headers.get('x-github-sso')).toMatch(/^required; url=https:\/\/github\.com\/orgs\/acme\/sso\?authorization_request=\w+$/);
    expect(await res.json()).toMatchObject({
      message: 'Resource protected by organization SAML enforcement. You must grant your Personal Access token access to this organization.',
    });
  });

  it('works outside that organization', async () => {
    expect((await w.fetch('/repos/octocat/demo', { token: 'ghp_sso' })).status).toBe(200);
  });
});

describe('conditional requests and the rate limit', () => {
  it('a matching If-None-Match answers 304 and leaves the count unchanged', async () => {
    const first = await w.fetch('/repos/octocat/demo/commits?sha=main', { token: 'ghp_full' });
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag')!;
    const used = Number(first.headers.get('x-ratelimit-used'));
    const again = await w.fetch('/repos/octocat/demo/commits?sha=main', { token: 'ghp_full', headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    expect(Number(again.headers.get('x-ratelimit-used'))).toBe(used);
    expect(again.headers.get('x-ratelimit-remaining')).toBe(first.headers.get('x-ratelimit-remaining'));
    const limits = (await (await w.fetch('/rate_limit', { token: 'ghp_full' })).json()) as { resources: { core: { used: number } } };
    expect(limits.resources.core.used).toBe(used);
    const stale = await w.fetch('/repos/octocat/demo/commits?sha=main', { token: 'ghp_full', headers: { 'if-none-match': '"other"' } });
    expect(stale.status).toBe(200);
    expect(Number(stale.headers.get('x-ratelimit-used'))).toBe(used + 1);
  });

  it('the ETag changes when the branch moves', async () => {
    const before = (await w.fetch('/repos/octocat/demo/commits?sha=exp/lr', { token: 'ghp_full' })).headers.get('etag')!;
    await w.demo.git.updateRef('refs/heads/exp/lr', w.commits.c3, w.commits.c4);
    const after = await w.fetch('/repos/octocat/demo/commits?sha=exp/lr', { token: 'ghp_full', headers: { 'if-none-match': before } });
    expect(after.status).toBe(200);
    await w.demo.git.updateRef('refs/heads/exp/lr', w.commits.c4, w.commits.c3);
  });

  it("a file's JSON and raw answers share one ETag, as on GitHub (octokit/rest.js#337)", async () => {
    const json = await w.fetch('/repos/octocat/demo/contents/params.yaml', { token: 'ghp_full' });
    const raw = await w.fetch('/repos/octocat/demo/contents/params.yaml', { token: 'ghp_full', headers: { accept: 'application/vnd.github.raw+json' } });
    expect(raw.headers.get('etag')).toBe(json.headers.get('etag'));
    const cached = await w.fetch('/repos/octocat/demo/contents/params.yaml', { token: 'ghp_full', headers: { 'if-none-match': raw.headers.get('etag')! } });
    expect(cached.status).toBe(304);
  });

  it('without a token: public reads on the 60/h budget, private repositories 404, writes 401', async () => {
    const pub = await w.fetch('/repos/octocat/demo');
    expect(pub.status).toBe(200);
    expect(pub.headers.get('x-ratelimit-limit')).toBe('60');
    expect(pub.headers.get('cache-control')).toBe('public, max-age=60, s-maxage=60');
    expect((await w.fetch('/repos/acme/private')).status).toBe(404);
    const write = await w.fetch('/repos/octocat/demo/git/refs', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ref: 'refs/heads/anon', sha: w.commits.c1 }),
    });
    expect(write.status).toBe(401);
    expect(await write.json()).toMatchObject({ message: 'Requires authentication' });
  });

  it('a spent budget is 403 with x-ratelimit-remaining 0, as observed', async () => {
    const expected = observed('primary rate limit exhausted (REST)');
    w.tokens.add('ghp_spent', 'spender', { kind: 'classic', scopes: ['repo'] });
    const bucket = w.store.rateBucket('spender', 'core');
    bucket.used = bucket.limit;
    const res = await w.fetch('/repos/octocat/demo', { token: 'ghp_spent' });
    expect(res.status).toBe(expected.status);
    expect(res.headers.get('x-ratelimit-remaining')).toBe(expected.headers!['x-ratelimit-remaining']);
    expect(res.headers.get('x-ratelimit-resource')).toBe(expected.headers!['x-ratelimit-resource']);
    expect(await res.json()).toMatchObject({ message: `API rate limit exceeded for user ID ${w.store.user('spender')!.databaseId}.` });
  });
});

describe("GitHub's description", () => {
  it('every answer above fits it', () => expect(w.contract.violations).toEqual([]));
});
