import { ZERO_OID } from '../../git/repo';
import { notFound, RestError } from '../errors';
import { created, ok, type Route, type RouteInput } from '../route';
import { gitRef, treeEntry } from '../shapes/git';

const OID = /^[0-9a-f]{40}$/;
/** GitHub cuts a recursive tree at 100,000 entries and marks it `truncated` (docs: git/get-tree). */
export const TREE_ENTRY_LIMIT = 100_000;

async function commitSha(input: RouteInput, sha: unknown): Promise<string | null> {
  return typeof sha === 'string' && OID.test(sha) && (await input.repo.git.readObject(sha))?.type === 'commit' ? sha : null;
}

async function isEmpty(input: RouteInput): Promise<boolean> {
  return (await input.repo.git.refs('refs/heads/')).length === 0;
}

export const getRef: Route = async (input) => {
  const ref = `refs/${input.params.ref}`;
  const oid = await input.repo.git.readRef(ref);
  if (await isEmpty(input)) throw new RestError(409, 'Git Repository is empty.');
  if (!oid) throw notFound();
  return ok(gitRef(input.links, input.repo, ref, oid));
};

export const createRef: Route = async (input) => {
  const { ref, sha } = input.body;
  if (typeof ref !== 'string' || !/^refs\/[^/]+\/.+/.test(ref)) throw new RestError(422, `${String(ref)} is not a valid ref name.`);
  // "You are unable to create new references for empty repositories" (docs: git/create-ref).
  if (await isEmpty(input)) throw new RestError(409, 'Git Repository is empty.');
  const oid = await commitSha(input, sha);
  if (!oid) throw new RestError(422, 'Object does not exist');
  // Compare-and-swap from "no ref": an existing name is refused, never overwritten.
  if (!(await input.repo.git.updateRef(ref, oid, null))) throw new RestError(422, 'Reference already exists');
  const body = gitRef(input.links, input.repo, ref, oid);
  return created(body, String(body.url));
};

/**
 * Moves a ref. Without `force` only a fast-forward is accepted (`git merge-base --is-ancestor`),
 * and the move itself is a compare-and-swap from the tip that was checked, so a concurrent push
 * between the check and the move is never overwritten.
 */
export const updateRef: Route = async (input) => {
  const ref = `refs/${input.params.ref}`;
  const { force } = input.body;
  const sha = await commitSha(input, input.body.sha);
  if (!sha) throw new RestError(422, 'Object does not exist');
  for (let attempt = 0; attempt < 3; attempt++) {
    const current = await input.repo.git.readRef(ref);
    if (!current) throw new RestError(422, 'Reference does not exist');
    if (force !== true && current !== sha && !(await input.repo.git.isAncestor(current, sha))) {
      throw new RestError(422, 'Update is not a fast forward');
    }
    if (await input.repo.git.updateRef(ref, sha, current)) return ok(gitRef(input.links, input.repo, ref, sha));
  }
  throw new RestError(422, 'Reference cannot be updated');
};

/** `git/trees/{tree_sha}`: a tree, commit or ref name; `recursive` set to anything recurses. */
export const getTree: Route = async (input) => {
  const git = input.repo.git;
  const tree = await git.resolve(`${input.params.tree_sha}^{tree}`);
  if (!tree || tree === ZERO_OID) throw notFound();
  const entries = (await git.listTree(tree, { recursive: input.query.has('recursive') })).map((entry) => treeEntry(input.links, input.repo, entry, entry.size));
  return ok({
    sha: tree,
    url: `${input.links.repo(input.repo)}/git/trees/${tree}`,
    tree: entries.slice(0, TREE_ENTRY_LIMIT),
    truncated: entries.length > TREE_ENTRY_LIMIT,
  });
};
