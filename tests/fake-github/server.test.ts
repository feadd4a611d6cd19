import { afterEach, describe, expect, it } from 'vitest';
import { siteOf, startServer, type FakeServer } from './server';

describe('siteOf', () => {
  it.each([
    ['api.github.com', '/repos/o/r', 'api', '/repos/o/r'],
    ['github.com', '/o/r/commits/main', 'web', '/o/r/commits/main'],
    ['127.0.0.1:4000', '/api/v3/repos/o/r', 'api', '/repos/o/r'],
    ['127.0.0.1:4000', '/api/graphql', 'api', '/graphql'],
    ['127.0.0.1:4000', '/o/r', 'web', '/o/r'],
  ])('%s %s → %s %s', (host, path, site, routed) => {
    expect(siteOf(host, path)).toEqual({ site, path: routed });
  });
});

describe('startServer', () => {
  let server: FakeServer | undefined;
  afterEach(async () => server?.close());

  it('routes to the first handler that answers and logs every request', async () => {
    server = await startServer({
      handlers: [(req) => (req.site === 'api' && req.path === '/user' ? Response.json({ login: 'octocat' }) : undefined)],
    });
    const user = await fetch(`${server.url}/api/v3/user`, { headers: { authorization: 'token t' } });
    expect(await user.json()).toEqual({ login: 'octocat' });
    const missing = await fetch(`${server.url}/api/v3/nope`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ message: 'Not Found' });
    expect(server.log.map((r) => [r.site, r.path, r.status])).toEqual([
      ['api', '/user', 200],
      ['api', '/nope', 404],
    ]);
    expect(server.log[0]!.headers.authorization).toBe('token t');
  });

  it('answers as api.github.com does for browsers: every api answer allows any origin, preflights are not faulted', async () => {
    server = await startServer({ handlers: [(req) => (req.path === '/graphql' ? Response.json({ data: {} }) : undefined)] });
    server.faults.add({ match: { path: '/graphql' }, action: { kind: 'status', status: 502 }, times: 1 });
    const preflight = await fetch(`${server.url}/api/graphql`, {
      method: 'OPTIONS',
      headers: { origin: 'https://github.com', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/\bAuthorization\b/);
    const faulted = await fetch(`${server.url}/api/graphql`, { method: 'POST', body: '{}' }); // the fault was kept for this one
    const served = await fetch(`${server.url}/api/graphql`, { method: 'POST', body: '{}' });
    const missing = await fetch(`${server.url}/api/v3/nope`);
    for (const res of [faulted, served, missing]) {
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      expect(res.headers.get('access-control-expose-headers')).toMatch(/X-RateLimit-Remaining.*Retry-After|Retry-After.*X-RateLimit-Remaining/);
    }
    expect([faulted.status, served.status, missing.status]).toEqual([502, 200, 404]);
    expect(server.log.map((r) => [r.method, r.status])).toEqual([
      ['OPTIONS', 204],
      ['POST', 502],
      ['POST', 200],
      ['GET', 404],
    ]);
    // github.com itself (the /login/* device flow) sends no CORS headers.
    expect((await fetch(`${server.url}/login/device/code`)).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('logs a request on arrival: one still in flight is counted, in arrival order, its status filled in when answered', async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    server = await startServer({ handlers: [() => Response.json({})], sleep: () => held });
    server.faults.add({ match: { path: '/slow' }, action: { kind: 'delay', ms: 1 } });
    const slow = fetch(`${server.url}/api/v3/slow`);
    await expect.poll(() => server!.log.length).toBe(1);
    expect(server.log.map((r) => [r.path, r.status])).toEqual([['/slow', null]]);
    await fetch(`${server.url}/api/v3/fast`);
    expect(server.log.map((r) => [r.path, r.status])).toEqual([
      ['/slow', null],
      ['/fast', 200],
    ]);
    release();
    expect((await slow).status).toBe(200);
    expect(server.log.map((r) => [r.path, r.status])).toEqual([
      ['/slow', 200],
      ['/fast', 200],
    ]);
  });
});
