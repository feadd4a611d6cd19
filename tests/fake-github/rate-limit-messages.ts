/*
 * GitHub's rate-limit wordings, in one place for every part of the fake that answers them.
 * Where each comes from:
 * - "API rate limit exceeded for user ID <id>." and the secondary-limit message with its docs
 *   URL: fixtures/github-api/rest-and-graphql-error-shapes.observed.json (third-party
 *   observations; @octokit/plugin-throttling matches the latter by /\bsecondary rate\b/i);
 * - the anonymous "(But here's the good news: …)" sentence: widely quoted from GitHub, but NOT in
 *   our fixtures or reference;
 * - PRIMARY_RATE_LIMIT_DOCS: NOT captured from a GitHub answer (the fixture's primary case has no
 *   documentation_url); it is the docs page of the same name.
 * Clients must classify on status, `x-ratelimit-remaining` and GraphQL `type`, not on these texts.
 */
export function primaryRateLimitMessage(caller: { userId: number } | { ip: string }): string {
  return 'userId' in caller
    ? `API rate limit exceeded for user ID ${caller.userId}.`
    : `API rate limit exceeded for ${caller.ip}. (But here's the good news: Authenticated requests get a higher rate limit. Check out the documentation for more details.)`;
}

export const SECONDARY_RATE_LIMIT_MESSAGE = 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.';
/**
 * The secondary limit on creating content (80 a minute, 500 an hour: commits, refs, pull
 * requests), as GitHub answered it with HTTP 403 (pl-strflt/projects-migration#2, 2022-04-25;
 * hisxo/gitGraber#43, 2023-04-07). Whether it carries `retry-after` was not captured.
 */
export const CONTENT_CREATION_LIMIT_MESSAGE =
  'You have exceeded a secondary rate limit and have been temporarily blocked from content creation. Please retry your request again later.';

export const PRIMARY_RATE_LIMIT_DOCS = 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api';
export const SECONDARY_RATE_LIMIT_DOCS = 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits';

/**
 * GraphQL's primary-limit error. `current` is what GitHub has answered since 2025
 * (yanyongyu/githubkit#271, octokit/plugin-throttling.js#824 and #848): `type: "RATE_LIMIT"`,
 * `code: "graphql_rate_limit"`, "API rate limit already exceeded for user ID N."; `legacy` is the
 * documented `RATE_LIMITED` form older answers carried, kept as a fault option.
 */
export type GraphqlRateLimitForm = 'current' | 'legacy';

export function graphqlRateLimitError(userId: number, form: GraphqlRateLimitForm = 'current'): { type: string; code?: string; message: string } {
  return form === 'current'
    ? { type: 'RATE_LIMIT', code: 'graphql_rate_limit', message: `API rate limit already exceeded for user ID ${userId}.` }
    : { type: 'RATE_LIMITED', message: primaryRateLimitMessage({ userId }) };
}
