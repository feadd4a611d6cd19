import { compareCodePoints, deepEqual } from './python/compare';
import { floatStr, numberStr } from './python/python-float';
import type { DataValue, Metric, MetricValue, Param } from './types';

/** DVC's metrics precision (`dvc/commands/metrics.py` `DEFAULT_PRECISION`). */
const METRIC_PRECISION = 5;

export interface DiffOptions {
  /** Include unchanged keys too (`--all`). */
  all?: boolean;
}

/** `undefined` stands for a key absent on that side (DVC prints `-`). */
export interface ParamChange {
  file: string;
  key: string;
  old: DataValue | undefined;
  new: DataValue | undefined;
}

export interface MetricChange {
  file: string;
  key: string;
  old: MetricValue | undefined;
  new: MetricValue | undefined;
  /** `new - old`, only when both are numbers (booleans count as 0 and 1: Python's bool is an int). */
  change?: number;
}

/** Python `==` on two scalars: `1 == 1.0`, `True == 1`. */
function pyScalarEqual(a: unknown, b: unknown): boolean {
  const num = (v: unknown) => (typeof v === 'boolean' ? Number(v) : v);
  return num(a) === num(b);
}

/** Python `==` on parsed values: lists and mappings element-wise. */
function pyEqual(a: DataValue | undefined, b: DataValue | undefined): boolean {
  return deepEqual(a, b, pyScalarEqual);
}

/** `dvc.utils.diff._diff_vals` compares single-element lists by their element. */
function unwrap(value: DataValue | undefined, other: DataValue | undefined): DataValue | undefined {
  return Array.isArray(value) && Array.isArray(other) && value.length === 1 && other.length === 1 ? value[0] : value;
}

function diffRows<V extends DataValue>(
  a: { file: string; key: string; value: V }[],
  b: { file: string; key: string; value: V }[],
  options: DiffOptions,
): { file: string; key: string; old: V | undefined; new: V | undefined }[] {
  const id = (r: { file: string; key: string }) => `${r.file}\0${r.key}`;
  const olds = new Map(a.map((r) => [id(r), r]));
  const news = new Map(b.map((r) => [id(r), r]));
  const rows = [];
  for (const key of new Set([...olds.keys(), ...news.keys()])) {
    const where = (olds.get(key) ?? news.get(key))!;
    const oldRaw = olds.get(key)?.value;
    const newRaw = news.get(key)?.value;
    const old = unwrap(oldRaw, newRaw) as V | undefined;
    const now = unwrap(newRaw, oldRaw) as V | undefined;
    const same = olds.has(key) === news.has(key) && pyEqual(old, now);
    if (same && !options.all) continue;
    rows.push({ file: where.file, key: where.key, old, new: now });
  }
  // `dvc params diff`/`dvc metrics diff` list each file's keys sorted.
  return rows.sort((x, y) => compareCodePoints(x.file, y.file) || compareCodePoints(x.key, y.key));
}

/** `dvc params diff a b`: changed params only unless `{all: true}`. */
export function diffParams(a: Param[], b: Param[], options: DiffOptions = {}): ParamChange[] {
  return diffRows(a, b, options);
}

/** A metric as Python's `isinstance(v, (int, float))` sees it: bools are the ints 0 and 1. */
function pyNumeric(value: MetricValue | undefined): number | undefined {
  if (typeof value === 'boolean') return Number(value);
  return typeof value === 'number' ? value : undefined;
}

/** `dvc metrics diff a b`, with `change = new - old` when both are numbers (`dvc/utils/diff.py` `_diff_vals`). */
export function diffMetrics(a: Metric[], b: Metric[], options: DiffOptions = {}): MetricChange[] {
  return diffRows(a, b, options).map((row) => {
    const out: MetricChange = row;
    const [old, now] = [pyNumeric(row.old), pyNumeric(row.new)];
    if (old !== undefined && now !== undefined) out.change = now - old;
    return out;
  });
}

/**
 * A metric as `dvc metrics show/diff` prints it: numbers rounded to 5 decimals (`round(v, 5)`)
 * and printed as Python prints them, booleans as `True`/`False`, a missing value as `-`.
 */
export function formatMetric(value: MetricValue | undefined | null): string {
  if (value === undefined || value === null) return '-';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'string') return value;
  if (Number.isInteger(value) || !Number.isFinite(value)) return numberStr(value);
  // A non-integral number is a Python float, and stays one after rounding (`round(1e-6, 5)` is `0.0`).
  return floatStr(Number(value.toFixed(METRIC_PRECISION)));
}
