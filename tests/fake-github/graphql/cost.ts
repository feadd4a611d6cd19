import {
  getNamedType,
  isObjectType,
  isInterfaceType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import type { WireError } from './errors';

/**
 * GitHub's documented GraphQL rate-limit arithmetic ("Rate limits and query limits for the
 * GraphQL API"): every connection must ask for `first` or `last` (1–100); a connection costs
 * one request each time it is fetched, i.e. once per node of the connections above it;
 * the call costs (sum of requests) / 100, rounded, and at least 1 point. `nodeCount` is the
 * documented node limit arithmetic (each connection's page size times its parents'); a call
 * over NODE_LIMIT is refused before it runs.
 */
/** "Individual calls cannot request more than 500,000 total nodes." */
export const NODE_LIMIT = 500_000;

export interface Cost {
  requests: number;
  nodeCount: number;
  cost: number;
  errors: WireError[];
}

export function queryCost(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): Cost {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const result: Cost = { requests: 0, nodeCount: 0, cost: 0, errors: [] };
  let overLimit: { path: string[]; locations: { line: number; column: number }[] | undefined; connection: string; nodes: number } | undefined;
  const root = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  const opName = `${operation.operation}${operation.name ? ` ${operation.name.value}` : ''}`;

  const intValue = (node: ValueNode | undefined): number | undefined => {
    if (!node) return undefined;
    if (node.kind === Kind.INT) return Number(node.value);
    if (node.kind === Kind.VARIABLE) {
      const v = variables[node.name.value];
      return typeof v === 'number' ? v : undefined;
    }
    return undefined;
  };

  const walk = (set: SelectionSetNode, parent: GraphQLCompositeType, multiplier: number, path: string[], seen: Set<string>): void => {
    for (const sel of set.selections) {
      if (sel.kind === Kind.INLINE_FRAGMENT) {
        const type = sel.typeCondition ? (schema.getType(sel.typeCondition.name.value) as GraphQLCompositeType) : parent;
        walk(sel.selectionSet, type, multiplier, [...path, sel.typeCondition ? `... on ${sel.typeCondition.name.value}` : '...'], seen);
        continue;
      }
      if (sel.kind === Kind.FRAGMENT_SPREAD) {
        const frag = fragments.get(sel.name.value);
        if (!frag || seen.has(frag.name.value)) continue;
        walk(
          frag.selectionSet,
          schema.getType(frag.typeCondition.name.value) as GraphQLCompositeType,
          multiplier,
          [...path, `... ${frag.name.value}`],
          new Set([...seen, frag.name.value]),
        );
        continue;
      }
      if (!sel.selectionSet || !(isObjectType(parent) || isInterfaceType(parent))) continue;
      const def = parent.getFields()[sel.name.value];
      if (!def) continue;
      const type = getNamedType(def.type) as GraphQLCompositeType;
      const here = [...path, sel.alias?.value ?? sel.name.value];
      let inner = multiplier;
      if (type.name.endsWith('Connection') && def.args.some((a) => a.name === 'first')) {
        const first = intValue(sel.arguments?.find((a) => a.name.value === 'first')?.value);
        const last = intValue(sel.arguments?.find((a) => a.name.value === 'last')?.value);
        const size = first ?? last;
        const loc = sel.loc ? [{ line: sel.loc.startToken.line, column: sel.loc.startToken.column }] : undefined;
        if (size === undefined) {
          result.errors.push({
            type: 'MISSING_PAGINATION_BOUNDARIES',
            path: here,
            locations: loc,
            message: `You must provide a \`first\` or \`last\` value to properly paginate the \`${sel.name.value}\` connection.`,
          });
          continue;
        }
        if (size < 0 || size > 100) {
          const arg = first !== undefined ? 'first' : 'last';
          result.errors.push({
            type: 'EXCESSIVE_PAGINATION',
            path: here,
            locations: loc,
            message: `Requesting ${size} records on the \`${sel.name.value}\` connection exceeds the \`${arg}\` limit of 100 records.`,
          });
          continue;
        }
        result.requests += multiplier;
        result.nodeCount += multiplier * size;
        inner = multiplier * size;
        if (result.nodeCount > NODE_LIMIT && !overLimit) overLimit = { path: here, locations: loc, connection: sel.name.value, nodes: result.nodeCount };
      }
      walk(sel.selectionSet, type, inner, here, seen);
    }
  };
  if (root) walk(operation.selectionSet, root, 1, [opName], new Set());
  if (overLimit) {
    // The limit is documented ("Individual calls cannot request more than 500,000 total nodes");
    // the type and wording are NOT captured from GitHub (recalled from third-party reports).
    const { connection, nodes, ...where } = overLimit;
    result.errors.push({
      type: 'MAX_NODE_LIMIT_EXCEEDED',
      ...where,
      message: `By the time this query traverses to the ${connection} connection, it is requesting up to ${nodes.toLocaleString('en-US')} possible nodes which exceeds the maximum limit of ${NODE_LIMIT.toLocaleString('en-US')}.`,
    });
  }
  result.cost = Math.max(1, Math.round(result.requests / 100));
  return result;
}
