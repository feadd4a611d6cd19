import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWorld, type World } from '../worlds/test-world';

/** What @octokit/rest, the client the extension uses, makes of the faults on the fake's real REST routes. */
describe('faults seen through @octokit/rest', () => {
  let w: World;
  beforeEach(async () => (w = await startWorld()));
  afterEach(async () => w.close());

  const listCommits = () => w.octokit().rest.repos.listCommits({ owner: 'octocat', repo: 'demo', sha: 'main' });

  /** The RequestError @octokit/rest throws (its package is not a direct dependency, so by shape). */
  interface RequestError extends Error {
    status: number;
    response?: { headers: Record<string, string | undefined> };
  }
  async function failure(call: Promise<unknown>): Promise<RequestError> {
    const error = await call.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ name: 'HttpError', status: expect.any(Number) });
    return error as RequestError;
  }

  it('a primary-limited read is a 403 with remaining 0; the next read is served from git', async () => {
    w.server.faults.add({ match: { method: 'GET', path: '/repos/{owner}/{repo}/commits' }, action: { kind: 'primary-rate-limit' } });
    const error = await failure(listCommits());
    expect(error.status).toBe(403);
    expect(error.response?.headers['x-ratelimit-remaining']).toBe('0');
    expect(error.message).toMatch(/^API rate limit exceeded for user ID 1\./);
    const { data } = await listCommits();
    expect(data.map((c) => c.sha)).toEqual([w.commits.c3, w.commits.c2, w.commits.c1]);
  });

  it('a secondary limit is a 429 with retry-after and the message throttling clients match', async () => {
    w.server.waits.retryAfterSeconds = 0;
    w.server.faults.add({ match: { path: '/repos/{owner}/{repo}/commits' }, action: { kind: 'secondary-rate-limit', status: 429 } });
    const error = await failure(listCommits());
    expect([error.status, error.response?.headers['retry-after']]).toEqual([429, '0']);
    expect(error.message).toMatch(/\bsecondary rate\b/i);
  });

  it('a dropped connection is a network error, not an HTTP status', async () => {
    w.server.faults.add({ match: { path: '/repos/{owner}/{repo}/commits' }, action: { kind: 'drop-before' } });
    const error = await failure(listCommits());
    expect(error.status).toBe(500); // @octokit/request reports fetch failures as status 500 with no response
    expect(error.response).toBeUndefined();
  });
});
