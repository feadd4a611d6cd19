import type { Waits } from '../clock';
import type { Handler, LoggedRequest } from '../server';
import type { FaultAction, FaultMatch, FaultRegistry, FaultSpec } from './registry';

/**
 * The control API, for tests that drive the fake over HTTP (end-to-end runs, other processes):
 * - `GET|POST|DELETE /_fake/faults`, `DELETE /_fake/faults/{id}`;
 * - `GET|DELETE /_fake/log`;
 * - `GET|PATCH /_fake/waits` (seconds, ≥ 0).
 */
export function controlHandler(deps: { faults: FaultRegistry; waits: Waits; log: LoggedRequest[] }): Handler {
  return (req) => {
    const { faults, waits, log } = deps;
    const route = `${req.method} ${req.path}`;
    try {
      if (route === 'GET /_fake/faults') return Response.json(faults.list());
      if (route === 'POST /_fake/faults') return Response.json(faults.add(parseFaultSpec(req.json())), { status: 201 });
      if (route === 'DELETE /_fake/faults') return (faults.clear(), new Response(null, { status: 204 }));
      const one = /^DELETE \/_fake\/faults\/(\d+)$/.exec(route);
      if (one) return new Response(null, { status: faults.remove(Number(one[1])) ? 204 : 404 });
      if (route === 'GET /_fake/log') return Response.json(log);
      if (route === 'DELETE /_fake/log') return (log.splice(0), new Response(null, { status: 204 }));
      if (route === 'GET /_fake/waits') return Response.json(waits);
      if (route === 'PATCH /_fake/waits') return (Object.assign(waits, parseWaits(req.json())), Response.json(waits));
    } catch (error) {
      return Response.json({ message: error instanceof Error ? error.message : String(error) }, { status: 400 });
    }
    return undefined;
  };
}

function record(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${what} must be an object`);
  return value as Record<string, unknown>;
}

function optional<T>(value: unknown, check: (v: unknown) => v is T, what: string): T | undefined {
  if (value === undefined) return undefined;
  if (!check(value)) throw new Error(`bad ${what}`);
  return value;
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isLimitStatus = (v: unknown): v is 403 | 429 => v === 403 || v === 429;
const isSite = (v: unknown): v is 'web' | 'api' => v === 'web' || v === 'api';
const isHeaders = (v: unknown): v is Record<string, string> => typeof v === 'object' && v !== null && Object.values(v).every(isString);

function parseAction(value: unknown): FaultAction {
  const a = record(value, 'action');
  switch (a.kind) {
    case 'status': {
      if (!isCount(a.status) || a.status < 100 || a.status > 599) throw new Error('bad action.status');
      return { kind: 'status', status: a.status, body: a.body, headers: optional(a.headers, isHeaders, 'action.headers') };
    }
    case 'delay': {
      if (!isCount(a.ms)) throw new Error('bad action.ms');
      return { kind: 'delay', ms: a.ms };
    }
    case 'drop-before':
    case 'drop-after':
      return { kind: a.kind };
    case 'primary-rate-limit':
      return { kind: a.kind, status: optional(a.status, isLimitStatus, 'action.status'), userId: optional(a.userId, isCount, 'action.userId') };
    case 'secondary-rate-limit':
      return {
        kind: a.kind,
        status: optional(a.status, isLimitStatus, 'action.status'),
        contentCreation: optional(a.contentCreation, (v): v is boolean => typeof v === 'boolean', 'action.contentCreation'),
      };
    case 'concurrent-push':
      return { kind: a.kind, answer: optional(a.answer, (v): v is 'stale-data' | 'ref-is-at' => v === 'stale-data' || v === 'ref-is-at', 'action.answer') };
    default:
      throw new Error(`unknown action.kind ${JSON.stringify(a.kind)}`);
  }
}

export function parseFaultSpec(value: unknown): FaultSpec {
  const spec = record(value, 'fault');
  const m = record(spec.match ?? {}, 'match');
  const match: FaultMatch = {
    site: optional(m.site, isSite, 'match.site'),
    method: optional(m.method, isString, 'match.method'),
    path: optional(m.path, isString, 'match.path'),
    operation: optional(m.operation, isString, 'match.operation'),
  };
  return {
    match: Object.fromEntries(Object.entries(match).filter(([, v]) => v !== undefined)),
    action: parseAction(spec.action),
    times: optional(spec.times, isCount, 'times'),
    forMs: optional(spec.forMs, isCount, 'forMs'),
  };
}

function parseWaits(value: unknown): Partial<Waits> {
  const w = record(value, 'waits');
  const keys: (keyof Waits)[] = ['retryAfterSeconds', 'primaryResetSeconds', 'deviceIntervalSeconds', 'slowDownStepSeconds'];
  const out: Partial<Waits> = {};
  for (const [key, v] of Object.entries(w)) {
    if (!keys.includes(key as keyof Waits)) throw new Error(`unknown wait ${key}`);
    if (!isCount(v)) throw new Error(`bad ${key}`);
    out[key as keyof Waits] = v;
  }
  return out;
}
