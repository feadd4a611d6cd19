import type { GitHubClient } from '../client';
import type { RepoName } from '../reads';

export interface FilesAtCommit {
  /** The commit the revision resolved to. */
  commit: string;
  /** The blob oid of each path asked for; null where the commit has no file there. */
  blobs: Map<string, string | null>;
}

/**
 * The blob oid of each of `paths` at each of `revisions` (commit oids or `refs/heads/<b>`), in
 * ONE GraphQL query: equal oids mean equal bytes, so this tells which files changed between two
 * commits without reading them. Null for a revision that does not resolve to a commit.
 */
export async function blobOidsAt(client: GitHubClient, repo: RepoName, revisions: string[], paths: string[]): Promise<(FilesAtCommit | null)[]> {
  const params = [...revisions.map((_, i) => `$r${i}: String!`), ...paths.map((_, i) => `$p${i}: String!`)];
  const files = paths.map((_, i) => `f${i}: file(path: $p${i}) { oid }`).join(' ');
  const commits = revisions.map((_, i) => `c${i}: object(expression: $r${i}) { ... on Commit { oid ${files} } }`).join('\n    ');
  const query = `query BlobOids($owner: String!, $name: String!, ${params.join(', ')}) {\n  repository(owner: $owner, name: $name) {\n    ${commits}\n  }\n}`;
  const variables: Record<string, unknown> = { owner: repo.owner, name: repo.name };
  revisions.forEach((r, i) => (variables[`r${i}`] = r));
  paths.forEach((p, i) => (variables[`p${i}`] = p));
  /** `oid`, and `f<j>`: the tree entry at path j, or null. */
  type Found = { oid?: string; [alias: string]: unknown };
  const { data } = await client.graphql<{ repository: Record<string, Found | null> }>(query, variables, { what: `${repo.owner}/${repo.name}` });
  return revisions.map((_, i) => {
    const found = data.repository[`c${i}`];
    if (!found?.oid) return null;
    const blobs = new Map(paths.map((path, j) => [path, (found[`f${j}`] as { oid: string } | null | undefined)?.oid ?? null]));
    return { commit: found.oid, blobs };
  });
}
