/** Parsers for git's raw object formats, as `git cat-file --batch` prints them. */

export type ObjectType = 'blob' | 'tree' | 'commit' | 'tag';

export interface Signature {
  name: string;
  email: string;
  /** ISO 8601 in UTC, as GitHub serialises GitTimestamp / DateTime. */
  date: string;
  /** The raw `+0200` offset git stored, for callers that render local time. */
  timezone: string;
}

export interface CommitObject {
  oid: string;
  tree: string;
  parents: string[];
  author: Signature;
  committer: Signature;
  /** The message exactly as stored (git keeps the trailing newline). */
  message: string;
  /** The ASCII-armoured signature when the commit carries a `gpgsig` header. */
  gpgsig: string | null;
}

export interface TreeEntry {
  /** Octal mode as git writes it in trees: 100644, 100755, 120000, 40000, 160000. */
  mode: number;
  name: string;
  oid: string;
  type: 'blob' | 'tree' | 'commit';
}

export function parseSignature(line: string): Signature {
  const m = /^(.*) <([^>]*)> (\d+) ([+-]\d{4})$/.exec(line);
  if (!m) throw new Error(`unparseable git signature: ${line}`);
  return {
    name: m[1]!,
    email: m[2]!,
    date: new Date(Number(m[3]) * 1000).toISOString().replace('.000Z', 'Z'),
    timezone: m[4]!,
  };
}

export function parseCommit(oid: string, raw: Uint8Array): CommitObject {
  const text = new TextDecoder().decode(raw);
  const split = text.indexOf('\n\n');
  const header = split < 0 ? text : text.slice(0, split);
  const message = split < 0 ? '' : text.slice(split + 2);
  const parents: string[] = [];
  let tree = '';
  let author: Signature | undefined;
  let committer: Signature | undefined;
  let gpgsig: string | null = null;
  const lines = header.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const space = line.indexOf(' ');
    const key = line.slice(0, space);
    const value = line.slice(space + 1);
    if (key === 'tree') tree = value;
    else if (key === 'parent') parents.push(value);
    else if (key === 'author') author = parseSignature(value);
    else if (key === 'committer') committer = parseSignature(value);
    else if (key === 'gpgsig') {
      // Continuation lines of a multi-line header start with one space.
      const sig = [value];
      while (lines[i + 1]?.startsWith(' ')) sig.push(lines[++i]!.slice(1));
      gpgsig = sig.join('\n');
    }
  }
  if (!tree || !author || !committer) throw new Error(`commit ${oid} lacks tree/author/committer`);
  return { oid, tree, parents, author, committer, message, gpgsig };
}

/** Binary tree format: `<octal mode> <name>\0<20 raw bytes>` repeated. */
export function parseTree(raw: Uint8Array): TreeEntry[] {
  const entries: TreeEntry[] = [];
  let i = 0;
  const decoder = new TextDecoder();
  while (i < raw.length) {
    const space = raw.indexOf(0x20, i);
    const nul = raw.indexOf(0, space);
    const mode = parseInt(decoder.decode(raw.subarray(i, space)), 8);
    const name = decoder.decode(raw.subarray(space + 1, nul));
    const oid = Buffer.from(raw.subarray(nul + 1, nul + 21)).toString('hex');
    const kind = mode & 0o170000;
    const type = kind === 0o040000 ? 'tree' : kind === 0o160000 ? 'commit' : 'blob';
    entries.push({ mode: Number(mode.toString(8)), name, oid, type });
    i = nul + 21;
  }
  return entries;
}
