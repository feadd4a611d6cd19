/**
 * The paths a commit changed against its first parent, from git trees. GitHub's GraphQL has no
 * list of a commit's files, but trees are addressed by oid: two commits' root trees are
 * compared level by level, descending only into subtrees whose oids differ, several levels per
 * request. Everything here is immutable (a tree oid never changes), so the answer for a commit
 * can be cached forever by its SHA.
 */

export interface TreeEntry {
  name: string;
  oid: string;
  type: string;
  /** Present when the request nested this far into a subtree. */
  entries?: TreeEntry[];
}

/**
 * Fetches trees by git expression — a tree oid, or `<commit>:` for a commit's root tree — each
 * with its entries nested `depth` levels.
 */
export type FetchTrees = (revs: string[], depth: number) => Promise<Map<string, TreeEntry[]>>;

/** Levels fetched per request: deep enough for `results/evaluate/plots/images/x.png` in one go. */
export const TREE_DEPTH = 5;
/** Requests at most, after which a commit's paths count as unknown (and it is not folded). */
const MAX_ROUNDS = 3;

/** The GraphQL selection of a tree's entries, nested `depth` levels. */
export function treeSelection(depth: number): string {
  const inner = depth > 1 ? ` object { ... on Tree { ${treeSelection(depth - 1)} } }` : '';
  return `entries { name oid type${inner} }`;
}

/** One query with an alias per tree: `t0: object(expression: "…") { ... on Tree { entries { … } } }`. */
export function treesQuery(revs: string[], depth: number): string {
  const aliases = revs.map((rev, i) => `t${i}: object(expression: ${JSON.stringify(rev)}) { ... on Tree { ${treeSelection(depth)} } }`);
  return `query Trees($owner: String!, $name: String!) { repository(owner: $owner, name: $name) { ${aliases.join(' ')} } }`;
}

/** Turns a `treesQuery` answer back into entries, with GraphQL's `object` nesting folded into `entries`. */
export function treesFromAnswer(revs: string[], repository: Record<string, unknown>): Map<string, TreeEntry[]> {
  type Raw = { name: string; oid: string; type: string; object?: { entries?: Raw[] } | null };
  const convert = (raw: Raw[]): TreeEntry[] =>
    raw.map((e) => ({ name: e.name, oid: e.oid, type: e.type, ...(e.object?.entries ? { entries: convert(e.object.entries) } : {}) }));
  const out = new Map<string, TreeEntry[]>();
  revs.forEach((rev, i) => {
    const tree = repository[`t${i}`] as { entries?: Raw[] } | null | undefined;
    if (tree?.entries) out.set(rev, convert(tree.entries));
  });
  return out;
}

interface Pending {
  key: string;
  prefix: string;
  before: string | null;
  after: string | null;
}

/**
 * For each pair of trees (`before` = the parent's, `after` = the commit's: `<sha>:` names a
 * commit's root tree), the file paths that differ; undefined for a pair that needed more than
 * `MAX_ROUNDS` requests or whose tree GitHub did not give.
 */
export async function changedPathsBetween(
  pairs: Map<string, { before: string; after: string }>,
  fetchTrees: FetchTrees,
): Promise<Map<string, string[] | undefined>> {
  const found = new Map<string, string[] | undefined>([...pairs.keys()].map((k) => [k, []]));
  const known = new Map<string, TreeEntry[]>();
  let pending: Pending[] = [...pairs].map(([key, p]) => ({ key, prefix: '', before: p.before, after: p.after }));
  for (let round = 0; pending.length > 0; round++) {
    if (round === MAX_ROUNDS) {
      for (const p of pending) found.set(p.key, undefined);
      break;
    }
    const missing = [...new Set(pending.flatMap((p) => [p.before, p.after]).filter((o): o is string => o !== null && !known.has(o)))];
    if (missing.length > 0) for (const [oid, entries] of await fetchTrees(missing, TREE_DEPTH)) known.set(oid, entries);
    const next: Pending[] = [];
    for (const p of pending) {
      const listOf = (oid: string | null) => (oid === null ? [] : known.get(oid));
      const before = listOf(p.before);
      const after = listOf(p.after);
      if (!before || !after) {
        found.set(p.key, undefined); // a tree GitHub did not give: unknown, never guessed
        continue;
      }
      compare(p, before, after, found, next, known);
    }
    pending = next.filter((p) => found.get(p.key) !== undefined);
  }
  return found;
}

/** Compares one level; subtrees whose entries came nested are compared at once, the others wait for the next request. */
function compare(
  p: Pending,
  before: TreeEntry[],
  after: TreeEntry[],
  found: Map<string, string[] | undefined>,
  next: Pending[],
  known: Map<string, TreeEntry[]>,
) {
  const old = new Map(before.map((e) => [e.name, e]));
  const now = new Map(after.map((e) => [e.name, e]));
  for (const name of new Set([...old.keys(), ...now.keys()])) {
    const a = old.get(name);
    const b = now.get(name);
    if (a && b && a.oid === b.oid && a.type === b.type) continue;
    const path = `${p.prefix}${name}`;
    const aTree = a?.type === 'tree' ? a : undefined;
    const bTree = b?.type === 'tree' ? b : undefined;
    // A file changed, appeared or went (or a file and a folder swapped places): the path once.
    if ((a && !aTree) || (b && !bTree)) found.get(p.key)?.push(path);
    if (!aTree && !bTree) continue;
    for (const t of [aTree, bTree]) if (t?.entries) known.set(t.oid, t.entries);
    const sub: Pending = { key: p.key, prefix: `${path}/`, before: aTree?.oid ?? null, after: bTree?.oid ?? null };
    const subBefore = sub.before === null ? [] : known.get(sub.before);
    const subAfter = sub.after === null ? [] : known.get(sub.after);
    if (subBefore && subAfter) compare(sub, subBefore, subAfter, found, next, known);
    else next.push(sub);
  }
}
