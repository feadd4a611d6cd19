/**
 * The failures a person can meet when the extension talks to GitHub, one type each, each with a
 * one-line message written for that person. They cross the message boundary to content scripts
 * as `GitHubErrorInfo` (plain data, from `info()`).
 */

/** Serialisable description of a GitHub failure: what messages carry to content scripts and pages. */
export type GitHubErrorInfo =
  | { kind: 'bad-credentials'; message: string }
  | { kind: 'sso-required'; message: string; url?: string }
  | { kind: 'missing-permission'; message: string; needed: string[]; tokenKind: 'classic' | 'fine-grained' | 'unknown' }
  | { kind: 'rate-limited'; message: string; until: number; limit: RateLimit }
  | { kind: 'not-found'; message: string }
  | { kind: 'unavailable'; message: string; status?: number }
  | { kind: 'refused'; message: string; status: number };

export type GitHubErrorKind = GitHubErrorInfo['kind'];

export abstract class GitHubError extends Error {
  abstract readonly kind: GitHubErrorKind;
  abstract info(): GitHubErrorInfo;
}

/** 401: the token is wrong, expired or revoked. */
export class BadCredentialsError extends GitHubError {
  readonly kind = 'bad-credentials';
  constructor() {
    super('GitHub did not accept your token: it is wrong, expired or revoked. Set a new one in Commit Lab’s options.');
  }
  info(): GitHubErrorInfo {
    return { kind: this.kind, message: this.message };
  }
}

/** 403 with `X-GitHub-SSO`: the organisation enforces SAML SSO and the token is not authorised for it. */
export class SsoRequiredError extends GitHubError {
  readonly kind = 'sso-required';
  constructor(readonly url: string | undefined) {
    super(
      url
        ? `This organisation uses single sign-on: authorise your token for it at ${url}`
        : 'This organisation uses single sign-on: authorise your token for it in your GitHub token settings.',
    );
  }
  info(): GitHubErrorInfo {
    return { kind: this.kind, message: this.message, ...(this.url ? { url: this.url } : {}) };
  }
}

/** 403 naming what the token lacks: scopes for a classic token, permissions for a fine-grained one. */
export class MissingPermissionError extends GitHubError {
  readonly kind = 'missing-permission';
  constructor(
    readonly needed: string[],
    readonly tokenKind: 'classic' | 'fine-grained' | 'unknown',
  ) {
    super(missingPermissionMessage(needed, tokenKind));
  }
  info(): GitHubErrorInfo {
    return { kind: this.kind, message: this.message, needed: this.needed, tokenKind: this.tokenKind };
  }
}

function missingPermissionMessage(needed: string[], tokenKind: 'classic' | 'fine-grained' | 'unknown'): string {
  if (needed.length === 0) return 'Your token lacks a permission GitHub asks for here.';
  const list = needed.join(' or ');
  if (tokenKind === 'classic') return `Your token lacks the scope ${list} GitHub asks for here.`;
  if (tokenKind === 'fine-grained') return `Your token lacks the permission ${list} GitHub asks for here.`;
  return `Your token lacks ${list}, which GitHub asks for here.`;
}

/**
 * Which limit: the hourly budget (primary), a secondary limit, or the secondary limit on creating
 * content (commits, branches, pull requests: 80 a minute, 500 an hour), which GitHub words
 * "…temporarily blocked from content creation".
 */
export type RateLimit = 'primary' | 'secondary' | 'content-creation';

/** A rate limit, with the time it lifts. */
export class RateLimitedError extends GitHubError {
  readonly kind = 'rate-limited';
  constructor(
    readonly until: Date,
    readonly limit: RateLimit,
  ) {
    super(
      limit === 'primary'
        ? `GitHub's API limit is used up until ${clockTime(until)}.`
        : limit === 'content-creation'
          ? `GitHub limits how much an account creates (commits, branches, pull requests): it accepts more after ${clockTime(until)}.`
          : `GitHub asked Commit Lab to slow down until ${clockTime(until)}.`,
    );
  }
  info(): GitHubErrorInfo {
    return { kind: this.kind, message: this.message, until: this.until.getTime(), limit: this.limit };
  }
}

/** 404 / GraphQL NOT_FOUND: GitHub hides what a token may not read behind "not found". */
export class NotFoundError extends GitHubError {
  readonly kind = 'not-found';
  constructor(readonly what: string) {
    super(`GitHub cannot find ${what}, or your token cannot read it.`);
  }
  info(): GitHubErrorInfo {
    return { kind: this.kind, message: this.message };
  }
}

/** 5xx, a dropped connection or GraphQL's "Something went wrong", after the retries. */
export class UnavailableError extends GitHubError {
  readonly kind = 'unavailable';
  constructor(readonly status: number | undefined) {
    super(status ? `GitHub is not answering properly right now (HTTP ${status}); try again in a while.` : 'GitHub could not be reached; try again in a while.');
  }
  info(): GitHubErrorInfo {
    return { kind: this.kind, message: this.message, ...(this.status ? { status: this.status } : {}) };
  }
}

/** Any other refusal (422 validation, 409 conflict…), with GitHub's own message. */
export class RefusedError extends GitHubError {
  readonly kind = 'refused';
  constructor(
    readonly status: number,
    readonly githubMessage: string,
  ) {
    super(`GitHub refused the request: ${githubMessage}`);
  }
  info(): GitHubErrorInfo {
    return { kind: this.kind, message: this.message, status: this.status };
  }
}

/** "14:05" in the person's own time zone (a date too when it is not today). */
function clockTime(at: Date): string {
  const time = at.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  return at.toDateString() === new Date().toDateString() ? time : `${at.toLocaleDateString()} ${time}`;
}
