import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from '../../tests/fake-github/app';
import { manualClock } from '../../tests/fake-github/clock';
import { createGitHubClient, guardedFetch, type ClientOptions } from './client';
import { BadCredentialsError, MissingPermissionError, NotFoundError, RateLimitedError, SsoRequiredError, UnavailableError } from './errors';
import { enterpriseHost, GITHUB_COM, isApiUrl } from './host';
import { failure } from './testing/failure';

const SAMPLE = fileURLToPath(new URL('../../tests/fake-github/sample', import.meta.url));

let fake: FakeGitHub;
beforeAll(async () => {
  // Time stands still unless a test moves it: a reset the fake computes from "now" is the one the test computes after the answer.
  fake = await startFakeGitHub({
    seeds: [{ owner: 'acme', name: 'iris', folder: SAMPLE }],
    waits: { retryAfterSeconds: 30, primaryResetSeconds: 3600 },
    clock: manualClock(Date.UTC(2026, 11, 7, 14, 5, 0, 500)),
  });
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.server.faults.clear();
  fake.server.log.length = 0;
});

/** A client on the fake whose sleeps are recorded, never slept. */
function client(options: Partial<ClientOptions> = {}) {
  const slept: number[] = [];
  const github = createGitHubClient({
    host: enterpriseHost(fake.url),
    token: 'ghp_reader',
    sleep: async (ms) => void slept.push(ms),
    now: () => fake.server.clock.now(),
    ...options,
  });
  const getRepo = (repo = 'iris', retry = true) => github.call((o) => o.rest.repos.get({ owner: 'acme', repo }), { retry, what: `acme/${repo}` });
  return { github, slept, getRepo };
}

const REPO = '/repos/{owner}/{repo}';

describe('the GitHub client against the fake', () => {
  it('reads REST and GraphQL with the token, on the configured host', async () => {
    const { github, getRepo } = client();
    expect((await getRepo()).data.full_name).toBe('acme/iris');
    const { data } = await github.graphql<{ repository: { name: string } }>('query Q($o: String!) { repository(owner: $o, name: "iris") { name } }', {
      o: 'acme',
    });
    expect(data.repository.name).toBe('iris');
    expect(fake.server.log.map((r) => [r.site, r.headers.authorization])).toEqual([
      ['api', 'token ghp_reader'],
      ['api', 'token ghp_reader'],
    ]);
  });

  it('5xx: retried with backoff through the injected sleep, then Unavailable', async () => {
    fake.server.faults.add({ match: { path: REPO }, action: { kind: 'status', status: 502 }, times: 10 });
    const { slept, getRepo } = client();
    const error = await failure(getRepo());
    expect(error).toBeInstanceOf(UnavailableError);
    expect(error.message).toBe('GitHub is not answering properly right now (HTTP 502); try again in a while.');
    expect(fake.server.log).toHaveLength(4);
    expect(slept).toEqual([1000, 4000, 9000]);
  });

  it('a 5xx then a good answer: one retry, one wait', async () => {
    fake.server.faults.add({ match: { path: REPO }, action: { kind: 'status', status: 500 } });
    const { slept, getRepo } = client();
    expect((await getRepo()).status).toBe(200);
    expect(slept).toEqual([1000]);
  });

  it('retry off: a 5xx and a dropped connection are not sent again', async () => {
    fake.server.faults.add({ match: { path: REPO }, action: { kind: 'status', status: 503 }, times: 5 });
    const { slept, getRepo } = client();
    expect(await failure(getRepo('iris', false))).toBeInstanceOf(UnavailableError);
    fake.server.faults.clear();
    fake.server.faults.add({ match: { path: REPO }, action: { kind: 'drop-after' }, times: 5 });
    expect(await failure(getRepo('iris', false))).toBeInstanceOf(UnavailableError);
    expect(fake.server.log).toHaveLength(2);
    expect(slept).toEqual([]);
  });

  it.each(['drop-before', 'drop-after'] as const)('%s: a dropped connection, after the retries, is Unavailable', async (kind) => {
    fake.server.faults.add({ match: { path: REPO }, action: { kind }, times: 10 });
    const { getRepo } = client();
    const error = await failure(getRepo());
    expect(error).toBeInstanceOf(UnavailableError);
    expect(error.message).toBe('GitHub could not be reached; try again in a while.');
    expect(fake.server.log).toHaveLength(4);
  });

  it('401: bad credentials, not retried', async () => {
    fake.tokens.add('ghp_old', 'old', { kind: 'expired' });
    const { getRepo } = client({ token: 'ghp_old' });
    const error = await failure(getRepo());
    expect(error).toBeInstanceOf(BadCredentialsError);
    expect(error.message).toMatch(/^GitHub did not accept your token/);
    expect(fake.server.log).toHaveLength(1);
  });

  it('403 SSO: the authorisation URL from X-GitHub-SSO', async () => {
    fake.tokens.add('ghp_sso', 'sso-user', { kind: 'sso', scopes: ['repo'], organization: 'acme' });
    fake.store.repository('acme', 'iris')!.collaborators.set('sso-user', 'read');
    const error = await failure(client({ token: 'ghp_sso' }).getRepo());
    expect(error).toBeInstanceOf(SsoRequiredError);
    expect((error as SsoRequiredError).url).toBe(`${fake.store.webBase}/orgs/acme/sso?authorization_request=${Buffer.from('sso-user').toString('hex')}`);
    expect(error.message).toBe(`This organisation uses single sign-on: authorise your token for it at ${(error as SsoRequiredError).url}`);
  });

  it('404: not found or not accessible', async () => {
    const error = await failure(client().getRepo('nope'));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toBe('GitHub cannot find acme/nope, or your token cannot read it.');
  });

  it('fine-grained 403: the permission named from x-accepted-github-permissions', async () => {
    fake.tokens.add('github_pat_x', 'fg', { kind: 'fine-grained', permissions: { contents: 'read' } });
    const { github } = client({ token: 'github_pat_x' });
    const sha = (await github.call((o) => o.rest.repos.get({ owner: 'acme', repo: 'iris' }))).data.default_branch;
    const error = await failure(github.call((o) => o.rest.checks.listForRef({ owner: 'acme', repo: 'iris', ref: sha })));
    expect(error).toBeInstanceOf(MissingPermissionError);
    expect((error as MissingPermissionError).needed).toEqual(['checks=read']);
    expect(error.message).toBe('Your token lacks the permission checks=read GitHub asks for here.');
  });

  it('classic 403: the scopes named from x-accepted-oauth-scopes beside X-OAuth-Scopes', async () => {
    fake.server.faults.add({
      match: { path: REPO },
      action: { kind: 'status', status: 403, headers: { 'x-oauth-scopes': 'public_repo', 'x-accepted-oauth-scopes': 'repo' } },
    });
    const error = await failure(client().getRepo());
    expect(error.info()).toEqual({
      kind: 'missing-permission',
      needed: ['repo'],
      tokenKind: 'classic',
      message: 'Your token lacks the scope repo GitHub asks for here.',
    });
  });

  it('primary limit far ahead: RateLimited until x-ratelimit-reset, no wait, no retry', async () => {
    fake.server.faults.add({ match: { path: REPO }, action: { kind: 'primary-rate-limit' } });
    const { slept, getRepo } = client();
    const error = await failure(getRepo());
    expect(error).toBeInstanceOf(RateLimitedError);
    const reset = Number(fake.server.log[0]!.status === 403 && Math.floor(fake.server.clock.now() / 1000) + 3600);
    expect((error as RateLimitedError).until.getTime()).toBe(reset * 1000);
    expect(error.message).toMatch(/^GitHub's API limit is used up until .*\d\d.\d\d/);
    expect(slept).toEqual([]);
    expect(fake.server.log).toHaveLength(1);
  });

  it('secondary limit: waits retry-after through the sleep, then reads', async () => {
    fake.server.faults.add({ match: { path: REPO }, action: { kind: 'secondary-rate-limit' } });
    const { slept, getRepo } = client();
    expect((await getRepo()).status).toBe(200);
    expect(slept).toEqual([30_000]);
  });

  it('secondary limit beyond the longest wait, or on a request without retries: RateLimited until now + retry-after', async () => {
    fake.server.faults.add({ match: { path: REPO }, action: { kind: 'secondary-rate-limit', status: 429 }, times: 2 });
    const now = Date.UTC(2026, 11, 7, 14, 5);
    const { slept, getRepo } = client({ maxRateLimitWaitSeconds: 10, now: () => now });
    const error = await failure(getRepo());
    expect(error.info()).toMatchObject({ kind: 'rate-limited', limit: 'secondary', until: now + 30_000 });
    expect(error.message).toMatch(/^GitHub asked Commit Lab to slow down until /);
    expect(await failure(client().getRepo('iris', false))).toBeInstanceOf(RateLimitedError);
    expect(slept).toEqual([]);
  });

  it.each([
    ['RATE_LIMITED (before 2025)', 'legacy'],
    ['RATE_LIMIT + graphql_rate_limit (since 2025)', 'current'],
  ] as const)('GraphQL primary limit, %s: RateLimited', async (_, form) => {
    fake.server.faults.add({ match: { path: '/graphql' }, action: { kind: 'primary-rate-limit', graphqlForm: form } });
    const { github, slept } = client();
    const error = await failure(github.graphql('{ viewer { login } }', {}));
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error.info()).toMatchObject({ limit: 'primary', until: (Math.floor(fake.server.clock.now() / 1000) + 3600) * 1000 });
    expect(slept).toEqual([]);
  });

  it('GraphQL primary limit lifting soon: waited out through the sleep, then answered', async () => {
    fake.server.waits.primaryResetSeconds = 5;
    try {
      fake.server.faults.add({ match: { path: '/graphql' }, action: { kind: 'primary-rate-limit', graphqlForm: 'current' } });
      const { github, slept } = client();
      const { data } = await github.graphql<{ viewer: { login: string } }>('{ viewer { login } }', {});
      expect(data.viewer.login).toBe('octocat');
      expect(slept).toHaveLength(1);
      expect(slept[0]).toBeGreaterThan(5000);
      expect(slept[0]).toBeLessThanOrEqual(7000);
    } finally {
      fake.server.waits.primaryResetSeconds = 3600;
    }
  });

  it('GraphQL NOT_FOUND is NotFound; a tolerated partial error returns the data', async () => {
    const { github } = client();
    expect(await failure(github.graphql('{ repository(owner: "acme", name: "nope") { name } }', {}, { what: 'acme/nope' }))).toBeInstanceOf(NotFoundError);
    const partial = await github.graphql<{ a: { name: string }; b: null }>(
      '{ a: repository(owner: "acme", name: "iris") { name } b: repository(owner: "acme", name: "nope") { name } }',
      {},
      { tolerate: (p) => p.type === 'NOT_FOUND' },
    );
    expect(partial.data.a.name).toBe('iris');
    expect(partial.errors.map((e) => e.type)).toEqual(['NOT_FOUND']);
  });

  it('GraphQL 5xx ("Something went wrong") is retried, then Unavailable', async () => {
    fake.server.faults.add({ match: { path: '/graphql' }, action: { kind: 'status', status: 502 }, times: 10 });
    const { github, slept } = client();
    expect(await failure(github.graphql('{ viewer { login } }', {}))).toBeInstanceOf(UnavailableError);
    expect(slept).toEqual([1000, 4000, 9000]);
  });
});

describe('the token goes to the API host only', () => {
  it('isApiUrl: the REST base and the GraphQL endpoint, on their origin only', () => {
    expect(isApiUrl(GITHUB_COM, 'https://api.github.com/repos/a/b')).toBe(true);
    expect(isApiUrl(GITHUB_COM, 'https://api.github.com/graphql')).toBe(true);
    expect(isApiUrl(GITHUB_COM, 'https://api.github.com.evil.test/repos')).toBe(false);
    expect(isApiUrl(GITHUB_COM, 'http://api.github.com/repos')).toBe(false);
    expect(isApiUrl(GITHUB_COM, 'https://github.com/login')).toBe(false);
    const ghes = enterpriseHost('https://ghe.example.com');
    expect(ghes).toEqual({ rest: 'https://ghe.example.com/api/v3', graphql: 'https://ghe.example.com/api/graphql' });
    expect(isApiUrl(ghes, 'https://ghe.example.com/api/v3/repos/a/b')).toBe(true);
    expect(isApiUrl(ghes, 'https://ghe.example.com/api/v30/x')).toBe(false);
    expect(isApiUrl(ghes, 'https://ghe.example.com/acme/repo')).toBe(false);
  });

  it('a request elsewhere carries no Authorization, even one Octokit was told to send', async () => {
    const seen: [string, string | null][] = [];
    const record: typeof fetch = async (input, init) => {
      seen.push([String(input), new Headers(init?.headers).get('authorization')]);
      return new Response('{}', { headers: { 'content-type': 'application/json' } });
    };
    const github = createGitHubClient({ host: GITHUB_COM, token: 'ghp_secret', fetch: record, sleep: async () => {} });
    await github.call((o) => o.request('GET /user'));
    await github.call((o) => o.request('GET https://example.com/x', { headers: { authorization: 'token ghp_secret' } }));
    await guardedFetch(record, GITHUB_COM, 'ghp_secret')('https://raw.githubusercontent.com/a/b/c', { headers: { Authorization: 'token ghp_secret' } });
    expect(seen).toEqual([
      ['https://api.github.com/user', 'token ghp_secret'],
      ['https://example.com/x', null],
      ['https://raw.githubusercontent.com/a/b/c', null],
    ]);
  });
});
