/*
 * GitHub's rate-limit wordings, in one place for every part of the fake that answers them.
 * Primary: "API rate limit exceeded for user ID <id>." for a user, and for an anonymous caller
 * the IP plus GitHub's advice to authenticate (fixtures/github-api/rest-and-graphql-error-shapes).
 * Secondary: the message @octokit/plugin-throttling recognises by /\bsecondary rate\b/i.
 */
export function primaryRateLimitMessage(caller: { userId: number } | { ip: string }): string {
  return 'userId' in caller
    ? `API rate limit exceeded for user ID ${caller.userId}.`
    : `API rate limit exceeded for ${caller.ip}. (But here's the good news: Authenticated requests get a higher rate limit. Check out the documentation for more details.)`;
}

export const SECONDARY_RATE_LIMIT_MESSAGE = 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.';

export const PRIMARY_RATE_LIMIT_DOCS = 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api';
export const SECONDARY_RATE_LIMIT_DOCS = 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits';
