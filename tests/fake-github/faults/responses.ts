import { STATUS_CODES } from 'node:http';
import type { Waits } from '../clock';
import {
  CONTENT_CREATION_LIMIT_MESSAGE,
  graphqlRateLimitError,
  PRIMARY_RATE_LIMIT_DOCS,
  primaryRateLimitMessage,
  SECONDARY_RATE_LIMIT_DOCS,
  SECONDARY_RATE_LIMIT_MESSAGE,
} from '../rate-limit-messages';
import { REST_DOCS } from '../rest/errors';
import { rateLimitHeaders, UNAUTHENTICATED_LIMIT } from '../rest/rate-limit';
import { PRIMARY_LIMITS } from '../store';
import type { ActiveFault, FaultTarget } from './registry';

// GitHub's answers for the faults that answer, in GitHub's wording.

/** GraphQL's answer to an internal failure; @octokit/plugin-retry retries on this text. */
const GRAPHQL_SOMETHING_WENT_WRONG =
  'Something went wrong while executing your query. This may be the result of a timeout, or it could be a GitHub bug. Please include `0000:0000:0000000:0000000:00000000` when reporting this issue.';

const MESSAGES: Record<number, string> = { 401: 'Bad credentials', 422: 'Validation Failed', 500: 'Server Error' };

function isGraphql(target: FaultTarget): boolean {
  return target.site === 'api' && target.path === '/graphql';
}

/** GitHub's body for a bare status: the REST error envelope, GraphQL's error list, or a page. */
function statusBody(status: number, target: FaultTarget): { body: string; type: string } {
  if (target.site === 'web') return { body: STATUS_CODES[status] ?? String(status), type: 'text/html; charset=utf-8' };
  if (isGraphql(target) && status >= 500) {
    return { body: JSON.stringify({ data: null, errors: [{ message: GRAPHQL_SOMETHING_WENT_WRONG }] }), type: 'application/json; charset=utf-8' };
  }
  const message = MESSAGES[status] ?? STATUS_CODES[status] ?? 'Error';
  const docs = isGraphql(target) ? 'https://docs.github.com/graphql' : REST_DOCS;
  return { body: JSON.stringify({ message, documentation_url: docs, status: String(status) }), type: 'application/json; charset=utf-8' };
}

/** When a primary-limit window ends: the fault's own window, else `primaryResetSeconds` from now. */
export function primaryResetEpochSeconds(fault: ActiveFault, nowMs: number, waits: Waits): number {
  return fault.until !== undefined ? Math.ceil(fault.until / 1000) : Math.floor(nowMs / 1000) + waits.primaryResetSeconds;
}

/** The answer for a fault that answers instead of the handler; undefined for delays and drops. */
export function faultResponse(fault: ActiveFault, target: FaultTarget, nowMs: number, waits: Waits): Response | undefined {
  const action = fault.action;
  switch (action.kind) {
    case 'status': {
      const headers = new Headers(action.headers);
      if (action.body !== undefined) {
        headers.set('content-type', 'application/json; charset=utf-8');
        return new Response(JSON.stringify(action.body), { status: action.status, headers });
      }
      const { body, type } = statusBody(action.status, target);
      headers.set('content-type', type);
      return new Response(body, { status: action.status, headers });
    }
    case 'primary-rate-limit': {
      // Unauthenticated callers have the per-IP bucket (the fake's clients are all 127.0.0.1).
      const resource = isGraphql(target) ? 'graphql' : 'core';
      const limit = target.authenticated ? PRIMARY_LIMITS[resource]! : UNAUTHENTICATED_LIMIT;
      const message = primaryRateLimitMessage(target.authenticated ? { userId: action.userId ?? 1 } : { ip: '127.0.0.1' });
      const headers = rateLimitHeaders({ resource, limit, used: limit, reset: primaryResetEpochSeconds(fault, nowMs, waits) });
      // GraphQL answers only authenticated callers, so its limit always names a user.
      if (isGraphql(target)) return Response.json({ errors: [graphqlRateLimitError(action.userId ?? 1, action.graphqlForm)] }, { status: 200, headers });
      return Response.json({ message, documentation_url: PRIMARY_RATE_LIMIT_DOCS }, { status: action.status ?? 403, headers });
    }
    case 'secondary-rate-limit':
      return Response.json(
        { message: action.contentCreation ? CONTENT_CREATION_LIMIT_MESSAGE : SECONDARY_RATE_LIMIT_MESSAGE, documentation_url: SECONDARY_RATE_LIMIT_DOCS },
        { status: action.status ?? 403, headers: { 'retry-after': String(waits.retryAfterSeconds) } },
      );
    case 'delay':
    case 'drop-before':
    case 'drop-after':
    case 'concurrent-push':
      return undefined;
  }
}
