import { compareCodePoints } from '../python/compare';
import { MAX_IGNORE_RULES, ignoreFiles, ignoredBy, parseIgnore } from './dvcignore';
import { collectGitInputs } from './git-inputs';
import { collectInputs } from './inputs';
import { collectMetrics } from './metrics';
import { collectParams } from './params';
import { basename, dirname, joinPath } from '../paths';
import type { Pipeline } from '../pipeline/model';
import { loadPipeline } from '../pipeline/pipeline';
import { collectPlots } from './plots';
import { FileStore } from '../files/store';
import { parseDvcFile, parseLock, type LockStage, type TrackedEntry } from './tracked';
import type { Project, ReadFile } from '../types';

/** DVC never looks for pipeline files inside its own folder or git's. */
function isProjectFile(path: string): boolean {
  return !/(^|\/)\.(dvc|git)\//.test(path);
}

/** Folders holding their own `.dvc/`: sub-repositories, whose files the root project does not collect. */
function inSubRepo(paths: string[]): (path: string) => boolean {
  const roots = new Set<string>();
  for (const path of paths) {
    const at = path.indexOf('/.dvc/');
    if (at > 0) roots.add(path.slice(0, at));
  }
  return (path) => {
    for (let dir = dirname(path); dir !== ''; dir = dirname(dir)) if (roots.has(dir)) return true;
    return false;
  };
}

/** The root dvc.yaml first, then the others by path. */
function rootFirst(a: string, b: string): number {
  if (a === 'dvc.yaml') return -1;
  if (b === 'dvc.yaml') return 1;
  return compareCodePoints(a, b);
}

async function loadLocks(store: FileStore, pipelines: Pipeline[]): Promise<Map<string, Map<string, LockStage>>> {
  const locks = new Map<string, Map<string, LockStage>>();
  for (const pipeline of pipelines) {
    const path = pipeline.lockPath;
    const loaded = await store.data(path);
    if (!('value' in loaded)) continue;
    const lock = parseLock(loaded.value);
    if (lock) locks.set(pipeline.path, lock);
    else store.problem(path, 'not a dvc.lock: expected `schema` and a mapping of `stages`');
  }
  return locks;
}

interface DvcFiles {
  dataSources: { path: string; wdir: string; outs: TrackedEntry[] }[];
  /** Legacy single-stage files, each a pipeline of one stage that is its own lock. */
  stages: { pipeline: Pipeline; lock: Map<string, LockStage> }[];
}

async function loadDvcFiles(store: FileStore, paths: string[]): Promise<DvcFiles> {
  const files: DvcFiles = { dataSources: [], stages: [] };
  for (const path of paths) {
    const loaded = await store.data(path);
    if (!('value' in loaded)) continue;
    const parsed = parseDvcFile(loaded.value);
    const wdir = parsed && joinPath(dirname(path), parsed.wdir);
    if (!parsed || wdir === null) {
      store.problem(path, 'not a .dvc file: expected a list of `outs`, each with a `path`');
    } else if (!parsed.isStage) {
      files.dataSources.push({ path, wdir: parsed.wdir, outs: parsed.outs.map((o) => o.entry) });
    } else {
      const outputs = parsed.outs.flatMap(({ entry, kind, props }) => {
        const out = joinPath(wdir, entry.path);
        return out ? [{ path: out, kind, props }] : [];
      });
      const stage = { name: path, address: path, wdir, params: [], deps: [], outputs };
      const pipeline: Pipeline = {
        path,
        dir: dirname(path),
        lockPath: path,
        stages: [stage],
        params: [],
        metrics: [],
        plots: [],
        tracked: new Map(),
      };
      const lock = new Map([[path, { params: new Map(), outs: parsed.outs.map((o) => o.entry) }]]);
      files.stages.push({ pipeline, lock });
    }
  }
  return files;
}

/** What the repository's `.dvcignore` files hide from DVC. */
async function dvcIgnored(store: FileStore): Promise<(path: string) => boolean> {
  const files = ignoreFiles(store.files((p) => basename(p) === '.dvcignore'));
  const texts = await Promise.all(files.map((path) => store.text(path)));
  const rules = files.flatMap((path, i) => parseIgnore(texts[i] ?? '', dirname(path)));
  if (rules.length > MAX_IGNORE_RULES) {
    store.problem(files[0]!, `more than ${MAX_IGNORE_RULES} .dvcignore patterns: only the first ${MAX_IGNORE_RULES} are applied`);
  }
  return ignoredBy(rules.slice(0, MAX_IGNORE_RULES));
}

/**
 * A DVC repository at one commit, read as DVC reads it. `read` gives a file's content (null when
 * absent); `paths` names the files known at the commit (the whole tree or candidates). A rejected
 * `read` rejects; a bad file only adds a problem.
 */
export async function readProject(read: ReadFile, paths: string[]): Promise<Project> {
  const normalised = [...new Set(paths.map((p) => joinPath(p)).filter((p): p is string => !!p))];
  const sub = inSubRepo(normalised);
  const listed = normalised.filter((p) => isProjectFile(p) && !sub(p));
  const store = new FileStore(read, listed);
  const isPipeline = (p: string) => basename(p) === 'dvc.yaml';
  const isDvcFile = (p: string) => p.endsWith('.dvc') && basename(p) !== '.dvc';
  // Start every read we know we may need at once (before `.dvcignore` is known: reading a file
  // it hides costs less than waiting for it); the steps below then await them in order.
  const candidates = store.files((p) => isPipeline(p) || isDvcFile(p));
  const locks = candidates.filter(isPipeline).map((p) => joinPath(dirname(p), 'dvc.lock')!);
  store.prefetch([...candidates, ...locks, 'params.yaml']);
  store.exclude(await dvcIgnored(store));
  const pipelineFiles = store.files(isPipeline).sort(rootFirst);
  const dvcFiles = store.files(isDvcFile);

  const pipelines = (await Promise.all(pipelineFiles.map((path) => loadPipeline(store, path)))).filter((p): p is Pipeline => p !== null);
  const lockData = await loadLocks(store, pipelines);
  const dvc = await loadDvcFiles(store, dvcFiles);
  for (const { pipeline, lock } of dvc.stages) {
    pipelines.push(pipeline);
    lockData.set(pipeline.path, lock);
  }
  const inputs = collectInputs(dvc.dataSources, pipelines, lockData);
  const gitInputs = collectGitInputs(pipelines, inputs, listed);
  const params = await collectParams(store, pipelines, lockData, inputs);
  const { metrics, cachedMetrics } = await collectMetrics(store, pipelines, inputs);
  const plots = collectPlots(store, pipelines);
  const stages = pipelines.flatMap((p) => p.stages.map((s) => s.address));
  const problems = [...store.problems].sort((a, b) => compareCodePoints(a.path, b.path));
  return { params, inputs, gitInputs, metrics, cachedMetrics, plots, stages, problems };
}
