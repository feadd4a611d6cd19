import type { Context } from './context';
import { PipelineError, expectObject, rejectExtraKeys } from './dvc-yaml-schema';
import { interpolate, resolveDeep, toStr } from './interpolate';
import { overlay } from './layers';
import type { Scope, Stage } from './model';
import { resolveStage } from './stage';
import type { FileStore } from '../files/store';
import { isObject, type DataObject, type DataValue } from '../types';

/** More stages than any real pipeline has; a `matrix` that multiplies past it is refused, not expanded. */
export const MAX_STAGES = 10_000;

function isComposite(value: DataValue): boolean {
  return Array.isArray(value) || isObject(value);
}

/** `foreach` items keyed as DVC names them: mapping keys; list values; list indices if any is composite. */
function foreachItems(iterable: DataValue, at: string): [string, DataValue][] {
  if (isObject(iterable)) return Object.entries(iterable);
  if (!Array.isArray(iterable)) throw new PipelineError(`foreach at ${at} must be a list or a mapping`);
  if (iterable.some(isComposite)) return iterable.map((v, i) => [String(i), v]);
  return iterable.map((v) => [toStr(v), v]);
}

/** `item` (and `key`) for one generated stage; DVC only warns when they shadow a context value. */
function withTemporary(context: Context, values: DataObject): Context {
  return { ...context, data: overlay(context.data, values) };
}

/** `matrix` combinations, named `a-b` (a composite value is named by its dimension and index: `labels0`). */
function matrixItems(matrix: DataObject, context: Context, at: string): [string, DataObject][] {
  let combos: [string[], DataObject][] = [[[], {}]];
  for (const [dim, raw] of Object.entries(matrix)) {
    const values = typeof raw === 'string' ? interpolate(raw, context.data) : resolveDeep(raw, context.data);
    if (!Array.isArray(values)) throw new PipelineError(`matrix dimension '${dim}' at ${at} must be a list`);
    if (combos.length * values.length > MAX_STAGES) throw new PipelineError(`matrix at ${at} expands to more than ${MAX_STAGES} stages`);
    const next: [string[], DataObject][] = [];
    for (const [names, item] of combos) {
      values.forEach((v, i) => next.push([[...names, isComposite(v) ? `${dim}${i}` : toStr(v)], { ...item, [dim]: v }]));
    }
    combos = next;
  }
  return combos.map(([names, item]) => [names.join('-'), item]);
}

/** A stage definition as the stages it stands for: `name@key` for each `foreach` item or `matrix` combination. */
export async function expandStage(store: FileStore, scope: Scope, name: string, raw: DataValue, context: Context): Promise<Stage[]> {
  const at = `stages.${name}`;
  const def = expectObject(raw, at);
  if ('foreach' in def) {
    rejectExtraKeys(def, ['foreach', 'do'], at);
    const body = expectObject(def.do, `${at}.do`);
    const source = def.foreach;
    // Unlike the stage body, DVC does not count the foreach source among the vars a stage used.
    const iterable = typeof source === 'string' ? interpolate(source, context.data) : resolveDeep(source ?? null, context.data);
    const items = foreachItems(iterable, at);
    if (items.length > MAX_STAGES) throw new PipelineError(`foreach at ${at} expands to more than ${MAX_STAGES} stages`);
    const out: Stage[] = [];
    for (const [key, item] of items) {
      const values: DataObject = isObject(iterable) ? { item, key } : { item };
      out.push(await resolveStage(store, scope, `${name}@${key}`, body, withTemporary(context, values)));
    }
    return out;
  }
  if ('matrix' in def) {
    const { matrix, ...body } = def;
    const out: Stage[] = [];
    // DVC resolves the matrix as a whole: `matrix: ${grid}` works as well as per-dimension `${...}`.
    const grid = typeof matrix === 'string' ? interpolate(matrix, context.data) : matrix;
    for (const [key, item] of matrixItems(expectObject(grid, `${at}.matrix`), context, at)) {
      out.push(await resolveStage(store, scope, `${name}@${key}`, body, withTemporary(context, { item, key })));
    }
    return out;
  }
  return [await resolveStage(store, scope, name, def, context)];
}
