import { displayValue } from '../write/display-value';
import type { GitInput, Input, Param } from '../../dvc';

export interface ParamGroup {
  /** The top-level key of the params file (the param's own key when it has no dot). */
  name: string;
  params: Param[];
}

export interface ParamsFile {
  file: string;
  groups: ParamGroup[];
}

const matches = (needle: string, ...haystack: string[]) => haystack.some((h) => h.toLowerCase().includes(needle));

/**
 * Params grouped as Studio showed them: by params file, then by top-level group, in DVC's order;
 * only those whose file, key or value contains `search` (case-insensitive) when one is given.
 */
export function groupParams(params: readonly Param[], search = ''): ParamsFile[] {
  const needle = search.trim().toLowerCase();
  const files = new Map<string, Map<string, Param[]>>();
  for (const param of params) {
    if (needle && !matches(needle, param.file, param.key, JSON.stringify(param.value))) continue;
    const groups = files.get(param.file) ?? new Map<string, Param[]>();
    const name = param.key.split('.')[0]!;
    groups.set(name, [...(groups.get(name) ?? []), param]);
    files.set(param.file, groups);
  }
  return [...files].map(([file, groups]) => ({ file, groups: [...groups].map(([name, list]) => ({ name, params: list })) }));
}

/** The input data files to list: DVC-tracked data sources, and with `hidden` the stages' outputs too; filtered by `search`. */
export function visibleInputs(inputs: readonly Input[], hidden: boolean, search = ''): Input[] {
  const needle = search.trim().toLowerCase();
  return inputs.filter((i) => (hidden || !i.hidden) && (!needle || matches(needle, i.path)));
}

/** The stage inputs git keeps whose path contains `search` (all without one). */
export function visibleGitInputs(inputs: readonly GitInput[], search = ''): GitInput[] {
  const needle = search.trim().toLowerCase();
  return inputs.filter((i) => !needle || matches(needle, i.path));
}

/** Whether the params file holds another value than `dvc.lock` recorded: changed since the last reproduction. */
export const unreproduced = (param: Param): boolean => param.locked !== undefined && displayValue(param.value) !== displayValue(param.locked);
