/** A minimal GraphQL client for tests: the raw HTTP status, headers and body, nothing thrown. */
export interface GqlAnswer<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: {
    data?: T | null;
    errors?: { type?: string; message: string; path?: (string | number)[]; locations?: unknown; extensions?: Record<string, unknown> }[];
  };
}

export async function gql<T = Record<string, unknown>>(
  baseUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  token = 'test-token',
): Promise<GqlAnswer<T>> {
  const response = await fetch(`${baseUrl}/api/graphql`, {
    method: 'POST',
    headers: { authorization: `bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as GqlAnswer<T>['body'] };
}
