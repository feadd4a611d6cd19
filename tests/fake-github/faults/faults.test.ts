import { afterEach, describe, expect, it } from 'vitest';
import { manualClock, zeroWaits } from '../clock';
import { startServer, type FakeServer, type Handler } from '../server';

// 2026-11-29T12:00:00Z; `date -u -d 2026-11-29T12:00:00Z +%s` = 1795953600.
const T0 = Date.UTC(2026, 10, 29, 12, 0, 0);
const user: Handler = (req) => (req.site === 'api' && req.path === '/user' ? Response.json({ login: 'octocat' }) : undefined);
const graphql: Handler = (req) => (req.path === '/graphql' ? Response.json({ data: { viewer: { login: 'octocat' } } }) : undefined);

const gql = (server: FakeServer, query: string) =>
  fetch(`${server.url}/api/graphql`, { method: 'POST', body: JSON.stringify({ query }), headers: { authorization: 'bearer t' } });

describe('faults', () => {
  let server: FakeServer | undefined;
  afterEach(async () => server?.close());

  it('answers a status fault with GitHub’s error envelope for the next N requests, then serves normally', async () => {
    server = await startServer({ handlers: [user] });
    server.faults.add({ match: { method: 'GET', path: '/user' }, action: { kind: 'status', status: 502 }, times: 2 });
    const answers = [];
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${server.url}/api/v3/user`);
      answers.push([res.status, await res.json()]);
    }
    expect(answers).toEqual([
      [502, { message: 'Bad Gateway', documentation_url: 'https://docs.github.com/rest', status: '502' }],
      [502, { message: 'Bad Gateway', documentation_url: 'https://docs.github.com/rest', status: '502' }],
      [200, { login: 'octocat' }],
    ]);
    expect(server.log.map((r) => r.fault)).toEqual(['status', 'status', undefined]);
  });

  it('matches `{param}` segments and a trailing `/*`, and only the given site', async () => {
    server = await startServer();
    server.faults.add({ match: { site: 'api', path: '/repos/{owner}/{repo}/git/refs/*' }, action: { kind: 'status', status: 409 }, forMs: 60_000 });
    const status = async (path: string) => (await fetch(`${server!.url}${path}`)).status;
    expect(await status('/api/v3/repos/o/r/git/refs/heads/main')).toBe(409);
    expect(await status('/api/v3/repos/o/r/git/refs')).toBe(409);
    expect(await status('/api/v3/repos/o/r/git/refsx')).toBe(404);
    expect(await status('/api/v3/repos/o/r/extra/git/refs/heads/main')).toBe(404);
    expect(await status('/repos/o/r/git/refs/heads/main')).toBe(404); // web site
  });

  it('a time-window fault ends when the window does', async () => {
    const clock = manualClock(T0);
    server = await startServer({ handlers: [user], clock });
    server.faults.add({ match: { path: '/user' }, action: { kind: 'status', status: 500 }, forMs: 10_000 });
    expect((await fetch(`${server.url}/api/v3/user`)).status).toBe(500);
    clock.advance(9_999);
    expect((await fetch(`${server.url}/api/v3/user`)).status).toBe(500);
    clock.advance(1);
    expect((await fetch(`${server.url}/api/v3/user`)).status).toBe(200);
  });

  it('GraphQL faults match the operation name, from operationName or the document', async () => {
    server = await startServer({ handlers: [graphql] });
    server.faults.add({ match: { operation: 'Viewer' }, action: { kind: 'status', status: 502 }, times: 2 });
    const other = await gql(server, 'query Other { viewer { login } }');
    expect(other.status).toBe(200);
    const named = await gql(server, 'query Viewer { viewer { login } }');
    expect(named.status).toBe(502);
    expect(await named.json()).toEqual({
      data: null,
      errors: [{ message: expect.stringMatching(/^Something went wrong while executing your query/) }],
    });
    const byName = await fetch(`${server.url}/api/graphql`, {
      method: 'POST',
      body: JSON.stringify({ query: 'query A { viewer { login } } query Viewer { viewer { login } }', operationName: 'Viewer' }),
    });
    expect(byName.status).toBe(502);
    expect(server.log.map((r) => r.operation)).toEqual(['Other', 'Viewer', 'Viewer']);
  });

  it('drops the connection before the handler runs: no effect, no answer', async () => {
    let ran = 0;
    server = await startServer({ handlers: [(req) => (req.path === '/user' ? (ran++, Response.json({})) : undefined)] });
    server.faults.add({ match: { path: '/user' }, action: { kind: 'drop-before' } });
    await expect(fetch(`${server.url}/api/v3/user`)).rejects.toThrow();
    expect(ran).toBe(0);
    expect(server.log.map((r) => [r.status, r.fault])).toEqual([[0, 'drop-before']]);
    expect((await fetch(`${server.url}/api/v3/user`)).status).toBe(200);
    expect(ran).toBe(1);
  });

  it('a delay waits as configured, then serves the request; a delay of 0 ms does not wait', async () => {
    const slept: number[] = [];
    server = await startServer({ handlers: [user], sleep: async (ms) => void slept.push(ms) });
    server.faults.add({ match: { path: '/user' }, action: { kind: 'delay', ms: 2500 } });
    server.faults.add({ match: { path: '/user' }, action: { kind: 'delay', ms: 0 } });
    const answers = [];
    for (let i = 0; i < 2; i++) {
      const res = await fetch(`${server.url}/api/v3/user`);
      answers.push([res.status, await res.json()]);
    }
    expect(answers).toEqual([
      [200, { login: 'octocat' }],
      [200, { login: 'octocat' }],
    ]);
    expect(slept).toEqual([2500]);
    expect(server.log.map((r) => r.fault)).toEqual(['delay', 'delay']);
  });
});

describe('rate limits', () => {
  let server: FakeServer | undefined;
  afterEach(async () => server?.close());

  it('a primary-limited REST read answers 403, remaining 0, and resets when the window ends', async () => {
    const clock = manualClock(T0);
    server = await startServer({ handlers: [user], clock });
    server.faults.add({ match: { path: '/user' }, action: { kind: 'primary-rate-limit', userId: 583231 }, forMs: 15 * 60_000 });
    const res = await fetch(`${server.url}/api/v3/user`, { headers: { authorization: 'token t' } });
    expect(res.status).toBe(403);
    expect(res.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(res.headers.get('x-ratelimit-limit')).toBe('5000');
    expect(res.headers.get('x-ratelimit-resource')).toBe('core');
    // 2026-11-29T12:15:00Z: `date -u -d 2026-11-29T12:15:00Z +%s`.
    expect(res.headers.get('x-ratelimit-reset')).toBe('1795954500');
    expect(await res.json()).toMatchObject({ message: 'API rate limit exceeded for user ID 583231.' });
    clock.set(1795954500 * 1000);
    expect((await fetch(`${server.url}/api/v3/user`)).status).toBe(200);
  });

  it('an anonymous caller is limited per IP: 60 an hour, and GitHub’s message saying so', async () => {
    server = await startServer({ handlers: [user] });
    server.faults.add({ match: { path: '/user' }, action: { kind: 'primary-rate-limit' } });
    const res = await fetch(`${server.url}/api/v3/user`);
    expect([res.status, res.headers.get('x-ratelimit-limit'), res.headers.get('x-ratelimit-remaining')]).toEqual([403, '60', '0']);
    expect(((await res.json()) as { message: string }).message).toBe(
      "API rate limit exceeded for 127.0.0.1. (But here's the good news: Authenticated requests get a higher rate limit. Check out the documentation for more details.)",
    );
  });

  it('a count-limited primary fault resets `primaryResetSeconds` ahead and can answer 429', async () => {
    const clock = manualClock(T0 + 400); // 0.4 s into second 1795953600
    server = await startServer({ handlers: [user], clock, waits: { primaryResetSeconds: 3600 } });
    server.faults.add({ match: { path: '/user' }, action: { kind: 'primary-rate-limit', status: 429 } });
    const res = await fetch(`${server.url}/api/v3/user`);
    expect([res.status, res.headers.get('x-ratelimit-reset')]).toEqual([429, '1795957200']);
  });

  it('a primary-limited GraphQL query answers 200 with RATE_LIMIT (graphql_rate_limit), as GitHub has since 2025', async () => {
    const clock = manualClock(T0);
    server = await startServer({ handlers: [graphql], clock });
    server.faults.add({ match: { operation: 'Commits' }, action: { kind: 'primary-rate-limit' }, forMs: 60_000 });
    const res = await gql(server, 'query Commits { viewer { login } }');
    expect(res.status).toBe(200);
    expect(res.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(res.headers.get('x-ratelimit-resource')).toBe('graphql');
    expect(res.headers.get('x-ratelimit-reset')).toBe('1795953660');
    expect(await res.json()).toEqual({
      errors: [{ type: 'RATE_LIMIT', code: 'graphql_rate_limit', message: 'API rate limit already exceeded for user ID 1.' }],
    });
  });

  it('graphqlForm: legacy answers the older RATE_LIMITED form', async () => {
    server = await startServer({ handlers: [graphql] });
    server.faults.add({ match: { operation: 'Commits' }, action: { kind: 'primary-rate-limit', graphqlForm: 'legacy' } });
    const res = await gql(server, 'query Commits { viewer { login } }');
    expect(await res.json()).toEqual({ errors: [{ type: 'RATE_LIMITED', message: 'API rate limit exceeded for user ID 1.' }] });
  });

  it('a secondary limit answers 403 with retry-after and GitHub’s message', async () => {
    server = await startServer({ handlers: [user] });
    server.faults.add({ match: { path: '/user' }, action: { kind: 'secondary-rate-limit' } });
    const res = await fetch(`${server.url}/api/v3/user`);
    expect(res.status).toBe(403);
    expect(res.headers.get('retry-after')).toBe('60');
    const body = (await res.json()) as { message: string };
    expect(body.message).toBe('You have exceeded a secondary rate limit. Please wait a few minutes before you try again.');
    expect(body.message).toMatch(/\bsecondary rate\b/i); // what @octokit/plugin-throttling matches
  });

  it('with waits at zero, a client honouring every wait GitHub asks for is never asked to wait', async () => {
    const clock = manualClock(T0);
    server = await startServer({ handlers: [user, graphql], clock, waits: zeroWaits });
    server.faults.add({ match: { path: '/user' }, action: { kind: 'secondary-rate-limit', status: 429 } });
    server.faults.add({ match: { path: '/user' }, action: { kind: 'primary-rate-limit' } });
    server.faults.add({ match: { operation: 'Q' }, action: { kind: 'primary-rate-limit' } });

    // The waits a throttling client derives, as @octokit/plugin-throttling does: retry-after, else reset − now.
    const asked: number[] = [];
    const honour = async (send: () => Promise<Response>): Promise<Response> => {
      for (;;) {
        const res = await send();
        const retryAfter = res.headers.get('retry-after');
        const limited = res.headers.get('x-ratelimit-remaining') === '0';
        if (retryAfter === null && !limited) return res;
        asked.push(retryAfter !== null ? Number(retryAfter) : Number(res.headers.get('x-ratelimit-reset')) - clock.now() / 1000);
      }
    };
    expect((await honour(() => fetch(`${server!.url}/api/v3/user`))).status).toBe(200);
    expect((await honour(() => gql(server!, 'query Q { viewer { login } }'))).status).toBe(200);
    expect(asked).toEqual([0, 0, 0]);
  });
});

describe('control API', () => {
  let server: FakeServer | undefined;
  afterEach(async () => server?.close());

  it('adds, lists and clears faults, serves and clears the log, and sets waits over HTTP', async () => {
    server = await startServer({ handlers: [user] });
    const added = await fetch(`${server.url}/_fake/faults`, {
      method: 'POST',
      body: JSON.stringify({ match: { method: 'GET', path: '/user' }, action: { kind: 'secondary-rate-limit', status: 429 }, times: 1 }),
    });
    expect(added.status).toBe(201);
    expect(await (await fetch(`${server.url}/_fake/faults`)).json()).toEqual([
      { id: 1, match: { method: 'GET', path: '/user' }, action: { kind: 'secondary-rate-limit', status: 429 }, remaining: 1 },
    ]);
    await fetch(`${server.url}/_fake/waits`, { method: 'PATCH', body: JSON.stringify({ retryAfterSeconds: 0 }) });
    const limited = await fetch(`${server.url}/api/v3/user`, { headers: { authorization: 'token abc' } });
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '0']);
    expect(await (await fetch(`${server.url}/_fake/faults`)).json()).toEqual([]);

    const log = (await (await fetch(`${server.url}/_fake/log`)).json()) as { path: string; status: number; headers: Record<string, string> }[];
    expect(log.map((r) => [r.path, r.status, r.headers.authorization])).toEqual([['/user', 429, 'token abc']]);
    expect((await fetch(`${server.url}/_fake/log`, { method: 'DELETE' })).status).toBe(204);
    expect(server.log).toEqual([]);

    const bad = await fetch(`${server.url}/_fake/faults`, { method: 'POST', body: JSON.stringify({ action: { kind: 'explode' } }) });
    expect([bad.status, await bad.json()]).toEqual([400, { message: 'unknown action.kind "explode"' }]);

    // The write faults' options travel over HTTP too, and are checked.
    const post = (action: unknown) =>
      fetch(`${server!.url}/_fake/faults`, { method: 'POST', body: JSON.stringify({ match: { operation: 'CreateCommitOnBranch' }, action }) });
    expect((await post({ kind: 'concurrent-push', answer: 'ref-is-at' })).status).toBe(201);
    expect((await post({ kind: 'secondary-rate-limit', contentCreation: true })).status).toBe(201);
    expect((await (await fetch(`${server.url}/_fake/faults`)).json()).map((f: { action: unknown }) => f.action)).toEqual([
      { kind: 'concurrent-push', answer: 'ref-is-at' },
      { kind: 'secondary-rate-limit', contentCreation: true },
    ]);
    const wrong = await post({ kind: 'concurrent-push', answer: 'maybe' });
    expect([wrong.status, await wrong.json()]).toEqual([400, { message: 'bad action.answer' }]);
  });
});
