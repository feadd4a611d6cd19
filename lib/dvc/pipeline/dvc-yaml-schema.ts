import { joinPath } from '../paths';
import { isObject, type DataObject, type DataValue } from '../types';

/** A shape DVC's schema (`dvc/schema.py`) or resolver rejects; DVC refuses the whole dvc.yaml then. */
export class PipelineError extends Error {}

/** Top-level keys of a dvc.yaml (`MULTI_STAGE_SCHEMA`). */
export const TOP_KEYS = ['stages', 'vars', 'params', 'metrics', 'plots', 'artifacts', 'datasets'];
/** Keys of one stage definition (`STAGE_DEFINITION`). */
export const STAGE_KEYS = ['cmd', 'wdir', 'deps', 'params', 'outs', 'metrics', 'plots', 'frozen', 'meta', 'desc', 'always_changed', 'vars'];
/** Display properties of a plot (`dvc.schema.PLOT_PROPS`). */
export const PLOT_PROPS = ['template', 'x', 'y', 'x_label', 'y_label', 'title', 'header'];

export function where(at: string): string {
  return at === '' ? '' : ` at ${at}`;
}

export function expectObject(value: DataValue | undefined, at: string): DataObject {
  if (!isObject(value)) throw new PipelineError(`expected a mapping${where(at)}`);
  return value;
}

export function expectList(value: DataValue | undefined, at: string): DataValue[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new PipelineError(`expected a list${where(at)}`);
  return value;
}

export function expectString(value: DataValue | undefined, at: string): string {
  if (typeof value !== 'string') throw new PipelineError(`expected a string${where(at)}`);
  return value;
}

export function rejectExtraKeys(value: DataObject, allowed: readonly string[], at: string): void {
  const extra = Object.keys(value).filter((k) => !allowed.includes(k));
  if (extra.length > 0) {
    throw new PipelineError(`extra keys not allowed${where(at)}: ${extra.map((k) => `'${k}'`).join(', ')}`);
  }
}

/** An output or plot entry: `path` or `{path: {props}}` (one key). */
export function outputEntry(entry: DataValue, at: string): { path: string; props: DataObject } {
  if (typeof entry === 'string') return { path: entry, props: {} };
  const obj = expectObject(entry, at);
  const keys = Object.keys(obj);
  if (keys.length !== 1) throw new PipelineError(`expected one path per entry${where(at)}`);
  const props = obj[keys[0]!];
  if (props === null || props === undefined) return { path: keys[0]!, props: {} };
  return { path: keys[0]!, props: expectObject(props, `${at}.${keys[0]}`) };
}

/** A path of a dvc.yaml made repo-relative; leaving the repository is refused. */
export function repoPath(base: string, path: string, at: string): string {
  const joined = joinPath(base, path);
  if (joined === null || joined === '') throw new PipelineError(`path '${path}'${at ? ` at ${at}` : ''} is outside the repository`);
  return joined;
}
