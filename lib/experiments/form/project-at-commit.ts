import { readProject, type Project } from '../../dvc';
import type { GitHubClient } from '../../github/client';
import { listTree, readFilesAt, readRaw, type FileAnswer, type RepoName } from '../../github/reads';

/** What the Run form starts from: the project at a commit, and the text of every file read to find it (the plan edits those). */
export interface FormModel {
  sha: string;
  project: Project;
  /** Each file readProject read, as text: params files, `dvc.yaml`, `dvc.lock`, `.dvc` files, `.dvc/config`. */
  files: Record<string, string>;
}

/** Files readProject reads on every project: fetched together in one GraphQL request before it asks. */
const LIKELY = /(^|\/)(dvc\.yaml|dvc\.lock|params\.(yaml|yml|json|toml|py)|\.dvcignore)$|\.dvc$|^\.dvc\/config$/;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * The project at `sha` as DVC reads it: one tree listing, one batched read of the pipeline and
 * params files it names, then any other file readProject asks for (a params file of another
 * name) one by one. Files GraphQL cuts or calls binary are read raw.
 */
export async function readFormModel(client: GitHubClient, repo: RepoName, sha: string): Promise<FormModel> {
  const tree = await listTree(client, repo, sha);
  if (tree.truncated) throw new Error(`GitHub cut the file listing of ${sha.slice(0, 7)} short: the repository is too large to read here`);
  const present = new Set(tree.paths);
  const answers = new Map<string, FileAnswer>();
  const fetchAll = async (paths: string[]) => {
    if (paths.length === 0) return;
    const answer = (await readFilesAt(client, repo, [{ commit: sha, paths }])).get(sha);
    if (!answer) throw new Error(`the commit ${sha.slice(0, 7)} is not in ${repo.owner}/${repo.name}`);
    for (const [path, file] of answer.files) answers.set(path, file);
  };
  await fetchAll(tree.paths.filter((p) => LIKELY.test(p)));

  const files: Record<string, string> = {};
  const read = async (path: string): Promise<string | Uint8Array | null> => {
    if (!present.has(path)) return null;
    if (!answers.has(path)) await fetchAll([path]);
    const file = answers.get(path);
    if (!file) return null;
    if (file.text !== null && !file.isTruncated && !file.isBinary) {
      files[path] = file.text;
      return file.text;
    }
    const bytes = await readRaw(client, repo, sha, path);
    try {
      files[path] = utf8.decode(bytes);
    } catch {
      // Not text: readProject reports it; the plan never edits it.
    }
    return bytes;
  };
  const project = await readProject(read, tree.paths);
  return { sha, project, files };
}
