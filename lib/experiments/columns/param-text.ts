import type { Param } from '../../dvc';
import type { ExperimentRow } from '../types';

/** A param value in a cell: strings as they are, numbers and booleans as YAML writes them, lists and maps as JSON, absent as `-`. */
export function paramText(value: Param['value'] | undefined): string {
  if (value === undefined) return '-';
  if (typeof value === 'string') return value;
  return JSON.stringify(value) ?? '-';
}

/** One changed param as the chip says it: `train.n_est 50→100`. */
export interface ParamChangeText {
  id: string;
  file: string;
  key: string;
  text: string;
  /** Changed in the params file, not yet reproduced in `dvc.lock`. */
  unreproduced: boolean;
}

/** The params a row changed against its first parent, as chip lines, unreproduced ones marked. */
export function paramChangeTexts(row: ExperimentRow): ParamChangeText[] {
  const pending = new Set(row.unreproduced.map((p) => `${p.file}:${p.key}`));
  return row.paramChanges.map((c) => {
    const id = `${c.file}:${c.key}`;
    return { id, file: c.file, key: c.key, text: `${c.key} ${paramText(c.old)}→${paramText(c.new)}`, unreproduced: pending.has(id) };
  });
}

export function paramValue(row: ExperimentRow, file: string, key: string): Param['value'] | undefined {
  return row.params.find((p) => p.file === file && p.key === key)?.value;
}
