import { Budget } from './budget';
import { baseContext, withVars } from './context';
import { PipelineError, TOP_KEYS, expectList, expectObject, expectString, rejectExtraKeys, repoPath } from './dvc-yaml-schema';
import { MAX_STAGES, expandStage } from './expand';
import { ResolveError, resolveDeep } from './interpolate';
import { dirname, joinPath } from '../paths';
import type { Pipeline, Scope, Stage, TopPlot } from './model';
import type { FileStore } from '../files/store';
import type { DataValue } from '../types';

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
