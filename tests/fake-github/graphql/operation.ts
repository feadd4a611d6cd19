import { Kind, parse } from 'graphql';

/**
 * The name of the GraphQL operation a request body runs: `operationName` when given, else the
 * document's single named operation. Undefined for anonymous or unparsable documents, which
 * therefore never match an operation fault.
 */
export function graphqlOperationName(body: string): string | undefined {
  let payload: unknown;
  try {
    payload = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (typeof payload !== 'object' || payload === null) return undefined;
  const { query, operationName } = payload as { query?: unknown; operationName?: unknown };
  if (typeof operationName === 'string' && operationName) return operationName;
  if (typeof query !== 'string') return undefined;
  try {
    const names = parse(query)
      .definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION)
      .map((d) => d.name?.value);
    return names.length === 1 ? names[0] : undefined;
  } catch {
    return undefined;
  }
}
