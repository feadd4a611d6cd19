// The public surface of lib/dvc: pure DVC semantics, no GitHub, no browser, no node: modules.
// Every path taken or given is repo-relative POSIX, normalised, without a trailing `/`.

// Reading a project at a commit.
export { readProject } from './project/read-project';
export { READER_VERSION } from './project/reader-version';
export type {
  CachedMetric,
  DataObject,
  DataValue,
  GitInput,
  ImagePlot,
  Input,
  Metric,
  MetricValue,
  Param,
  Plot,
  PlotFile,
  Problem,
  Project,
  ReadFile,
  VegaPlot,
} from './types';
export { diffParams, diffMetrics, formatMetric, type DiffOptions, type ParamChange, type MetricChange } from './diff';
/** A metrics file's metrics from bytes read elsewhere (a DVC remote), with its problem if unreadable. */
export { readMetricsFile } from './project/metrics';
/** Where a file not in git lives in the DVC cache (its own md5, or a tracked directory's `.dir`), for plot and metrics files. */
export { cacheIndex } from './project/cache-index';
/** Which of DVC's four loaders reads a params or metrics file (the editor picks the same one). */
export { fileFormat, type FileFormat } from './files/format';

// Editing params files byte-minimally.
export { editParams, type ParamEdit } from './edit/edit-params';
export type { ParamValue } from './edit/value';

// Hashes, `.dvc`/`dvc.lock` entries and remote objects.
export { createMd5, createFastMd5, md5Of, type Md5Hasher } from './hash/md5';
export type { HashGeneration } from './types';
/** `dirManifest` gives the bytes of the `.dir` object itself, which is uploaded beside the files. */
export { dirManifest, dirMd5, type DirEntry } from './hash/dir-hash';
/** What DVC leaves out of a folder it hashes: its default patterns and the `.dvcignore` files given. */
export { dvcIgnoreFilter } from './project/dvcignore';
export { importMd5 } from './hash/import-md5';
export { rewriteOut, type OutHash, type RewriteContext } from './edit/rewrite-out';
export { remoteObjectUrl, type RemoteObject } from './config/remote-url';
/** The remotes a `.dvc/config` names (and its default), for choosing the `remote` of `remoteObjectUrl`. */
export { parseDvcConfig, dvcRemote, type DvcConfig, type DvcRemote, type ConfigValue } from './config/dvc-config';
