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
      handlers: [
        (req) => (req.site === 'api' && req.path === '/user' ? Response.json({ login: 'octocat' }) : undefined),
      ],
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
});
