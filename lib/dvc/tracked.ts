import { isObject } from './flatten';
import type { DataObject, DataValue, HashGeneration } from './types';

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
export function trackedEntry(value: DataValue): TrackedEntry | null {
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

/** The outputs of a `.dvc` file, with the folder they are relative to (its `wdir`, default `.`). */
export function parseDvcFile(value: DataValue): { wdir: string; outs: TrackedEntry[] } | null {
  if (!isObject(value) || !Array.isArray(value.outs)) return null;
  const outs = value.outs.map(trackedEntry);
  if (outs.some((o) => o === null)) return null;
  return { wdir: typeof value.wdir === 'string' ? value.wdir : '.', outs: outs as TrackedEntry[] };
}
