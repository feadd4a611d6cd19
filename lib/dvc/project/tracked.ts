import type { OutputKind } from '../pipeline/model';
import { isObject, type DataObject, type DataValue, type HashGeneration } from '../types';

/** One output entry as a `.dvc` file or a `dvc.lock` records it. */
export interface TrackedEntry {
  /** As written: relative to the `.dvc` file's folder (and its `wdir`) or to the stage's `wdir`. */
  path: string;
  md5?: string;
  size?: number;
  nfiles?: number;
  hashGeneration: HashGeneration;
}

/** DVC 3 writes `hash: md5`; a 2.x entry has an md5 and no `hash` (dos2unix hashing of text). */
function trackedEntry(value: DataValue): TrackedEntry | null {
  if (!isObject(value) || typeof value.path !== 'string') return null;
  const entry: TrackedEntry = {
    path: value.path,
    hashGeneration: typeof value.md5 === 'string' && value.hash !== 'md5' ? '2' : '3',
  };
  if (typeof value.md5 === 'string') entry.md5 = value.md5;
  if (typeof value.size === 'number') entry.size = value.size;
  if (typeof value.nfiles === 'number') entry.nfiles = value.nfiles;
  return entry;
}

export interface LockStage {
  /** `params:` per file as written (relative to the stage's wdir): dotted keys or whole sub-trees. */
  params: Map<string, DataObject>;
  outs: TrackedEntry[];
}

/**
 * The stages of a `dvc.lock`: schema 2.0 (`{schema: '2.0', stages: {...}}`) or the 1.x layout
 * (stages at the top). `null` when the lock's shape is not one of those.
 */
export function parseLock(value: DataValue): Map<string, LockStage> | null {
  if (!isObject(value)) return null;
  const stages = 'schema' in value || 'stages' in value ? value.stages : value;
  if (!isObject(stages)) return null;
  const out = new Map<string, LockStage>();
  for (const [name, raw] of Object.entries(stages)) {
    if (!isObject(raw)) return null;
    const params = new Map<string, DataObject>();
    if (isObject(raw.params)) {
      for (const [file, values] of Object.entries(raw.params)) if (isObject(values)) params.set(file, values);
    }
    const outs = Array.isArray(raw.outs) ? raw.outs.map(trackedEntry).filter((e): e is TrackedEntry => e !== null) : [];
    out.set(name, { params, outs });
  }
  return out;
}

export interface DvcFileOutput {
  entry: TrackedEntry;
  kind: OutputKind;
  /** Plot display properties (`plot: {x: ..}`), empty otherwise. */
  props: DataObject;
}

/**
 * A `.dvc` file: its outputs, the folder they are relative to (its `wdir`, default `.`), and
 * whether it is a stage (a legacy single-stage file with a `cmd`) rather than a data source from
 * `dvc add`/`dvc import` (`Stage.is_data_source`: `cmd is None`). Outputs flagged `metric`/`plot`
 * are metrics and plots, as DVC 1 wrote them.
 */
export function parseDvcFile(value: DataValue): { wdir: string; isStage: boolean; outs: DvcFileOutput[] } | null {
  if (!isObject(value) || !Array.isArray(value.outs)) return null;
  const outs: DvcFileOutput[] = [];
  for (const raw of value.outs) {
    const entry = trackedEntry(raw);
    if (!entry || !isObject(raw)) return null;
    const kind: OutputKind = raw.metric ? 'metrics' : raw.plot ? 'plots' : 'outs';
    outs.push({ entry, kind, props: isObject(raw.plot) ? raw.plot : {} });
  }
  return {
    wdir: typeof value.wdir === 'string' ? value.wdir : '.',
    isStage: value.cmd !== undefined && value.cmd !== null,
    outs,
  };
}
