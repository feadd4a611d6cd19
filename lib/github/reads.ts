import type { GitHubClient } from './client';

/** A repository on the client's host. */
export interface RepoName {
  owner: string;
  name: string;
}

/** What GitHub's GraphQL says of a blob. `text` is cut at 512,000 bytes (`isTruncated`) and null for binary blobs. */
export interface BlobAnswer {
  oid: string;
  byteSize: number;
  isBinary: boolean;
  isTruncated: boolean;
  text: string | null;
}

/** A file read at a commit: its blob, or null when no file is at that path (absent, a folder, a submodule). */
export type FileAnswer = BlobAnswer | null;

export interface CommitFiles {
  oid: string;
  /** Parent oids in git order. */
  parents: string[];
  files: Map<string, FileAnswer>;
}

export interface FilesAsk {
  commit: string;
  paths: string[];
  /** Also read the same paths at the commit's first parent (answered as `firstParent`). */
  firstParentToo?: boolean;
}

export interface FilesAnswer extends CommitFiles {
  firstParent?: CommitFiles;
}

/** Merge commits have two parents, octopus merges a few more; GitHub caps a connection page at 100. */
const MAX_PARENTS = 100;

const BLOB_FIELDS = 'fragment B on TreeEntry { object { ... on Blob { oid byteSize isBinary isTruncated text } } }';

interface RawCommit {
  oid: string;
  parents: { nodes: ({ oid: string } & Record<string, RawEntry>)[] };
  [alias: string]: unknown;
}
type RawEntry = { object: Partial<BlobAnswer> | null } | null;

function toFile(entry: RawEntry | undefined): FileAnswer {
  const blob = entry?.object;
  if (!blob || typeof blob.oid !== 'string') return null;
  return { oid: blob.oid, byteSize: blob.byteSize ?? 0, isBinary: blob.isBinary ?? false, isTruncated: blob.isTruncated ?? false, text: blob.text ?? null };
}

/**
 * Many files at many commits in ONE GraphQL request, blob text inline: for each ask, the commit's
 * parents and a `file(path:)` per path (and, if asked, the same at its first parent). Paths and
 * oids travel as variables, each distinct path once.
 */
export async function readFilesAt(client: GitHubClient, repo: RepoName, asks: FilesAsk[]): Promise<Map<string, FilesAnswer>> {
  const pathVar = new Map<string, string>();
  const variables: Record<string, unknown> = { owner: repo.owner, name: repo.name };
  const declared = ['$owner: String!', '$name: String!'];
  const pathArg = (path: string) => {
    let v = pathVar.get(path);
    if (!v) {
      v = `p${pathVar.size}`;
      pathVar.set(path, v);
      variables[v] = path;
      declared.push(`$${v}: String!`);
    }
    return v;
  };
  const fileSelections = (paths: string[]) => paths.map((p, i) => `f${i}: file(path: $${pathArg(p)}) { ...B }`).join(' ');
  const selections = asks.map((ask, i) => {
    variables[`c${i}`] = ask.commit;
    declared.push(`$c${i}: GitObjectID!`);
    const files = fileSelections(ask.paths);
    const parentFiles = ask.firstParentToo ? ` first: parents(first: 1) { nodes { oid ${files} parents(first: ${MAX_PARENTS}) { nodes { oid } } } }` : '';
    return `c${i}: object(oid: $c${i}) { ... on Commit { oid parents(first: ${MAX_PARENTS}) { nodes { oid } } ${files}${parentFiles} } }`;
  });
  const query = `query CommitFiles(${declared.join(', ')}) { repository(owner: $owner, name: $name) { ${selections.join(' ')} } } ${BLOB_FIELDS}`;
  const { data } = await client.graphql<{ repository: Record<string, RawCommit | null> }>(query, variables, { what: `${repo.owner}/${repo.name}` });
  const answers = new Map<string, FilesAnswer>();
  asks.forEach((ask, i) => {
    const raw = data.repository[`c${i}`];
    if (!raw?.oid) return;
    const files = (source: Record<string, unknown>) => new Map(ask.paths.map((p, j) => [p, toFile(source[`f${j}`] as RawEntry | undefined)]));
    const answer: FilesAnswer = { oid: raw.oid, parents: raw.parents.nodes.map((n) => n.oid), files: files(raw) };
    const first = (raw.first as RawCommit['parents'] | undefined)?.nodes[0] as (RawCommit & { oid: string }) | undefined;
    if (first) answer.firstParent = { oid: first.oid, parents: first.parents.nodes.map((n) => n.oid), files: files(first) };
    answers.set(ask.commit, answer);
  });
  return answers;
}

export interface TreeListing {
  /** The tree's oid (the commit's root tree). */
  oid: string;
  /** Blob paths (files and symlinks; no folders, no submodules). */
  paths: string[];
  /** GitHub stops a recursive listing at 100,000 entries or 7 MB. */
  truncated: boolean;
}

/** One recursive listing of a commit's tree (REST `git/trees/{sha}?recursive=1`). */
export async function listTree(client: GitHubClient, repo: RepoName, commit: string): Promise<TreeListing> {
  const { data } = await client.call((o) => o.rest.git.getTree({ owner: repo.owner, repo: repo.name, tree_sha: commit, recursive: '1' }), {
    what: `${repo.owner}/${repo.name}`,
  });
  return { oid: data.sha, paths: data.tree.filter((e) => e.type === 'blob' && e.path).map((e) => e.path!), truncated: data.truncated };
}

/** A file's bytes at a commit (REST contents, raw media type: files up to 100 MB, where GraphQL cuts text at 512,000 bytes). */
export async function readRaw(client: GitHubClient, repo: RepoName, commit: string, path: string): Promise<Uint8Array> {
  const { data } = await client.call(
    (o) =>
      o.rest.repos.getContent({
        owner: repo.owner,
        repo: repo.name,
        path,
        ref: commit,
        mediaType: { format: 'raw' },
        request: { parseSuccessResponseBody: false },
      }),
    { what: `${path} at ${commit.slice(0, 7)} in ${repo.owner}/${repo.name}` },
  );
  return new Uint8Array(await new Response(data as unknown as BodyInit).arrayBuffer());
}
