import type { Project, ReadFile } from '../dvc';
import { readRemoteMetrics } from './remote-metrics';
import type { RemoteReader } from './remote-reader';
import type { ExperimentRow } from './types';

/** DVC's config in git. Its sibling `.dvc/config.local` holds secrets, is never committed, and is never read. */
export const DVC_CONFIG = '.dvc/config';

/** `.dvc/config` at a commit as text, null when absent. */
export async function readDvcConfig(read: ReadFile): Promise<string | null> {
  const content = await read(DVC_CONFIG);
  return content === null || typeof content === 'string' ? content : new TextDecoder().decode(content);
}

/**
 * Fills `remoteMetrics` and `remoteNotes` of the rows whose commit records metrics only by md5,
 * from their default DVC remote; every row at once, so that the reader shares objects between
 * rows and keeps its six-at-a-time budget over the whole page. Never rejects for a remote's sake.
 */
export async function addRemoteMetrics(
  rows: ExperimentRow[],
  reader: RemoteReader,
  projectOf: (sha: string) => Promise<Project>,
  configOf: (sha: string) => Promise<string | null>,
): Promise<void> {
  await Promise.all(
    rows
      .filter((row) => row.cachedMetrics.length > 0)
      .map(async (row) => {
        const { metrics, notes } = await readRemoteMetrics(reader, await projectOf(row.sha), await configOf(row.sha));
        row.remoteMetrics = metrics;
        row.remoteNotes = notes;
      }),
  );
}
