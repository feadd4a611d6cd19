import type { Clock } from '../clock';
import type { GraphqlRateLimitForm } from '../rate-limit-messages';
import type { Site } from '../server';

/** What a fault does to a request it catches. */
export type FaultAction =
  /** Answer with this status and GitHub's body for it (or `body`), without running the handler. */
  | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
  /** Hold the request this long, then serve it normally. */
  | { kind: 'delay'; ms: number }
  /** Destroy the socket before the operation takes effect: nothing happened, no answer. */
  | { kind: 'drop-before' }
  /** Run the operation (the commit is made), then destroy the socket: the answer is lost. */
  | { kind: 'drop-after' }
  /** Primary limit exhausted: `x-ratelimit-remaining: 0`; REST 403/429, GraphQL 200 + `RATE_LIMIT` (or the older `RATE_LIMITED`: `graphqlForm: 'legacy'`). */
  | { kind: 'primary-rate-limit'; status?: 403 | 429; userId?: number; graphqlForm?: GraphqlRateLimitForm }
  /** Secondary limit: 403/429 with `retry-after` and GitHub's "secondary rate limit" message (its content-creation form with `contentCreation`). */
  | { kind: 'secondary-rate-limit'; status?: 403 | 429; contentCreation?: boolean }
  /**
   * Another push lands on the branch while a `createCommitOnBranch` is under way, after its head
   * check and before its compare-and-swap: the write loses the race and moves nothing. GitHub
   * answers STALE_DATA, or, as live runs saw for a real race, `answer: 'ref-is-at'`:
   * `Ref refs/heads/<b> is at <oid> but expected <oid>` (reference/github-wordings.md D1).
   * Other requests it catches are served normally.
   */
  | { kind: 'concurrent-push'; answer?: 'stale-data' | 'ref-is-at' };

export type FaultKind = FaultAction['kind'];

/**
 * Which requests a fault catches; every given field must match. `path` is routed path syntax:
 * exact, `{name}` for one segment, a trailing `/*` for any rest (`/repos/{o}/{r}/git/refs/*`).
 * `operation` is a GraphQL operation name and implies POST /graphql on the API site.
 */
export interface FaultMatch {
  site?: Site;
  method?: string;
  path?: string;
  operation?: string;
}

/** A fault lasts for the next `times` matching requests, or for `forMs` from now (default: once). */
export interface FaultSpec {
  match: FaultMatch;
  action: FaultAction;
  times?: number;
  forMs?: number;
}

export interface ActiveFault {
  id: number;
  match: FaultMatch;
  action: FaultAction;
  remaining?: number;
  /** End of the time window, epoch ms. */
  until?: number;
}

export interface FaultTarget {
  site: Site;
  method: string;
  path: string;
  operation?: string;
  /** Whether the request carries an Authorization header (GitHub limits anonymous callers per IP). */
  authenticated: boolean;
}

function pathPattern(pattern: string): RegExp {
  const rest = pattern.endsWith('/*');
  const fixed = rest ? pattern.slice(0, -2) : pattern;
  const body = fixed
    .split('/')
    .map((segment) => (/^\{[^/{}]+\}$/.test(segment) ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${body}${rest ? '(?:/.*)?' : ''}$`);
}

export function matches(match: FaultMatch, target: FaultTarget): boolean {
  if (match.operation !== undefined) {
    if (target.site !== 'api' || target.path !== '/graphql' || target.operation !== match.operation) return false;
  }
  if (match.site !== undefined && match.site !== target.site) return false;
  if (match.method !== undefined && match.method.toUpperCase() !== target.method.toUpperCase()) return false;
  if (match.path !== undefined && !pathPattern(match.path).test(target.path)) return false;
  return true;
}

/** Faults waiting for their requests, tried in the order they were added. */
export class FaultRegistry {
  private faults: ActiveFault[] = [];
  private nextId = 1;

  constructor(private readonly clock: Clock) {}

  add(spec: FaultSpec): ActiveFault {
    if (spec.times !== undefined && spec.forMs !== undefined) throw new Error('a fault lasts for `times` or `forMs`, not both');
    const fault: ActiveFault = { id: this.nextId++, match: spec.match, action: spec.action };
    if (spec.forMs !== undefined) fault.until = this.clock.now() + spec.forMs;
    else fault.remaining = spec.times ?? 1;
    this.faults.push(fault);
    return fault;
  }

  remove(id: number): boolean {
    const before = this.faults.length;
    this.faults = this.faults.filter((f) => f.id !== id);
    return this.faults.length < before;
  }

  clear(): void {
    this.faults = [];
  }

  list(): ActiveFault[] {
    this.prune();
    return this.faults.map((f) => ({ ...f }));
  }

  /** The fault this request trips, if any; counts the request against it. */
  take(target: FaultTarget): ActiveFault | undefined {
    this.prune();
    const fault = this.faults.find((f) => matches(f.match, target));
    if (!fault) return undefined;
    if (fault.remaining !== undefined) {
      fault.remaining -= 1;
      if (fault.remaining <= 0) this.remove(fault.id);
    }
    return fault;
  }

  private prune(): void {
    const now = this.clock.now();
    this.faults = this.faults.filter((f) => (f.until === undefined || now < f.until) && (f.remaining ?? 1) > 0);
  }
}
