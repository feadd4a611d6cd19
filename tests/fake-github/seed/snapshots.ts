import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GitRepo } from '../git/repo';
import { listFiles, mapLimit } from './files';

/**
 * Seeds a bare repository from a folder of commit snapshots:
 *
 *   <folder>/<name>/...files...        one subfolder per commit, applied in name order;
 *   <folder>/<name>/commit.json        optional, see `CommitSpec`;
 *   <folder>/<anything that is a file> ignored (READMEs, the generator's expected.json).
 *
 * Each snapshot is laid over its first parent's tree: files present replace or add, files
 * absent stay as they were (the real fixtures hold only some files of each commit), and
 * `delete` removes paths. The whole history goes through ONE `git fast-import` (a thousand
 * commits seed in well under a second); fast-import writes only a private scratch ref, and the
 * branches are then set with `git update-ref <ref> <new> <old>` like every other ref move.
 */
export interface CommitSpec {
  message?: string;
  /** "Name <email>" or {name, email}. */
  author?: string | PersonSpec;
  /** Defaults to the author. */
  committer?: string | PersonSpec;
  /** ISO 8601 author and committer date; default 2024-01-01T00:00Z plus one hour per snapshot. */
  date?: string;
  /** Branch this commit lands on (and moves); default the repository's default branch. */
  branch?: string;
  /**
   * Parents: earlier snapshot names, branch names (their tip so far) or full commit oids.
   * Default: the tip of `branch`; for a branch not yet seen, the previous snapshot.
   */
  parents?: string[];
  /** Paths removed from the tree inherited from the first parent. */
  delete?: string[];
}

export interface PersonSpec {
  name: string;
  email: string;
  /** The GitHub account the email belongs to; the store links commits to it. */
  login?: string;
}

export interface SeededCommit {
  name: string;
  oid: string;
  branch: string;
}

export interface SeedResult {
  commits: SeededCommit[];
  /** Branch → tip oid after seeding. */
  branches: Record<string, string>;
  /** Authors and committers that named a GitHub `login`, once each. */
  accounts: Required<PersonSpec>[];
}

const DEFAULT_PERSON: PersonSpec = { name: 'Commit Lab Seeder', email: 'seeder@commit-lab.test' };
const BASE_DATE = Date.parse('2024-01-01T00:00:00Z');
const SCRATCH_REF = 'refs/fake-github/seed';

export async function seedFromSnapshots(repo: GitRepo, folder: string, options: { defaultBranch?: string } = {}): Promise<SeedResult> {
  const defaultBranch = options.defaultBranch ?? 'main';
  const names = await snapshotNames(folder);
  const marks = new Map<string, number>();
  const tips = new Map<string, string>(); // branch → fast-import commit-ish (":mark" or oid)
  // The tips the new commits are built on; each branch later moves by compare-and-swap FROM
  // these, so a push landing while the history is imported is refused, never overwritten.
  const before = new Map<string, string>();
  for (const ref of await repo.refs('refs/heads/')) before.set(ref.name.slice('refs/heads/'.length), ref.oid);
  for (const [branch, oid] of before) tips.set(branch, oid);

  const chunks: Buffer[] = [];
  const put = (text: string | Buffer) => chunks.push(typeof text === 'string' ? Buffer.from(text, 'utf8') : text);
  const branchOf: string[] = [];
  const accounts = new Map<string, Required<PersonSpec>>();

  // Reading is parallel (thousands of small files); the stream is then built in name order.
  const snapshots = await mapLimit(names, 32, async (name) => {
    const dir = join(folder, name);
    const files = (await listFiles(dir)).filter((f) => f.path !== 'commit.json');
    return { spec: await readSpec(dir), files: await Promise.all(files.map(async (f) => ({ ...f, contents: await readFile(join(dir, f.path)) }))) };
  });

  for (const [index, name] of names.entries()) {
    const { spec, files } = snapshots[index]!;
    const branch = spec.branch ?? defaultBranch;
    const parents = spec.parents ? spec.parents.map((p) => commitish(p, marks, tips, name)) : defaultParents(tips.get(branch), names[index - 1], marks);
    const mark = index + 1;
    const author = person(spec.author);
    const committer = spec.committer ? person(spec.committer) : author;
    for (const p of [author, committer]) if (p.login) accounts.set(p.login, { name: p.name, email: p.email, login: p.login });
    const when = `${Math.floor((spec.date ? Date.parse(spec.date) : BASE_DATE + index * 3_600_000) / 1000)} +0000`;
    const message = Buffer.from(spec.message ?? name, 'utf8');

    if (parents.length === 0) put(`reset ${SCRATCH_REF}\n`);
    put(`commit ${SCRATCH_REF}\nmark :${mark}\n`);
    put(`author ${author.name} <${author.email}> ${when}\ncommitter ${committer.name} <${committer.email}> ${when}\n`);
    put(`data ${message.length}\n`);
    put(message);
    put('\n');
    if (parents[0]) put(`from ${parents[0]}\n`);
    for (const p of parents.slice(1)) put(`merge ${p}\n`);
    for (const path of spec.delete ?? []) put(`D ${quotePath(path)}\n`);
    for (const file of files) {
      put(`M ${file.executable ? '100755' : '100644'} inline ${quotePath(file.path)}\ndata ${file.contents.length}\n`);
      put(file.contents);
      put('\n');
    }
    put('\n');
    marks.set(name, mark);
    tips.set(branch, `:${mark}`);
    branchOf.push(branch);
  }

  if (names.length === 0) return { commits: [], branches: Object.fromEntries(tips), accounts: [] };
  const work = await mkdtemp(join(tmpdir(), 'fake-github-seed-'));
  try {
    const marksFile = join(work, 'marks');
    await repo.run(['fast-import', '--quiet', '--force', `--export-marks=${marksFile}`], { input: Buffer.concat(chunks) });
    const oidOfMark = new Map<string, string>();
    for (const line of (await readFile(marksFile, 'utf8')).split('\n').filter(Boolean)) {
      const [m, oid] = line.split(' ');
      oidOfMark.set(m!, oid!);
    }
    const resolveTip = (t: string) => (t.startsWith(':') ? oidOfMark.get(t)! : t);
    const branches: Record<string, string> = {};
    for (const [branch, tip] of tips) {
      const oid = resolveTip(tip);
      branches[branch] = oid;
      const built = before.get(branch) ?? null;
      if (built === oid) continue;
      if (!(await repo.updateRef(`refs/heads/${branch}`, oid, built))) throw new Error(`refs/heads/${branch} moved while seeding`);
    }
    const scratch = await repo.readRef(SCRATCH_REF);
    if (scratch) await repo.run(['update-ref', '-d', SCRATCH_REF, scratch]);
    if (branches[defaultBranch]) await repo.run(['symbolic-ref', 'HEAD', `refs/heads/${defaultBranch}`]);
    return {
      commits: names.map((name, i) => ({ name, oid: oidOfMark.get(`:${i + 1}`)!, branch: branchOf[i]! })),
      branches,
      accounts: [...accounts.values()],
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Subfolders in name (code point) order. */
export async function snapshotNames(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

async function readSpec(dir: string): Promise<CommitSpec> {
  try {
    return JSON.parse(await readFile(join(dir, 'commit.json'), 'utf8')) as CommitSpec;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new Error(`${dir}/commit.json: ${(error as Error).message}`);
  }
}

/** fast-import commit-ishes: the branch tip so far, else the previous snapshot, else none. */
function defaultParents(branchTip: string | undefined, previous: string | undefined, marks: Map<string, number>): string[] {
  if (branchTip) return [branchTip];
  return previous && marks.has(previous) ? [`:${marks.get(previous)}`] : [];
}

function commitish(ref: string, marks: Map<string, number>, tips: Map<string, string>, at: string): string {
  if (marks.has(ref)) return `:${marks.get(ref)}`;
  if (tips.has(ref)) return tips.get(ref)!;
  if (/^[0-9a-f]{40}$/.test(ref)) return ref;
  throw new Error(`snapshot ${at}: parent '${ref}' is neither an earlier snapshot, a branch, nor a commit oid`);
}

function person(spec: string | PersonSpec | undefined): PersonSpec {
  if (!spec) return DEFAULT_PERSON;
  if (typeof spec !== 'string') return spec;
  const m = /^(.*?)\s*<([^>]*)>$/.exec(spec.trim());
  if (!m) throw new Error(`person must be "Name <email>": ${spec}`);
  return { name: m[1]!, email: m[2]! };
}

/** fast-import takes a path as-is unless it starts with a quote or holds a newline. */
function quotePath(path: string): string {
  return /^"|[\n\\]/.test(path) ? JSON.stringify(path) : path;
}
