import { cacheIndex } from './cache-index';
import type { Pipeline } from '../pipeline/model';
import type { FileStore } from '../files/store';
import { isObject, type CachedMetric, type DataValue, type Input, type Metric } from '../types';

/**
 * `dvc metrics show`'s reading of one file (`_extract_metrics` + `flatten`): numbers, strings and
 * booleans kept, mappings joined with dots, lists and nulls dropped, a top-level scalar under `""`.
 */
function extractMetrics(file: string, value: DataValue, prefix = ''): Metric[] {
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') {
    return [{ file, key: prefix, value }];
  }
  if (!isObject(value)) return [];
  return Object.entries(value).flatMap(([k, v]) => extractMetrics(file, v, prefix === '' ? k : `${prefix}.${k}`));
}

/** Declared metrics paths in `_collect_metrics`' order: stage `metrics:` outputs, then top-level `metrics:`. */
function declared(pipelines: Pipeline[]): string[] {
  const outputs = pipelines.flatMap((p) => p.stages.flatMap((s) => s.outputs.filter((o) => o.kind === 'metrics').map((o) => o.path)));
  return [...new Set([...outputs, ...pipelines.flatMap((p) => p.metrics)])];
}

export async function collectMetrics(store: FileStore, pipelines: Pipeline[], inputs: Input[]): Promise<{ metrics: Metric[]; cachedMetrics: CachedMetric[] }> {
  let metrics: Metric[] = [];
  const cachedMetrics: CachedMetric[] = [];
  // A folder declared as metrics stands for every file in it.
  const files = declared(pipelines).flatMap((path) => {
    const inside = store.filesUnder(path);
    return inside.length > 0 ? inside : [path];
  });
  store.prefetch(files);
  const cached = cacheIndex(inputs);
  for (const file of files) {
    const loaded = await store.data(file);
    if ('value' in loaded) {
      // `_read_metric`: `val or {}`, so a file holding only 0, false or "" shows nothing.
      if (loaded.value !== 0 && loaded.value !== false && loaded.value !== '') metrics = metrics.concat(extractMetrics(file, loaded.value));
    } else if ('absent' in loaded) {
      const where = cached(file);
      if (where) cachedMetrics.push(where);
      else store.problem(file, 'declared as metrics but neither in git nor recorded in a dvc.lock or .dvc file');
    }
  }
  return { metrics, cachedMetrics };
}
