import { readMetricsFile, type Metric, type Project } from '../dvc';
import { RemoteError, type RemoteFailure } from '../remote';
import { cachedDirEntries, locateCachedFile, ManifestError, readCachedFile, type CachedFile, type Tracked } from './cached-files';
import type { RemoteReader } from './remote-reader';

/**
 * Why a metrics file of a row could not be read from the remote, said for the row: `message` says
 * which failure and what to do. `unreadable`: the remote's copy is not a readable manifest or
 * metrics file. The other kinds carry lib/remote's details (the `permission` one its origin, for
 * the "Read metrics from <host>" button).
 */
export interface RemoteNote {
  file: string;
  message: string;
  failure: RemoteFailure | { kind: 'unreadable' };
}

export interface RemoteMetrics {
  /** Metrics of the files the commit records only by md5, read from the DVC remote. */
  metrics: Metric[];
  notes: RemoteNote[];
}

function advice(file: string, failure: RemoteFailure): string {
  switch (failure.kind) {
    case 'missing':
      return `${file} is not in the DVC remote (${failure.url}): push it with \`dvc push\` from this commit.`;
    case 'unsupported':
      return `${file} is kept in the DVC remote, which Commit Lab cannot read: ${failure.message}.`;
    case 'credentials':
      return `${file} is in a DVC remote on ${failure.host} that needs credentials: add them for this remote in Commit Lab's options.`;
    case 'permission':
      return failure.denied
        ? `${file} is in a DVC remote on ${failure.host}, which you chose not to let Commit Lab read; open Commit Lab's options to be asked again.`
        : `${file} is in a DVC remote on ${failure.host}: allow Commit Lab to read metrics from ${failure.host}.`;
    case 'refused':
      return `${failure.host} refused to give ${file} (HTTP ${failure.status}${failure.code ? ` ${failure.code}` : ''}${failure.message ? `: ${failure.message}` : ''}); check this remote's credentials in Commit Lab's options.`;
    case 'mismatch':
      return `The DVC remote's copy of ${file} is not the one this commit records (md5 ${failure.actual}, not ${failure.expected}); it was not used.`;
    case 'network':
      return `${file} could not be read: ${failure.host} did not answer (${failure.message}).`;
  }
}

function noteFor(file: string, error: unknown): RemoteNote {
  if (error instanceof RemoteError) return { file, message: advice(file, error.failure), failure: error.failure };
  if (error instanceof ManifestError)
    return { file, message: `${file} could not be read from the DVC remote: ${error.message}.`, failure: { kind: 'unreadable' } };
  throw error;
}

function noConfigNote(file: string): RemoteNote {
  const failure: RemoteFailure = { kind: 'unsupported', message: 'the commit has no .dvc/config naming a remote' };
  return { file, message: advice(file, failure), failure };
}

/** The metrics files one cached entry stands for: a file, or every file of a directory declared as metrics and stored whole. */
async function files(reader: RemoteReader, project: Tracked, dvcConfig: string, cached: CachedFile): Promise<CachedFile[]> {
  if (!('md5' in cached) || !cached.md5.endsWith('.dir')) return [cached];
  const dir = { path: cached.file, md5: cached.md5 };
  return (await cachedDirEntries(reader, project, dvcConfig, dir)).map((e) => ({ file: `${cached.file}/${e.relpath}`, dir }));
}

async function readOne(reader: RemoteReader, project: Tracked, dvcConfig: string, cached: CachedFile): Promise<RemoteMetrics> {
  try {
    const all = await Promise.all(
      (await files(reader, project, dvcConfig, cached)).map(async (where) =>
        readMetricsFile(where.file, await readCachedFile(reader, project, dvcConfig, where)),
      ),
    );
    return {
      metrics: all.flatMap((read) => read.metrics),
      notes: all.flatMap((read) =>
        read.problems.map(({ path, message }) => ({
          file: path,
          message: `${path} from the DVC remote ${message}.`,
          failure: { kind: 'unreadable' as const },
        })),
      ),
    };
  } catch (error) {
    return { metrics: [], notes: [noteFor(cached.file, error)] };
  }
}

/**
 * The metrics a commit records only by md5 (`project.cachedMetrics`), read from its default DVC
 * remote as `.dvc/config` names it (`dvcConfig`: that file at the commit, null when absent —
 * `.dvc/config.local` is never read: DVC keeps secrets there and it is not committed). Every
 * failure is a note for its file; it never rejects for a remote's sake.
 */
export async function readRemoteMetrics(
  reader: RemoteReader,
  project: Tracked & Pick<Project, 'cachedMetrics'>,
  dvcConfig: string | null,
): Promise<RemoteMetrics> {
  if (project.cachedMetrics.length === 0) return { metrics: [], notes: [] };
  if (dvcConfig === null) return { metrics: [], notes: project.cachedMetrics.map(({ file }) => noConfigNote(file)) };
  const read = await Promise.all(project.cachedMetrics.map((cached) => readOne(reader, project, dvcConfig, cached)));
  return { metrics: read.flatMap((r) => r.metrics), notes: read.flatMap((r) => r.notes) };
}

/**
 * One file the commit records only by md5 (a plot's data, an image), from the remote: its bytes,
 * or the note that says why not. For the plots views, which read plot files on demand.
 */
export async function readRemoteFile(
  reader: RemoteReader,
  project: Tracked,
  dvcConfig: string | null,
  file: string,
): Promise<{ bytes: Uint8Array } | { note: RemoteNote }> {
  const where = locateCachedFile(project, file);
  if (!where) return { note: { file, message: `${file} is neither in git nor recorded in a dvc.lock or .dvc file.`, failure: { kind: 'unreadable' } } };
  if (dvcConfig === null) return { note: noConfigNote(file) };
  try {
    return { bytes: await readCachedFile(reader, project, dvcConfig, where) };
  } catch (error) {
    return { note: noteFor(file, error) };
  }
}
