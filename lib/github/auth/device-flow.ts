import type { Clock } from '../clock';
import type { GitHubEndpoints } from '../host';
import { oauthError, postOAuth, tokensOf, type Fetch, type Tokens } from './oauth';

/**
 * GitHub's OAuth device flow for a GitHub App or OAuth App client id (docs: "Authorizing OAuth
 * apps", device flow): ask for a code, show it to the user, poll until they approve it on GitHub.
 */
export const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
/** What `slow_down` adds when GitHub does not say the new interval (its documented step). */
const SLOW_DOWN_SECONDS = 5;

export interface DeviceCode {
  deviceCode: string;
  /** What the user types at `verificationUri`, e.g. `WDJB-MJHT`. */
  userCode: string;
  verificationUri: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
  /** Seconds between polls. */
  interval: number;
}

export interface DeviceFlowDeps {
  fetch: Fetch;
  clock: Clock;
}

type Endpoints = Pick<GitHubEndpoints, 'deviceCode' | 'accessToken'>;

export async function startDeviceFlow(deps: DeviceFlowDeps, endpoints: Endpoints, clientId: string): Promise<DeviceCode> {
  // `scope` is read by OAuth Apps (Commit Lab reads and writes repositories) and ignored by GitHub Apps.
  const answer = await postOAuth(deps.fetch, endpoints.deviceCode, { client_id: clientId, scope: 'repo' });
  if (typeof answer.error === 'string') throw oauthError(answer.error, typeof answer.error_description === 'string' ? answer.error_description : undefined);
  const { device_code, user_code, verification_uri, expires_in, interval } = answer;
  if (typeof device_code !== 'string' || typeof user_code !== 'string' || typeof verification_uri !== 'string') {
    throw oauthError('no_code', 'the answer holds no device code');
  }
  return {
    deviceCode: device_code,
    userCode: user_code,
    verificationUri: verification_uri,
    expiresAt: deps.clock.now() + Number(expires_in ?? 900) * 1000,
    interval: Number(interval ?? SLOW_DOWN_SECONDS),
  };
}

/**
 * Polls at GitHub's interval (raised by every `slow_down`) until the user approves the code, and
 * resolves with the tokens; rejects with an `OAuthError` in words when the user cancels, the code
 * expires (GitHub says `expired_token` after `expires_in`) or the app has the device flow turned
 * off, and with the signal's reason when aborted.
 */
export async function pollDeviceFlow(deps: DeviceFlowDeps, endpoints: Endpoints, clientId: string, code: DeviceCode, signal?: AbortSignal): Promise<Tokens> {
  let interval = code.interval;
  for (;;) {
    await deps.clock.sleep(interval * 1000, signal);
    const answer = await postOAuth(deps.fetch, endpoints.accessToken, { client_id: clientId, device_code: code.deviceCode, grant_type: DEVICE_GRANT });
    signal?.throwIfAborted();
    if (answer.error === 'authorization_pending') continue;
    if (answer.error === 'slow_down') {
      interval = typeof answer.interval === 'number' || typeof answer.interval === 'string' ? Number(answer.interval) : interval + SLOW_DOWN_SECONDS;
      continue;
    }
    return tokensOf(answer, deps.clock);
  }
}
