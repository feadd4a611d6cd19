import { Budget } from './budget';
import { baseContext, withVars, type TrackedVars } from './context';
import { PipelineError, TOP_KEYS, expectList, expectObject, expectString, rejectExtraKeys, repoPath } from './dvc-yaml-schema';
import { MAX_STAGES, expandStage } from './expand';
import { ResolveError, resolveDeep } from './interpolate';
import { dirname, joinPath } from './paths';
import type { Scope } from './stage';
import type { FileStore } from './store';
import type { DataObject, DataValue } from './types';

export type OutputKind = 'outs' | 'metrics' | 'plots';

export interface StageOutput {
  /** Repo-relative. */
  path: string;
  kind: OutputKind;
  props: DataObject;
}

/** One params file a stage depends on: listed keys, or `null` for the whole file. */
export interface StageParams {
  file: string;
  keys: string[] | null;
}

export interface Stage {
  /** The name as `dvc.lock` keys it (`train`, `train@0`). */
  name: string;
  /** The name `dvc` prints: bare for the root dvc.yaml, else `sub/dvc.yaml:train`. */
  address: string;
  /** Repo-relative working directory. */
  wdir: string;
  params: StageParams[];
  outputs: StageOutput[];
}

export interface TopPlot {
  id: string;
  props: DataObject | null;
}

export interface Pipeline {
  /** The dvc.yaml (or a legacy single-stage `.dvc` file). */
  path: string;
  dir: string;
  /** Where the stages' hashes are recorded: the dvc.lock beside the dvc.yaml, or the `.dvc` file itself. */
  lockPath: string;
  stages: Stage[];
  /** Top-level `params:` files, repo-relative. */
  params: string[];
  /** Top-level `metrics:` paths, repo-relative. */
  metrics: string[];
  /** Top-level `plots:` as written, ids still relative to the dvc.yaml's folder. */
  plots: TopPlot[];
  /** Values the stages' `${...}` took from files. */
  tracked: TrackedVars;
}

function stringList(value: DataValue | undefined, dir: string, at: string): string[] {
  return expectList(value, at).map((entry, i) => repoPath(dir, expectString(entry, `${at}[${i}]`), `${at}[${i}]`));
}

function topPlots(value: DataValue | undefined): TopPlot[] {
  return expectList(value, 'plots').map((entry, i) => {
    if (typeof entry === 'string') return { id: entry, props: null };
    const obj = expectObject(entry, `plots[${i}]`);
    // DVC reads the first key of each entry (`next(iter(elem.items()))`).
    const [id, props] = Object.entries(obj)[0] ?? [];
    if (id === undefined) throw new PipelineError(`empty plot definition at plots[${i}]`);
    return { id, props: props === null || props === undefined ? null : expectObject(props, `plots[${i}].${id}`) };
  });
}

/** One dvc.yaml resolved as DVC resolves it, or `null` (with a problem) when DVC would refuse it. */
export async function loadPipeline(store: FileStore, path: string): Promise<Pipeline | null> {
  const loaded = await store.data(path);
  if (!('value' in loaded)) return null;
  const dir = dirname(path);
  try {
    const doc = expectObject(loaded.value, '');
    rejectExtraKeys(doc, TOP_KEYS, '');
    const context = await withVars(store, await baseContext(store, dir), doc.vars, dir, 'vars');
    const top = expectObject(resolveDeep({ params: doc.params ?? null, metrics: doc.metrics ?? null, plots: doc.plots ?? null }, context.data), '');
    let stages: Stage[] = [];
    const scope: Scope = { path, dir, tracked: new Map(), budget: new Budget() };
    for (const [name, raw] of Object.entries(expectObject(doc.stages ?? {}, 'stages'))) {
      stages = stages.concat(await expandStage(store, scope, name, raw, context));
      if (stages.length > MAX_STAGES) throw new PipelineError(`more than ${MAX_STAGES} stages`);
    }
    return {
      path,
      dir,
      lockPath: joinPath(dir, 'dvc.lock')!,
      stages,
      params: stringList(top.params, dir, 'params'),
      metrics: stringList(top.metrics, dir, 'metrics'),
      plots: topPlots(top.plots),
      tracked: scope.tracked,
    };
  } catch (e) {
    if (e instanceof PipelineError || e instanceof ResolveError || e instanceof RangeError) {
      store.problem(path, e instanceof RangeError ? 'too deeply nested' : e.message);
      return null;
    }
    throw e;
  }
}
