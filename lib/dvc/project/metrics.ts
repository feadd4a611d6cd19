import { cacheIndex } from './cache-index';
import type { Pipeline } from '../pipeline/model';
import { FileStore } from '../files/store';
import { isObject, type CachedMetric, type DataValue, type Input, type Metric, type Problem } from '../types';

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

/** `_read_metric`: `val or {}`, so a file holding only 0, false or "" shows nothing. */
function metricsOf(file: string, value: DataValue): Metric[] {
  return value === 0 || value === false || value === '' ? [] : extractMetrics(file, value);
}

/**
 * One metrics file read from its content, as a metrics file in git is read: for the files a
 * commit records only by md5 (`cachedMetrics`), whose bytes come from the DVC remote.
 */
export async function readMetricsFile(file: string, content: Uint8Array | string): Promise<{ metrics: Metric[]; problems: Problem[] }> {
  const store = new FileStore(async (path) => (path === file ? content : null), [file]);
  const loaded = await store.data(file);
  return { metrics: 'value' in loaded ? metricsOf(file, loaded.value) : [], problems: [...store.problems] };
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
      metrics = metrics.concat(metricsOf(file, loaded.value));
    } else if ('absent' in loaded) {
      const where = cached(file);
      if (where) cachedMetrics.push(where);
      else store.problem(file, 'declared as metrics but neither in git nor recorded in a dvc.lock or .dvc file');
    }
  }
  return { metrics, cachedMetrics };
}
