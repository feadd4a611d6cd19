import { randomBytes, randomInt } from 'node:crypto';
import type { Clock, Waits } from '../clock';
import type { FakeRequest, Handler } from '../server';
import type { Permissions } from '../tokens';
import type { UserTokens } from './user-tokens';

/*
 * GitHub's OAuth device flow on the web site (docs: "Authorizing OAuth apps", device flow;
 * "Generating a user access token for a GitHub App"):
 * POST /login/device/code {client_id} → device_code, user_code, verification_uri, expires_in, interval;
 * POST /login/oauth/access_token {client_id, device_code, grant_type=…device_code} → an error
 * while the user has not approved, then the token pair; {grant_type=refresh_token} refreshes.
 * The user's side (entering the code at github.com/login/device) is driven by the test:
 * approve(), deny(). OAuth errors are answered with HTTP 200, as GitHub does.
 */
export const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
const CODE_SECONDS = 900;
const ERROR_URI = 'https://docs.github.com/developers/apps/authorizing-oauth-apps#error-codes-for-the-device-flow';

/** GitHub's error descriptions for the token endpoint. */
const OAUTH_ERRORS = {
  authorization_pending: 'The authorization request is still pending.',
  slow_down: 'Too many requests have been made in the same timeframe.',
  expired_token: 'The device_code has expired.',
  access_denied: 'The authorization request was denied.',
  incorrect_device_code: 'The device_code provided is not valid.',
  incorrect_client_credentials: 'The client_id and/or client_secret passed are incorrect.',
  unsupported_grant_type: 'The grant type is not supported.',
  device_flow_disabled: 'Device Flow must be explicitly enabled for this App',
  bad_refresh_token: 'The refresh token passed is incorrect or expired.',
} as const;
type OAuthError = keyof typeof OAUTH_ERRORS;

export interface DeviceApp {
  clientId: string;
  /** Whether "Enable Device Flow" is ticked in the app's settings (default: true). */
  deviceFlow?: boolean;
  /** The App's permissions, which its user tokens get (default: APP_PERMISSIONS). */
  permissions?: Permissions;
}

interface Authorization {
  clientId: string;
  deviceCode: string;
  userCode: string;
  expiresAt: number;
  interval: number;
  lastPollAt?: number;
  state: 'pending' | 'approved' | 'denied' | 'redeemed';
  login?: string;
}

/** Parameters from the query, a form body or a JSON body (octokit sends JSON, browsers forms). */
function params(req: FakeRequest): URLSearchParams {
  const out = new URLSearchParams(req.url.search);
  const type = req.headers.get('content-type') ?? '';
  if (type.includes('application/json')) {
    const body = req.json();
    if (typeof body === 'object' && body !== null) for (const [k, v] of Object.entries(body)) out.set(k, String(v));
  } else if (req.body.length) {
    for (const [k, v] of new URLSearchParams(req.text())) out.set(k, v);
  }
  return out;
}

/** GitHub answers form-encoded unless the client asks for JSON. */
function answer(req: FakeRequest, body: Record<string, string | number>, status = 200): Response {
  if ((req.headers.get('accept') ?? '').includes('application/json')) return Response.json(body, { status });
  const form = new URLSearchParams(Object.entries(body).map(([k, v]) => [k, String(v)]));
  return new Response(form.toString(), { status, headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' } });
}

function oauthError(req: FakeRequest, error: OAuthError, extra: Record<string, number> = {}): Response {
  return answer(req, { error, error_description: OAUTH_ERRORS[error], error_uri: ERROR_URI, ...extra });
}

function userCode(): string {
  // GitHub's codes: eight letters/digits in two groups, e.g. WDJB-MJHT.
  const alphabet = 'BCDFGHJKLMNPQRSTVWXZ0123456789';
  const pick = () => Array.from({ length: 4 }, () => alphabet[randomInt(alphabet.length)]).join('');
  return `${pick()}-${pick()}`;
}

export class DeviceFlow {
  private readonly apps = new Map<string, DeviceApp>();
  private readonly byDeviceCode = new Map<string, Authorization>();

  constructor(private readonly deps: { clock: Clock; waits: Waits; tokens: UserTokens; apps: DeviceApp[] }) {
    for (const app of deps.apps) this.apps.set(app.clientId, { ...app });
  }

  /** The user enters the code and authorizes the app as `login`. */
  approve(code: string, login: string): void {
    const auth = this.byUserCode(code);
    auth.state = 'approved';
    auth.login = login;
  }

  /** The user clicks Cancel. */
  deny(code: string): void {
    this.byUserCode(code).state = 'denied';
  }

  /** Ticks or unticks "Enable Device Flow" in the app's settings. */
  setDeviceFlow(clientId: string, enabled: boolean): void {
    const app = this.apps.get(clientId);
    if (!app) throw new Error(`no app ${clientId}`);
    app.deviceFlow = enabled;
  }

  /** The web endpoints, plus `POST /_fake/device/approve {user_code, login}` and `/_fake/device/deny {user_code}`. */
  readonly handler: Handler = (req) => {
    if (req.method === 'POST' && req.path.startsWith('/_fake/device/')) return this.control(req);
    if (req.site !== 'web' || req.method !== 'POST') return undefined;
    if (req.path === '/login/device/code') return this.deviceCode(req);
    if (req.path === '/login/oauth/access_token') return this.accessToken(req);
    return undefined;
  };

  private control(req: FakeRequest): Response | undefined {
    const { user_code: code, login } = req.json() as { user_code?: unknown; login?: unknown };
    if (typeof code !== 'string') return Response.json({ message: 'user_code is required' }, { status: 400 });
    try {
      if (req.path === '/_fake/device/approve' && typeof login === 'string') this.approve(code, login);
      else if (req.path === '/_fake/device/deny') this.deny(code);
      else return Response.json({ message: 'approve needs user_code and login; deny needs user_code' }, { status: 400 });
    } catch (error) {
      return Response.json({ message: (error as Error).message }, { status: 404 });
    }
    return new Response(null, { status: 204 });
  }

  private byUserCode(code: string): Authorization {
    const auth = [...this.byDeviceCode.values()].find((a) => a.userCode === code);
    if (!auth) throw new Error(`no pending authorization with user code ${code}`);
    return auth;
  }

  private deviceCode(req: FakeRequest): Response {
    const app = this.apps.get(params(req).get('client_id') ?? '');
    if (!app) return answer(req, { error: 'Not Found' }, 404);
    if (app.deviceFlow === false) {
      return answer(req, { error: 'device_flow_disabled', error_description: OAUTH_ERRORS.device_flow_disabled }, 400);
    }
    const now = this.deps.clock.now();
    const auth: Authorization = {
      clientId: app.clientId,
      deviceCode: randomBytes(20).toString('hex'),
      userCode: userCode(),
      expiresAt: now + CODE_SECONDS * 1000,
      interval: this.deps.waits.deviceIntervalSeconds,
      state: 'pending',
    };
    this.byDeviceCode.set(auth.deviceCode, auth);
    return answer(req, {
      device_code: auth.deviceCode,
      user_code: auth.userCode,
      verification_uri: 'https://github.com/login/device',
      expires_in: CODE_SECONDS,
      interval: auth.interval,
    });
  }

  private accessToken(req: FakeRequest): Response {
    const p = params(req);
    const clientId = p.get('client_id') ?? '';
    const app = this.apps.get(clientId);
    if (!app) return oauthError(req, 'incorrect_client_credentials');
    const grant = p.get('grant_type');
    if (grant === 'refresh_token') {
      const pair = this.deps.tokens.redeem(p.get('refresh_token') ?? '', clientId);
      return pair ? answer(req, { ...pair }) : oauthError(req, 'bad_refresh_token');
    }
    if (grant !== DEVICE_GRANT) return oauthError(req, 'unsupported_grant_type');

    const auth = this.byDeviceCode.get(p.get('device_code') ?? '');
    if (!auth || auth.clientId !== clientId || auth.state === 'redeemed') return oauthError(req, 'incorrect_device_code');
    if (app.deviceFlow === false) return oauthError(req, 'device_flow_disabled');
    const now = this.deps.clock.now();
    if (now >= auth.expiresAt) return oauthError(req, 'expired_token');
    // GitHub checks the polling rate before the user's answer: polling early costs 5 more seconds.
    const early = auth.lastPollAt !== undefined && now - auth.lastPollAt < auth.interval * 1000;
    auth.lastPollAt = now;
    if (early) {
      auth.interval += this.deps.waits.slowDownStepSeconds;
      return oauthError(req, 'slow_down', { interval: auth.interval });
    }
    if (auth.state === 'denied') return oauthError(req, 'access_denied');
    if (auth.state === 'pending') return oauthError(req, 'authorization_pending');
    auth.state = 'redeemed';
    return answer(req, { ...this.deps.tokens.issue(auth.login!, clientId, app.permissions) });
  }
}
