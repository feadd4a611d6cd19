/**
 * Where GitHub's OpenAPI description and GitHub's behaviour (or its own examples) disagree.
 * Each entry says why it is here; keep the list short. The validator consults it instead of
 * failing; contract.test.ts fails when a listed doc example no longer fails, so a stale entry
 * cannot stay.
 */

/**
 * Error statuses GitHub answers on every route although most operations do not declare them.
 * Their bodies are still checked, against the description's `basic-error` schema.
 * - 401: "Bad credentials" for an expired or revoked token
 *   (docs.github.com/rest/overview/troubleshooting-the-rest-api).
 * - 403: rate limit exhausted, SAML SSO enforcement (`x-github-sso`), a fine-grained token
 *   without the permission (`x-accepted-github-permissions`).
 * - 404: a repository the token cannot see is reported as missing, never as forbidden.
 */
export const UNDECLARED_ERROR_STATUSES: ReadonlySet<number> = new Set([401, 403, 404]);

/**
 * `304 Not Modified` answers any conditional GET whose ETag still matches
 * (docs: best-practices-for-using-the-rest-api, "Use conditional requests"); only some
 * operations declare it.
 */
export const CONDITIONAL_STATUS = 304;

/**
 * Raw media types (`application/vnd.github.raw+json` and friends) are documented in each
 * operation's prose ("Supports the following custom media types"), not as response content,
 * so the description has no schema for a raw body: it is accepted as text without a check.
 */
export const RAW_MEDIA_TYPE = /^application\/vnd\.github(\.v3)?\.raw/;

/** GitHub's own documentation examples that fail GitHub's own schemas, by root cause. */
export const FAILING_DOC_EXAMPLES: ReadonlyArray<{ why: string; examples: readonly string[] }> = [
  {
    why: 'the `pull-request` and `pull-request-simple` examples list a requested team without `type`, which the `team` schema requires',
    examples: [
      'GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls 200',
      'GET /repos/{owner}/{repo}/pulls 200',
      'POST /repos/{owner}/{repo}/pulls 201',
      'GET /repos/{owner}/{repo}/pulls/{pull_number} 200',
    ],
  },
  {
    why: 'the `full-repository` example omits `language` (on the repository and on its `source`), which the schema requires (as nullable)',
    examples: ['GET /repos/{owner}/{repo} 200'],
  },
];
