import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock';
import type { Handler } from '../server';
import { tokenOf, type Permissions, type TokenRegistry } from '../tokens';

/**
 * Expiring GitHub App user tokens, as the device flow and refresh grant hand them out:
 * `ghu_…` access tokens valid 8 hours, `ghr_…` refresh tokens valid 6 months and good once
 * (docs: "Refreshing user access tokens"). Expiry follows the fake's clock.
 */
export const ACCESS_TOKEN_SECONDS = 8 * 3600;
export const REFRESH_TOKEN_SECONDS = 15_811_200;

/**
 * What the Commit Lab App asks for (reference github-api.md §1f): a user token can do only what
 * both the user and the App can, so this is what the fake grants a device-flow token by default.
 */
export const APP_PERMISSIONS: Permissions = {
  contents: 'write',
  pull_requests: 'write',
  checks: 'read',
  statuses: 'read',
  actions: 'write',
  metadata: 'read',
};

export interface TokenPair {
  access_token: string;
  expires_in: number;
  refresh_token: string;
  refresh_token_expires_in: number;
  scope: string;
  token_type: 'bearer';
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const randomToken = (prefix: string, length: number) => prefix + Array.from(randomBytes(length), (b) => BASE62[b % 62]).join('');

interface Issued {
  login: string;
  clientId: string;
  permissions: Permissions;
  expiresAt: number;
}

export class UserTokens {
  private readonly access = new Map<string, Issued>();
  private readonly refresh = new Map<string, Issued>();

  /** Tokens are minted into `registry` as `app-user` tokens, and marked expired there when they expire. */
  constructor(
    private readonly clock: Clock,
    private readonly registry: TokenRegistry,
  ) {}

  issue(login: string, clientId: string, permissions: Permissions = APP_PERMISSIONS): TokenPair {
    const now = this.clock.now();
    const pair: TokenPair = {
      access_token: randomToken('ghu_', 36),
      expires_in: ACCESS_TOKEN_SECONDS,
      refresh_token: randomToken('ghr_', 76),
      refresh_token_expires_in: REFRESH_TOKEN_SECONDS,
      scope: '',
      token_type: 'bearer',
    };
    this.access.set(pair.access_token, { login, clientId, permissions, expiresAt: now + ACCESS_TOKEN_SECONDS * 1000 });
    this.refresh.set(pair.refresh_token, { login, clientId, permissions, expiresAt: now + REFRESH_TOKEN_SECONDS * 1000 });
    this.registry.add(pair.access_token, login, { kind: 'app-user', permissions });
    return pair;
  }

  /** A new pair for a live refresh token of this app, which is used up; undefined otherwise. */
  redeem(refreshToken: string, clientId: string): TokenPair | undefined {
    const issued = this.refresh.get(refreshToken);
    if (!issued || issued.clientId !== clientId || this.clock.now() >= issued.expiresAt) return undefined;
    this.refresh.delete(refreshToken);
    return this.issue(issued.login, clientId, issued.permissions);
  }

  /** Whether this is one of our tokens past its 8 hours; the registry learns of it here. */
  isExpired(token: string): boolean {
    const issued = this.access.get(token);
    if (issued === undefined || this.clock.now() < issued.expiresAt) return false;
    this.registry.expire(token);
    return true;
  }

  /** Ends every live access token of `login` now, as 8 hours passing would. */
  expireAll(login: string): number {
    const now = this.clock.now();
    const live = [...this.access].filter(([, t]) => t.login === login && now < t.expiresAt);
    for (const [token, issued] of live) {
      issued.expiresAt = now;
      this.registry.expire(token);
    }
    return live.length;
  }

  /**
   * Goes before the API routes: a user token past its 8 hours is marked expired in the registry
   * here, so REST and GraphQL answer it 401 "Bad credentials" as GitHub does.
   * Also serves `POST /_fake/tokens/expire {login}` for tests driving the fake over HTTP.
   */
  readonly handler: Handler = (req) => {
    if (req.method === 'POST' && req.path === '/_fake/tokens/expire') {
      const { login } = req.json() as { login?: unknown };
      if (typeof login !== 'string') return Response.json({ message: 'login is required' }, { status: 400 });
      return Response.json({ expired: this.expireAll(login) });
    }
    const token = tokenOf(req.headers.get('authorization'));
    if (req.site === 'api' && token) this.isExpired(token);
    return undefined;
  };
}
