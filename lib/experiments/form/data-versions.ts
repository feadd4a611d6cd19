import { readProject, type Input } from '../../dvc';
import type { GitHubClient } from '../../github/client';
import { pathHistory } from '../../github/path-history';
import type { RepoName } from '../../github/reads';

/** Another version of a DVC-tracked file, as the project's history recorded it: what Studio offered instead of an upload. */
export interface DataVersion {
  md5: string;
  size?: number;
  nfiles?: number;
  /** The oldest commit in the history read whose entry names this content. */
  commit: string;
  date: string;
}

/** `dvc.lock` entries are read with the `dvc.yaml` beside them. */
const withPipeline = (dvcFile: string) => (dvcFile === 'dvc.lock' || dvcFile.endsWith('/dvc.lock') ? [dvcFile, `${dvcFile.slice(0, -4)}yaml`] : [dvcFile]);

/**
 * The other contents `input` had in the history of `commit` (newest first), read from each
 * commit that changed its `.dvc` file or `dvc.lock`: only entries hashed by the same DVC
 * generation (a 2.x md5 names another object than a 3.x one), the current content left out.
 */
export async function dataVersions(
  client: GitHubClient,
  repo: RepoName,
  commit: string,
  input: Pick<Input, 'path' | 'dvcFile' | 'md5' | 'hashGeneration'>,
): Promise<DataVersion[]> {
  const files = withPipeline(input.dvcFile);
  const history = await pathHistory(client, repo, commit, input.dvcFile, files);
  const found = new Map<string, DataVersion>();
  for (const entry of history) {
    const read = async (path: string) => entry.files.get(path) ?? null;
    const project = await readProject(
      read,
      files.filter((f) => entry.files.get(f) !== null),
    );
    const then = project.inputs.find((i) => i.path === input.path);
    if (!then?.md5 || then.md5 === input.md5 || then.hashGeneration !== input.hashGeneration) continue;
    // Newest first: a later (older) commit with the same content is closer to the one that introduced it.
    const version: DataVersion = { md5: then.md5, commit: entry.oid, date: entry.committedDate };
    if (then.size !== undefined) version.size = then.size;
    if (then.nfiles !== undefined) version.nfiles = then.nfiles;
    const seen = found.get(then.md5);
    found.set(then.md5, seen ? { ...seen, commit: entry.oid, date: entry.committedDate } : version);
  }
  return [...found.values()];
}
