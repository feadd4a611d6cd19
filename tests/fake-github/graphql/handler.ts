import { execute, getOperationAST, GraphQLError, parse, validate, type DocumentNode } from 'graphql';
import { graphqlRateLimitError } from '../rate-limit-messages';
import { rateLimitHeaders } from '../rest/rate-limit';
import type { Handler } from '../server';
import type { Store } from '../store';
import type { Ctx } from './context';
import { queryCost } from './cost';
import { formatExecutionError, formatSyntaxError, formatValidationError, formatVariableError, type WireError } from './errors';
import { rootValue } from './root';
import { githubSchema } from './schema';

const DOCS = 'https://docs.github.com/graphql';

/**
 * POST /graphql on the api site (also /api/graphql, GHE style, which the server maps here):
 * parse, validate and execute with graphql-js against GitHub's published schema, then answer
 * in GitHub's shape: errors worded as GitHub's graphql-ruby words them, HTTP 200 for GraphQL
 * errors, the documented point cost charged to the viewer's `graphql` bucket and reported in
 * `x-ratelimit-*` headers and `rateLimit`.
 */
export function graphqlHandler(store: Store): Handler {
  const schema = githubSchema();
  return async (req) => {
    if (req.site !== 'api' || req.path !== '/graphql') return undefined;
    if (req.method !== 'POST') return Response.json({ message: 'Not Found', documentation_url: DOCS }, { status: 404 });
    const auth = store.tokens.resolve(req.headers.get('authorization'));
    if (auth?.record.kind === 'expired') return Response.json({ message: 'Bad credentials', documentation_url: DOCS, status: '401' }, { status: 401 });
    const viewer = auth?.user;
    if (!viewer) {
      return Response.json(
        {
          message: 'This endpoint requires you to be authenticated.',
          documentation_url: `${DOCS}/guides/forming-calls-with-graphql#authenticating-with-graphql`,
        },
        { status: 401 },
      );
    }
    let body: { query?: unknown; variables?: unknown; operationName?: unknown };
    try {
      body = req.json() as typeof body;
    } catch {
      return Response.json({ message: 'Problems parsing JSON', documentation_url: DOCS }, { status: 400 });
    }
    const bucket = store.rateBucket(viewer.login, 'graphql');
    const answer = (payload: { data?: unknown; errors?: WireError[] }) => Response.json(payload, { headers: rateLimitHeaders(bucket) });
    if (typeof body?.query !== 'string') return answer({ errors: [{ message: 'A query attribute must be specified and must be a string.' }] });

    let document: DocumentNode;
    try {
      document = parse(body.query);
    } catch (error) {
      if (error instanceof GraphQLError) return answer({ errors: [formatSyntaxError(error)] });
      throw error;
    }
    const invalid = validate(schema, document);
    if (invalid.length > 0) return answer({ errors: invalid.map((e) => formatValidationError(e, document)) });

    const operationName = typeof body.operationName === 'string' ? body.operationName : undefined;
    const operation = getOperationAST(document, operationName);
    if (!operation) {
      return answer({ errors: [{ message: operationName ? `No operation named "${operationName}"` : 'An operation name is required' }] });
    }
    const variables = body.variables && typeof body.variables === 'object' ? (body.variables as Record<string, unknown>) : {};
    const cost = queryCost(schema, document, operation, variables);
    if (cost.errors.length > 0) return answer({ errors: cost.errors });
    if (bucket.used + cost.cost > bucket.limit) {
      return answer({ errors: [graphqlRateLimitError(viewer.databaseId)] });
    }
    bucket.used += cost.cost;

    const ctx: Ctx = {
      store,
      viewer,
      token: auth.record,
      rate: { cost: cost.cost, nodeCount: cost.nodeCount, bucket },
      memo: new Map(),
      ...(req.fault ? { fault: req.fault } : {}),
    };
    const result = await execute({ schema, document, rootValue, contextValue: ctx, variableValues: variables, operationName });
    if (!('data' in result) || result.data === undefined) {
      // Only variable coercion fails before execution starts.
      return answer({ errors: (result.errors ?? []).map((e) => formatVariableError(e, document)) });
    }
    for (const e of result.errors ?? []) {
      if (!(e.originalError && 'type' in e.originalError)) console.error('[fake-github graphql]', e.message, e.originalError?.stack ?? '');
    }
    return answer(result.errors?.length ? { data: result.data, errors: result.errors.map(formatExecutionError) } : { data: result.data });
  };
}
