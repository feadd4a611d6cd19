import { cacheIndex } from './cache-index';
import { flattenLeaves } from '../flatten';
import { keyExists, underAnyKey } from './key-path';
import { joinPath } from '../paths';
import type { Pipeline } from '../pipeline/model';
import type { FileStore } from '../files/store';
import type { LockStage } from './tracked';
import { isObject, type DataValue, type Input, type Param } from '../types';

type CacheLookup = ReturnType<typeof cacheIndex>;

interface Wanted {
  /** Shown whole: tracked whole somewhere, or the root params.yaml. */
  whole: boolean;
  /** Listed keys, each with who needs it: absent ones are problems even when the file is shown whole. */
  keys: Map<string, string>;
  /** Who needs the file (its absence is then a problem); `null` for the root params.yaml. */
  required: string | null;
}

/** Params files and keys in DVC's order (`params show`): stage deps, top-level `params:`, root params.yaml. */
function wantedFiles(pipelines: Pipeline[]): Map<string, Wanted> {
  const wanted = new Map<string, Wanted>();
  const want = (file: string, keys: string[] | null, by: string | null) => {
    const entry = wanted.get(file) ?? { whole: false, keys: new Map<string, string>(), required: by };
    if (keys === null) entry.whole = true;
    else for (const key of keys) if (!entry.keys.has(key)) entry.keys.set(key, by ?? '');
    wanted.set(file, entry);
  };
  for (const pipeline of pipelines) {
    for (const stage of pipeline.stages) for (const p of stage.params) want(p.file, p.keys, `stage '${stage.address}'`);
  }
  for (const pipeline of pipelines) for (const file of pipeline.params) want(file, null, pipeline.path);
  want('params.yaml', null, null);
  return wanted;
}

/** The value each lock records, per repo-relative params file and dotted leaf; the first stage wins. */
function lockedValues(pipelines: Pipeline[], locks: Map<string, Map<string, LockStage>>): Map<string, Map<string, DataValue>> {
  const out = new Map<string, Map<string, DataValue>>();
  for (const pipeline of pipelines) {
    const lock = locks.get(pipeline.path);
    for (const stage of pipeline.stages) {
      for (const [file, values] of lock?.get(stage.name)?.params ?? []) {
        const path = joinPath(stage.wdir, file);
        if (path === null) continue;
        const leaves = out.get(path) ?? new Map<string, DataValue>();
        for (const { key, value } of flattenLeaves(values)) if (!leaves.has(key)) leaves.set(key, value);
        out.set(path, leaves);
      }
    }
  }
  return out;
}

async function readParamsFile(store: FileStore, file: string, want: Wanted, locked: Map<string, DataValue> | undefined, cached: CacheLookup): Promise<Param[]> {
  const loaded = await store.data(file);
  if ('absent' in loaded) {
    if (!want.required) return [];
    // A params file DVC caches (like DVCLive's results/train/params.yaml) is not in git to read.
    const where = cached(file);
    const tracked = where === null ? null : 'dir' in where ? `inside '${where.dir.path}'` : 'itself';
    store.problem(
      file,
      tracked ? `params file not in git: DVC tracks it ${tracked} (needed by ${want.required})` : `params file not found (needed by ${want.required})`,
    );
    return [];
  }
  if ('bad' in loaded) return [];
  const doc = loaded.value;
  if (!isObject(doc)) {
    store.problem(file, 'params file must hold a mapping at the top level');
    return [];
  }
  const leaves = flattenLeaves(doc);
  const leafKeys = leaves.map((l) => l.key);
  for (const [key, by] of want.keys) {
    // DVC's MissingParamsError, which `dvc repro` stops on.
    if (!keyExists(doc, key, leafKeys)) store.problem(file, `Parameters '${key}' are missing from '${file}' (needed by ${by})`);
  }
  const selected = underAnyKey([...want.keys.keys()]);
  const params: Param[] = [];
  for (const leaf of leaves) {
    if (!want.whole && !selected(leaf.key)) continue;
    const param: Param = { file, key: leaf.key, value: leaf.value };
    if (locked?.has(leaf.key)) param.locked = locked.get(leaf.key)!;
    params.push(param);
  }
  return params;
}

export async function collectParams(store: FileStore, pipelines: Pipeline[], locks: Map<string, Map<string, LockStage>>, inputs: Input[]): Promise<Param[]> {
  const cached = cacheIndex(inputs);
  const locked = lockedValues(pipelines, locks);
  let params: Param[] = [];
  const wanted = wantedFiles(pipelines);
  // A folder named as params stands for every file in it (`try_expand_paths`).
  const files = [...wanted].flatMap(([path, want]) => {
    const inside = store.filesUnder(path);
    return (inside.length > 0 ? inside : [path]).map((file) => [file, want] as const);
  });
  store.prefetch(files.map(([file]) => file));
  for (const [file, want] of files) params = params.concat(await readParamsFile(store, file, want, locked.get(file), cached));
  return [...params, ...trackedVars(pipelines, new Set(wanted.keys()))];
}

/**
 * `params show`'s `_collect_vars`: values templating took from `vars` files that are not params
 * files already (a file shown anyway is not repeated).
 */
function trackedVars(pipelines: Pipeline[], shown: Set<string>): Param[] {
  const out = new Map<string, Param>();
  for (const pipeline of pipelines) {
    for (const [file, leaves] of pipeline.tracked) {
      if (shown.has(file)) continue;
      for (const [key, value] of leaves) if (!out.has(`${file}\0${key}`)) out.set(`${file}\0${key}`, { file, key, value });
    }
  }
  return [...out.values()];
}
