import type { GitHubClient } from './client';
import type { RepoName } from './reads';

/** A commit that changed a path, and the text of some files at it (null: absent, binary or cut). */
export interface PathCommit {
  oid: string;
  committedDate: string;
  files: Map<string, string | null>;
}

const QUERY = (
  paths: number,
) => `query PathHistory($owner: String!, $name: String!, $oid: GitObjectID!, $path: String!, $count: Int!${Array.from({ length: paths }, (_, i) => `, $f${i}: String!`).join('')}) {
  repository(owner: $owner, name: $name) {
    object(oid: $oid) { ... on Commit { history(first: $count, path: $path) { nodes { oid committedDate ${Array.from({ length: paths }, (_, i) => `f${i}: file(path: $f${i}) { object { ... on Blob { text isTruncated } } }`).join(' ')} } } } }
  }
}`;

type Blob = { object: { text?: string | null; isTruncated?: boolean } | null } | null;

/** The latest `count` commits before and at `commit` that changed `path` (`git log -- path`), each with `files` read at it, in one GraphQL request. */
export async function pathHistory(client: GitHubClient, repo: RepoName, commit: string, path: string, files: string[], count = 50): Promise<PathCommit[]> {
  type Answer = { repository: { object: { history?: { nodes: ({ oid: string; committedDate: string } & Record<string, Blob>)[] } } | null } };
  const variables: Record<string, unknown> = { owner: repo.owner, name: repo.name, oid: commit, path, count: Math.min(count, 100) };
  files.forEach((file, i) => (variables[`f${i}`] = file));
  const { data } = await client.graphql<Answer>(QUERY(files.length), variables, { what: `${repo.owner}/${repo.name}` });
  return (data.repository.object?.history?.nodes ?? []).map((node) => ({
    oid: node.oid,
    committedDate: node.committedDate,
    files: new Map(
      files.map((file, i) => {
        const blob = node[`f${i}`]?.object;
        return [file, blob && typeof blob.text === 'string' && !blob.isTruncated ? blob.text : null];
      }),
    ),
  }));
}
