import type { Handler } from '../server';
import { RestValidator } from './validator';

/** What the contract check saw: per operation, how many requests and answers it validated. */
export interface ContractLog {
  checked: Map<string, { requests: number; responses: number; statuses: Set<number> }>;
  violations: string[];
}

function parseJson(text: string): unknown {
  return text === '' ? undefined : (JSON.parse(text) as unknown);
}

/**
 * Wraps the REST handler so every API request and every answer is validated against GitHub's
 * description (validator.ts). Violations are collected, not thrown, so a test can report all
 * of them at once; tests assert the list is empty.
 */
export function withContract(handler: Handler, validator = new RestValidator()): { handler: Handler; log: ContractLog } {
  const log: ContractLog = { checked: new Map(), violations: [] };
  const wrapped: Handler = async (req) => {
    if (req.site !== 'api' || req.path === '/graphql' || req.method === 'OPTIONS') return handler(req);
    let body: unknown;
    try {
      body = parseJson(req.text());
    } catch {
      body = req.text();
    }
    const request = validator.checkRequest({ method: req.method, path: req.path, query: req.url.searchParams, body });
    const where = `${req.method} ${req.path}${req.url.search}`;
    log.violations.push(...request.errors.map((e) => `${where}: request ${e}`));
    const response = await handler(req);
    if (!response || !request.match) return response;
    const op = request.match.operation;
    const entry = log.checked.get(op) ?? { requests: 0, responses: 0, statuses: new Set<number>() };
    entry.requests++;
    const contentType = response.headers.get('content-type');
    const text = await response.clone().text();
    let parsed: unknown = text === '' ? undefined : text;
    if (contentType?.startsWith('application/json')) {
      try {
        parsed = parseJson(text);
      } catch {
        log.violations.push(`${where}: answer is not JSON`);
      }
    }
    const errors = validator.checkResponse(op, { status: response.status, contentType, body: parsed });
    log.violations.push(...errors.map((e) => `${where} → ${response.status}: ${e}`));
    entry.responses++;
    entry.statuses.add(response.status);
    log.checked.set(op, entry);
    return response;
  };
  return { handler: wrapped, log };
}
