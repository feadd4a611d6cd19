import type { Budget } from './budget';
import { PipelineError, expectList } from './dvc-yaml-schema';
import { flattenLeaves } from '../flatten';
import { lookup, type Tracker } from './interpolate';
import { Origins, layeredGet, overlay } from './layers';
import { joinPath } from '../paths';
import type { FileStore } from '../files/store';
import { isObject, type DataObject, type DataValue } from '../types';

/** The templating context of one dvc.yaml: what `${...}` can name. */
export interface Context {
  data: DataObject;
  /** Files already merged, so that naming `params.yaml` in `vars` again is a no-op, as in DVC. */
  files: Set<string>;
  /** The file each dotted leaf came from (inline `vars` have none). */
  origins: Origins;
}

/** Values taken from files by `${...}`, per repo-relative file and dotted leaf (DVC's `tracked_vars`). */
export type TrackedVars = Map<string, Map<string, DataValue>>;

function addOrigins(context: Context, data: DataObject, file: string): void {
  for (const leaf of flattenLeaves(data)) context.origins.set(leaf.key, file);
}

/** Records the file leaves a lookup used: the leaf itself, every leaf under a mapping, or the list holding an item. */
export function tracker(context: Context, into: TrackedVars, budget: Budget): Tracker {
  const record = (key: string, value: DataValue) => {
    const file = context.origins.get(key);
    if (file === undefined) return;
    const leaves = into.get(file) ?? new Map<string, DataValue>();
    if (!leaves.has(key)) leaves.set(key, value);
    into.set(file, leaves);
  };
  return (path, value) => {
    if (context.origins.get(path) !== undefined) return record(path, value);
    if (isObject(value)) {
      const leaves = flattenLeaves(value, path);
      budget.spend(leaves.length);
      for (const leaf of leaves) record(leaf.key, leaf.value);
      return;
    }
    const parts = path.split('.');
    for (let n = parts.length - 1; n > 0; n--) {
      const key = parts.slice(0, n).join('.');
      if (context.origins.get(key) !== undefined) return record(key, lookup(context.data, key));
    }
  };
}

/** Merges without overwriting, as DVC's `Context.merge_update(overwrite=False)`. */
function mergeNew(into: DataObject, from: DataObject, source: string, prefix = ''): void {
  for (const [k, v] of Object.entries(from)) {
    const existing = layeredGet(into, k);
    if (existing === undefined) {
      into[k] = v;
    } else if (isObject(existing) && isObject(v)) {
      const copy = { ...existing };
      mergeNew(copy, v, source, `${prefix}${k}.`);
      into[k] = copy;
    } else {
      throw new PipelineError(`cannot redefine '${prefix}${k}' from '${source}' as it already exists`);
    }
  }
}

async function loadFile(store: FileStore, path: string): Promise<DataObject> {
  const loaded = await store.data(path);
  if ('absent' in loaded) throw new PipelineError(`vars file '${path}' does not exist`);
  if ('bad' in loaded) throw new PipelineError(`vars file '${path}' cannot be read`);
  if (!isObject(loaded.value)) throw new PipelineError(`vars file '${path}' is not a mapping`);
  return loaded.value;
}

/** The context a dvc.yaml starts with: the `params.yaml` beside it, when it exists and parses. */
export async function baseContext(store: FileStore, dir: string): Promise<Context> {
  const path = joinPath(dir, 'params.yaml')!;
  const loaded = await store.data(path);
  const data = 'value' in loaded && isObject(loaded.value) ? loaded.value : {};
  const context: Context = { data: overlay(data), files: new Set([path]), origins: new Origins() };
  addOrigins(context, data, path);
  return context;
}

/** A copy of `context` with the `vars` entries merged: `file`, `file:key1,key2`, or an inline mapping. */
export async function withVars(store: FileStore, context: Context, vars: DataValue | undefined, baseDir: string, at: string): Promise<Context> {
  const next: Context = { data: overlay(context.data), files: new Set(context.files), origins: new Origins(context.origins) };
  for (const entry of expectList(vars, at)) {
    if (isObject(entry)) {
      mergeNew(next.data, entry, 'inline vars');
      continue;
    }
    if (typeof entry !== 'string') throw new PipelineError(`expected a file name or a mapping in ${at}`);
    // `path:key1,key2` (`str.partition(":")`): the keys are top-level keys of the file.
    const colon = entry.indexOf(':');
    const file = colon >= 0 ? entry.slice(0, colon) : entry;
    const keys =
      colon >= 0
        ? entry
            .slice(colon + 1)
            .split(',')
            .filter((k) => k !== '')
        : [];
    const path = joinPath(baseDir, file);
    if (path === null) throw new PipelineError(`vars file '${file}' is outside the repository`);
    if (next.files.has(path) && keys.length === 0) continue;
    const data = await loadFile(store, path);
    let selected: DataObject = data;
    if (keys.length > 0) {
      selected = {};
      for (const key of keys) {
        if (!Object.prototype.hasOwnProperty.call(data, key)) throw new PipelineError(`could not find '${key}' in '${path}'`);
        selected[key] = data[key]!;
      }
    }
    mergeNew(next.data, selected, file);
    addOrigins(next, selected, path);
    next.files.add(path);
  }
  return next;
}
