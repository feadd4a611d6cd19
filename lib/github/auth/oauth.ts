import type { Clock } from '../clock';
import { UnavailableError } from '../errors';

/**
 * GitHub's OAuth endpoints (`/login/device/code`, `/login/oauth/access_token`) as a public client:
 * no client secret, which GitHub requires neither for the device flow nor for refreshing its
 * tokens. Posted as a form with `Accept: application/json`: a "simple" request, because the
 * OAuth host answers no CORS preflight.
 */
export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

/** The access token (and, for expiring App user tokens, the refresh token) with their expiries. */
export interface Tokens {
  accessToken: string;
  /** Milliseconds since the epoch; absent for tokens that do not expire. */
  expiresAt?: number;
  refreshToken?: string;
  refreshExpiresAt?: number;
}

/** What GitHub said instead of a token, in words a person can act on. */
export class OAuthError extends Error {
  override readonly name = 'OAuthError';
  constructor(
    /** GitHub's `error` code, e.g. `access_denied`, or `not_found` for an unknown client id. */
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const WORDS: Record<string, string> = {
  expired_token: 'The code expired before it was entered on GitHub. Start again for a new code.',
  access_denied: 'Sign-in was cancelled on GitHub.',
  device_flow_disabled: 'This app has the device flow turned off: its owner must tick “Enable Device Flow” in the app’s settings on GitHub.',
  incorrect_client_credentials: 'GitHub knows no app with this client id.',
  bad_refresh_token: 'GitHub no longer accepts the sign-in (the refresh token expired, was revoked or was already used). Sign in again.',
};

export function oauthError(code: string, description?: string): OAuthError {
  return new OAuthError(code, WORDS[code] ?? `GitHub refused the sign-in: ${description ?? code}`);
}

export type OAuthAnswer = Record<string, unknown>;

/**
 * POSTs `params` to an OAuth endpoint. GitHub answers its OAuth errors with HTTP 200 (an
 * `OAuthError` then, GitHub's word); a dropped connection, a 5xx or an answer that is no JSON
 * object is `UnavailableError`, which never ends a sign-in.
 */
export async function postOAuth(fetch: Fetch, url: string, params: Record<string, string>): Promise<OAuthAnswer> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(params).toString(),
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch {
    throw new UnavailableError(undefined);
  }
  if (response.status === 404) throw oauthError('incorrect_client_credentials');
  const answer: unknown = response.status < 500 ? await response.json().catch(() => undefined) : undefined;
  if (typeof answer !== 'object' || answer === null) throw new UnavailableError(response.status);
  return answer as OAuthAnswer;
}

/** The token pair of a successful answer; an `OAuthError` for an `error` answer. */
export function tokensOf(answer: OAuthAnswer, clock: Pick<Clock, 'now'>): Tokens {
  if (typeof answer.error === 'string') throw oauthError(answer.error, typeof answer.error_description === 'string' ? answer.error_description : undefined);
  const { access_token, expires_in, refresh_token, refresh_token_expires_in } = answer;
  if (typeof access_token !== 'string' || !access_token) throw oauthError('no_token', 'the answer holds no access token');
  const at = (seconds: unknown) => (typeof seconds === 'number' || (typeof seconds === 'string' && seconds) ? clock.now() + Number(seconds) * 1000 : undefined);
  const tokens: Tokens = { accessToken: access_token };
  const expiresAt = at(expires_in);
  const refreshExpiresAt = at(refresh_token_expires_in);
  if (expiresAt !== undefined) tokens.expiresAt = expiresAt;
  if (typeof refresh_token === 'string' && refresh_token) tokens.refreshToken = refresh_token;
  if (refreshExpiresAt !== undefined) tokens.refreshExpiresAt = refreshExpiresAt;
  return tokens;
}

/** Trades a refresh token for a new pair; GitHub uses the old refresh token up. */
export async function refreshTokens(
  deps: { fetch: Fetch; clock: Pick<Clock, 'now'> },
  accessTokenUrl: string,
  clientId: string,
  refreshToken: string,
): Promise<Tokens> {
  const answer = await postOAuth(deps.fetch, accessTokenUrl, { client_id: clientId, grant_type: 'refresh_token', refresh_token: refreshToken });
  return tokensOf(answer, deps.clock);
}
