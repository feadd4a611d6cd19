import { schema as published } from '@octokit/graphql-schema';
import { buildClientSchema, GraphQLError, GraphQLScalarType, type GraphQLSchema, type IntrospectionQuery } from 'graphql';

/**
 * GitHub's published GraphQL schema (`@octokit/graphql-schema` schema.json). Its SDL twin fails
 * graphql-js validation (duplicate fields), so the introspection JSON is the source, built with
 * buildClientSchema exactly as the package's own `validate()` does. Built once per process.
 */
let cached: GraphQLSchema | undefined;

export function githubSchema(): GraphQLSchema {
  if (cached) return cached;
  const json = published.json as unknown as { data?: IntrospectionQuery } & IntrospectionQuery;
  const schema = buildClientSchema(json.data ?? json);
  strictBase64(schema.getType('Base64String') as GraphQLScalarType);
  cached = schema;
  return schema;
}

/**
 * The schema only names `Base64String`; GitHub rejects anything that is not strict RFC 4648
 * base64 (padding required) when coercing it, so the fake does too.
 */
function strictBase64(scalar: GraphQLScalarType): void {
  scalar.parseValue = (value: unknown) => {
    if (typeof value !== 'string' || !isStrictBase64(value)) throw new GraphQLError(`Could not coerce value ${JSON.stringify(value)} to Base64String`);
    return value;
  };
}

export function isStrictBase64(text: string): boolean {
  return text.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(text) && Buffer.from(text, 'base64').toString('base64') === text;
}
