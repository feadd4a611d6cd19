import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CatFile, type RawObject } from './cat-file';
import { parseCommit, parseTree, type CommitObject, type TreeEntry } from './objects';
import { GitError, runGit, type RunOptions } from './run';

export const ZERO_OID = '0000000000000000000000000000000000000000';
const OID = /^[0-9a-f]{40}$/;

export interface Person {
  name: string;
  email: string;
  /** ISO 8601; defaults to now. */
  date?: string;
}

export interface FileAddition {
  path: string;
  contents: Uint8Array;
  /** Mode 100755 instead of 100644. */
  executable?: boolean;
}

export interface FileChanges {
  additions: FileAddition[];
  deletions: string[];
}

export interface PathEntry extends TreeEntry {
  /** Path from the root of the tree, `/`-separated. */
  path: string;
}

/** A `listTree` entry: blobs know their size in bytes. */
export interface ListedEntry extends PathEntry {
  size?: number;
}

export interface LogOptions {
  /** Commit oid (already resolved) to start from. */
  from: string;
  /** Only commits that change this path, with git's default history simplification. */
  path?: string;
  skip?: number;
  max?: number;
  /** ISO 8601 bounds on the committer date, as GitHub's `since`/`until`. */
  since?: string;
  until?: string;
  /** Only commits whose author email is one of these (GitHub's `author: {emails}`). */
  authorEmails?: string[];
}

/** A ref that moved: `oldOid` null when it was created, `newOid` ZERO_OID when deleted. */
export interface RefMove {
  ref: string;
  oldOid: string | null;
  newOid: string;
}

/** Thrown by `writeTree`/`commitChanges` when a change cannot apply to the base tree; `reason` says which rule it broke. */
export class ChangeError extends Error {
  constructor(
    message: string,
    readonly path: string,
    readonly reason: 'duplicate-path' | 'missing-path' | 'missing-parent',
  ) {
    super(message);
  }
}

/**
 * A bare git repository driven only through the git CLI. Reads go through one persistent
 * `git cat-file --batch`; refs are read with `rev-parse`/`for-each-ref` and moved ONLY with
 * `git update-ref <ref> <new> <old>`, git's atomic compare-and-swap, which is exactly the
 * contract of GitHub's `expectedHeadOid` and of REST `force: false`.
 */
export class GitRepo {
  private readonly cat: CatFile;
  /** Told of every successful `updateRef`, synchronously after git moved the ref (the fake's CI listens). */
  readonly refMoves = new Set<(move: RefMove) => void>();

  constructor(readonly gitDir: string) {
    this.cat = new CatFile(gitDir);
  }

  static async init(gitDir: string, defaultBranch = 'main'): Promise<GitRepo> {
    await runGit(gitDir, ['init', '--quiet', '--bare', `--initial-branch=${defaultBranch}`, gitDir]);
    return new GitRepo(gitDir);
  }

  run(args: string[], options?: RunOptions): Promise<Buffer> {
    return runGit(this.gitDir, args, options);
  }

  close(): void {
    this.cat.close();
  }

  // ---- names -------------------------------------------------------------------------------

  /** The oid a revision names (`main`, `refs/heads/x`, `HEAD~2`, an oid, `v1^{tree}`), or null. */
  async resolve(rev: string): Promise<string | null> {
    if (rev.startsWith('-') || rev.includes('\n')) return null;
    try {
      const out = await this.run(['rev-parse', '--verify', '--quiet', '--end-of-options', rev]);
      return out.toString('utf8').trim() || null;
    } catch (error) {
      if (error instanceof GitError) return null;
      throw error;
    }
  }

  /** The commit a revision peels to, or null when it names nothing or a non-commit. */
  resolveCommit(rev: string): Promise<string | null> {
    return this.resolve(`${rev}^{commit}`);
  }

  async readRef(ref: string): Promise<string | null> {
    const refs = await this.refs(ref);
    return refs.find((r) => r.name === ref)?.oid ?? null;
  }

  /**
   * Every ref under `prefix` (`refs/heads/`, `refs/tags/`, …), sorted by name. `peeled` is the
   * object an annotated tag points at (the commit, usually); for other refs it equals `oid`.
   */
  async refs(prefix = 'refs/'): Promise<{ name: string; oid: string; peeled: string }[]> {
    const out = await this.run(['for-each-ref', '--format=%(objectname) %(*objectname) %(refname)', prefix]);
    return out
      .toString('utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [oid, peeled, name] = line.split(' ') as [string, string, string];
        return { oid, peeled: peeled || oid, name };
      });
  }

  /**
   * Compare-and-swap: moves `ref` to `newOid` only if it currently points at `oldOid`
   * (`null` = the ref must not exist yet). Resolves false when the ref was elsewhere.
   */
  async updateRef(ref: string, newOid: string, oldOid: string | null): Promise<boolean> {
    try {
      await this.run(['update-ref', ref, newOid, oldOid ?? ZERO_OID]);
      for (const listener of this.refMoves) listener({ ref, oldOid, newOid });
      return true;
    } catch (error) {
      if (error instanceof GitError && /cannot lock ref|already exists|unable to resolve reference/.test(error.stderr)) {
        return false;
      }
      throw error;
    }
  }

  async isAncestor(ancestor: string, descendant: string): Promise<boolean> {
    try {
      await this.run(['merge-base', '--is-ancestor', ancestor, descendant]);
      return true;
    } catch (error) {
      if (error instanceof GitError && error.code === 1) return false;
      throw error;
    }
  }

  // ---- objects -----------------------------------------------------------------------------

  /** Reads an object by oid (or `<commit oid>:<path>`); null when missing. */
  readObject(name: string): Promise<RawObject | null> {
    return this.cat.read(name);
  }

  /**
   * GitHub's `object(expression:)`: `<rev>` or `<rev>:<path>`. The revision part is resolved
   * fresh (it may be a moving branch), the path part against that immutable oid.
   */
  async readExpression(expression: string): Promise<RawObject | null> {
    const colon = expression.indexOf(':');
    const rev = colon < 0 ? expression : expression.slice(0, colon);
    const oid = OID.test(rev) ? rev : await this.resolve(rev || 'HEAD');
    if (!oid) return null;
    return this.readObject(colon < 0 ? oid : `${oid}:${expression.slice(colon + 1)}`);
  }

  async readCommit(oid: string): Promise<CommitObject | null> {
    const raw = await this.readObject(oid);
    return raw?.type === 'commit' ? parseCommit(raw.oid, raw.content) : null;
  }

  async readTree(oid: string): Promise<TreeEntry[] | null> {
    const raw = await this.readObject(oid);
    return raw?.type === 'tree' ? parseTree(raw.content) : null;
  }

  async readBlob(oid: string): Promise<Buffer | null> {
    const raw = await this.readObject(oid);
    return raw?.type === 'blob' ? raw.content : null;
  }

  /** The tree entry at `path` in a commit (or tree), or null; `''` is the root tree itself. */
  async entry(treeish: string, path: string): Promise<PathEntry | null> {
    const clean = path.replace(/^\/+|\/+$/g, '');
    if (clean === '') {
      const root = await this.readObject(`${treeish}^{tree}`);
      return root ? { mode: 40000, name: '', path: '', oid: root.oid, type: 'tree' } : null;
    }
    const slash = clean.lastIndexOf('/');
    const dir = slash < 0 ? '' : clean.slice(0, slash);
    const name = clean.slice(slash + 1);
    const parent = await this.readObject(dir ? `${treeish}:${dir}` : `${treeish}^{tree}`);
    if (parent?.type !== 'tree') return null;
    const found = parseTree(parent.content).find((e) => e.name === name);
    return found ? { ...found, path: clean } : null;
  }

  /**
   * The entries of a tree-ish (`git ls-tree -l`), or every entry under it depth first with
   * `recursive` (`-r -t`: a tree before its contents); blobs carry their size.
   */
  async listTree(treeish: string, options: { recursive?: boolean } = {}): Promise<ListedEntry[]> {
    const root = await this.readObject(`${treeish}^{tree}`);
    if (!root) return [];
    const out = await this.run(['ls-tree', '-l', '-z', ...(options.recursive ? ['-r', '-t'] : []), root.oid]);
    return out
      .toString('utf8')
      .split('\0')
      .filter(Boolean)
      .map((line) => {
        const tab = line.indexOf('\t');
        const [mode, type, oid, size] = line.slice(0, tab).split(/\s+/) as [string, ListedEntry['type'], string, string];
        const path = line.slice(tab + 1);
        return { mode: Number(mode), type, oid, path, name: path.slice(path.lastIndexOf('/') + 1), ...(size === '-' ? {} : { size: Number(size) }) };
      });
  }

  // ---- history -----------------------------------------------------------------------------

  /** Commit oids in `git log` order (reverse chronological, the order GitHub's `history` uses). */
  async log(options: LogOptions): Promise<string[]> {
    const args = ['rev-list', ...this.filters(options)];
    if (options.skip) args.push(`--skip=${options.skip}`);
    if (options.max !== undefined) args.push(`--max-count=${options.max}`);
    args.push(options.from, '--');
    if (options.path) args.push(options.path);
    const out = await this.run(args);
    return out.toString('utf8').split('\n').filter(Boolean);
  }

  async count(options: LogOptions): Promise<number> {
    const args = ['rev-list', '--count', ...this.filters(options), options.from, '--'];
    if (options.path) args.push(options.path);
    return Number((await this.run(args)).toString('utf8').trim());
  }

  private filters(options: LogOptions): string[] {
    const args: string[] = [];
    if (options.since) args.push(`--since=${options.since}`);
    if (options.until) args.push(`--until=${options.until}`);
    // git ORs several --author patterns; each is anchored on the <email> of "Name <email>".
    for (const email of options.authorEmails ?? []) args.push(`--author=<${email.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}>`);
    return args;
  }

  // ---- writes ------------------------------------------------------------------------------

  async writeBlob(contents: Uint8Array): Promise<string> {
    return (await this.run(['hash-object', '-w', '--stdin', '--no-filters'], { input: contents })).toString('utf8').trim();
  }

  /**
   * Applies `changes` to `baseTree` (null = empty) in a throwaway index and writes the result.
   * Rejects, like GitHub, a path listed twice and a deletion of a path that is not a file.
   */
  async writeTree(baseTree: string | null, changes: FileChanges): Promise<string> {
    const seen = new Set<string>();
    for (const path of [...changes.additions.map((a) => a.path), ...changes.deletions]) {
      if (seen.has(path)) throw new ChangeError(`Path '${path}' appears more than once in the file changes`, path, 'duplicate-path');
      seen.add(path);
    }
    if (baseTree) {
      for (const path of changes.deletions) {
        const found = await this.entry(baseTree, path);
        if (!found || found.type !== 'blob') throw new ChangeError(`Path '${path}' does not exist`, path, 'missing-path');
      }
    } else if (changes.deletions.length > 0) {
      throw new ChangeError(`Path '${changes.deletions[0]}' does not exist`, changes.deletions[0]!, 'missing-path');
    }

    const work = await mkdtemp(join(tmpdir(), 'fake-github-index-'));
    try {
      const env = { GIT_INDEX_FILE: join(work, 'index') };
      await this.run(baseTree ? ['read-tree', baseTree] : ['read-tree', '--empty'], { env });
      const oids = await this.writeBlobs(
        work,
        changes.additions.map((a) => a.contents),
      );
      const records = [
        ...changes.additions.map((a, i) => `${a.executable ? '100755' : '100644'} ${oids[i]}\t${a.path}\0`),
        ...changes.deletions.map((path) => `0 ${ZERO_OID}\t${path}\0`),
      ];
      await this.run(['update-index', '-z', '--index-info'], { env, input: records.join('') });
      return (await this.run(['write-tree'], { env })).toString('utf8').trim();
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }

  /** Writes many blobs with one `git hash-object` process. */
  private async writeBlobs(work: string, contents: Uint8Array[]): Promise<string[]> {
    if (contents.length === 0) return [];
    const paths = await Promise.all(
      contents.map(async (c, i) => {
        const file = join(work, `blob-${i}`);
        await writeFile(file, c);
        return file;
      }),
    );
    const out = await this.run(['hash-object', '-w', '--no-filters', '--stdin-paths'], { input: paths.join('\n') + '\n' });
    return out.toString('utf8').split('\n').filter(Boolean);
  }

  /** `git commit-tree`: a commit object with exactly these parents; no ref moves. */
  async commitTree(input: { tree: string; parents: string[]; message: string; author: Person; committer: Person }): Promise<string> {
    const env = {
      GIT_AUTHOR_NAME: input.author.name,
      GIT_AUTHOR_EMAIL: input.author.email,
      GIT_AUTHOR_DATE: gitDate(input.author.date),
      GIT_COMMITTER_NAME: input.committer.name,
      GIT_COMMITTER_EMAIL: input.committer.email,
      GIT_COMMITTER_DATE: gitDate(input.committer.date),
    };
    const args = ['commit-tree', input.tree, ...input.parents.flatMap((p) => ['-p', p]), '-F', '-'];
    return (await this.run(args, { env, input: input.message })).toString('utf8').trim();
  }

  /** One commit on top of `parent` (null = root commit) carrying every change. No ref moves. */
  async commitChanges(input: { parent: string | null; changes: FileChanges; message: string; author: Person; committer: Person }): Promise<string> {
    const base = input.parent ? ((await this.readCommit(input.parent))?.tree ?? null) : null;
    if (input.parent && !base) throw new ChangeError(`Commit ${input.parent} does not exist`, '', 'missing-parent');
    const tree = await this.writeTree(base, input.changes);
    return this.commitTree({ tree, parents: input.parent ? [input.parent] : [], message: input.message, author: input.author, committer: input.committer });
  }

  /**
   * Someone's push of `files` (path → content) to `branch`: one commit on the branch's head, as
   * `person`, and the branch moved to it (compare-and-swap; throws when it moved meanwhile).
   */
  async pushFiles(branch: string, files: Readonly<Record<string, string | Uint8Array>>, message: string, person: Person = SOMEONE_ELSE): Promise<string> {
    const ref = `refs/heads/${branch}`;
    const head = await this.readRef(ref);
    if (!head) throw new Error(`no branch ${branch}`);
    const additions = Object.entries(files).map(([path, content]) => ({
      path,
      contents: typeof content === 'string' ? new TextEncoder().encode(content) : content,
    }));
    const oid = await this.commitChanges({ parent: head, changes: { additions, deletions: [] }, message, author: person, committer: person });
    if (!(await this.updateRef(ref, oid, head))) throw new Error(`${branch} moved during the push`);
    return oid;
  }
}

/** Who pushes in the tests' "someone else pushed meanwhile". */
export const SOMEONE_ELSE: Person = { name: 'Someone Else', email: 'else@example.com' };

function gitDate(iso: string | undefined): string {
  const ms = iso ? Date.parse(iso) : Date.now();
  if (Number.isNaN(ms)) throw new Error(`not an ISO date: ${iso}`);
  return `${Math.floor(ms / 1000)} +0000`;
}
