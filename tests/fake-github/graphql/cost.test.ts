import { getOperationAST, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { queryCost } from './cost';
import { githubSchema } from './schema';

const cost = (query: string, variables: Record<string, unknown> = {}) => {
  const document = parse(query);
  return queryCost(githubSchema(), document, getOperationAST(document)!, variables);
};

describe('GraphQL rate-limit cost, as "Rate limits and query limits for the GraphQL API" computes it', () => {
  it("the documentation's worked example: 1 + 100 + 5,000 requests = 5,101 → 51 points", () => {
    const result = cost(`query {
      viewer { login repositories(first: 100) { edges { node { id
        issues(first: 50) { edges { node { id labels(first: 60) { edges { node { id name } } } } } } } } } } }`);
    expect(result).toMatchObject({ requests: 5101, cost: 51, errors: [] });
    // Node limit arithmetic: 100 repositories + 100 × 50 issues + 100 × 50 × 60 labels.
    expect(result.nodeCount).toBe(100 + 5_000 + 300_000);
  });

  it('the reference note’s commit page: 1 + 50 + 50 = 101 requests → 1 point; variables count like literals', () => {
    const result = cost(
      `query($n: Int!) { repository(owner: "o", name: "r") { ref(qualifiedName: "main") { target { ... on Commit {
        history(first: $n) { nodes { oid comments(last: 10) { nodes { body } } associatedPullRequests(first: 1) { nodes { number } } } } } } } } }`,
      { n: 50 },
    );
    expect(result).toMatchObject({ requests: 101, cost: 1 });
  });

  it('costs at least 1 point, and refuses connections without or beyond the 1–100 bounds', () => {
    expect(cost('{ viewer { login } }')).toMatchObject({ requests: 0, cost: 1 });
    expect(cost('{ viewer { repositories { totalCount } } }').errors).toEqual([
      {
        type: 'MISSING_PAGINATION_BOUNDARIES',
        path: ['query', 'viewer', 'repositories'],
        locations: [{ line: 1, column: 12 }],
        message: 'You must provide a `first` or `last` value to properly paginate the `repositories` connection.',
      },
    ]);
    expect(cost('{ viewer { repositories(last: 101) { totalCount } } }').errors[0]).toMatchObject({
      type: 'EXCESSIVE_PAGINATION',
      message: 'Requesting 101 records on the `repositories` connection exceeds the `last` limit of 100 records.',
    });
  });

  it("the documentation's node examples: 550 and 22,060 nodes", () => {
    expect(
      cost(
        'query { viewer { repositories(first: 50) { edges { repository:node { name issues(first: 10) { totalCount edges { node { title bodyHTML } } } } } } } }',
      ).nodeCount,
    ).toBe(550);
    const complex = `query { viewer {
      repositories(first: 50) { edges { repository:node { name
        pullRequests(first: 20) { edges { pullRequest:node { title comments(first: 10) { edges { comment:node { bodyHTML } } } } } }
        issues(first: 20) { totalCount edges { issue:node { title bodyHTML comments(first: 10) { edges { comment:node { bodyHTML } } } } } } } } }
      followers(first: 10) { edges { follower:node { login } } } } }`;
    expect(cost(complex)).toMatchObject({ nodeCount: 22_060, errors: [] });
  });

  it('refuses a call over 500,000 nodes at the connection that crosses the limit', () => {
    // 100 repositories + 100 × 100 issues + 100 × 100 × 100 comments = 1,010,100 nodes.
    const result = cost('{ viewer { repositories(first: 100) { nodes { issues(first: 100) { nodes { comments(first: 100) { totalCount } } } } } } }');
    expect(result.nodeCount).toBe(1_010_100);
    expect(result.errors).toEqual([
      expect.objectContaining({ type: 'MAX_NODE_LIMIT_EXCEEDED', path: ['query', 'viewer', 'repositories', 'nodes', 'issues', 'nodes', 'comments'] }),
    ]);
    // The boundary: 100 + 100 × 100 + 100 × 100 × 49 = 500,100 is over; with 48, 490,100 is under.
    const comments = (n: number) =>
      cost(`{ viewer { repositories(first: 100) { nodes { issues(first: 100) { nodes { comments(first: ${n}) { totalCount } } } } } } }`).errors;
    expect(comments(49)).toHaveLength(1);
    expect(comments(48)).toEqual([]);
  });
});
