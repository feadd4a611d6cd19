import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from '../../tests/fake-github/app';
import { createGitHubClient } from './client';
import { enterpriseHost } from './host';
import { rateLimitLeft } from './rate-limit';

const SAMPLE = fileURLToPath(new URL('../../tests/fake-github/sample', import.meta.url));
let fake: FakeGitHub;
beforeAll(async () => {
  fake = await startFakeGitHub({ seeds: [{ owner: 'acme', name: 'iris', folder: SAMPLE }] });
});
afterAll(() => fake.close());

describe('rateLimitLeft', () => {
  it('reads both buckets from GET /rate_limit, and a counted request shows in the REST one', async () => {
    const github = createGitHubClient({ host: enterpriseHost(fake.url), token: 'ghp_ratelimit', sleep: async () => {}, now: () => fake.server.clock.now() });
    const before = await rateLimitLeft(github);
    expect(before.core.limit).toBeGreaterThan(0);
    expect(before.graphql.limit).toBeGreaterThan(0);
    await github.call((o) => o.rest.repos.get({ owner: 'acme', repo: 'iris' }));
    const after = await rateLimitLeft(github);
    expect(after.core.remaining).toBe(before.core.remaining - 1); // GitHub does not count /rate_limit itself
    expect(after.graphql.remaining).toBe(before.graphql.remaining);
  });
});
