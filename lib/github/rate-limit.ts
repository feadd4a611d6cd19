import type { GitHubClient } from './client';

/** One of GitHub's rate-limit buckets: requests left of the hour's limit, and when it resets (epoch seconds). */
export interface RateBucket {
  remaining: number;
  limit: number;
  reset: number;
}

/** What is left of the REST (`core`) and GraphQL buckets: `GET /rate_limit`, which GitHub does not count against either. */
export async function rateLimitLeft(client: GitHubClient): Promise<{ core: RateBucket; graphql: RateBucket }> {
  const { data } = await client.call((octokit) => octokit.request('GET /rate_limit'));
  const bucket = ({ remaining, limit, reset }: RateBucket): RateBucket => ({ remaining, limit, reset });
  return { core: bucket(data.resources.core), graphql: bucket(data.resources.graphql ?? data.resources.core) };
}
