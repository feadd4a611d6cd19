import { baseContext, tracker, withVars, type Context, type TrackedVars } from './context';
import {
  PipelineError, STAGE_KEYS, TOP_KEYS, expectList, expectObject, expectString, outputEntry, rejectExtraKeys,
} from './dvc-yaml-schema';
import { isObject } from './flatten';
import { ResolveError, interpolate, resolveDeep, toStr } from './interpolate';
import { dirname, joinPath } from './paths';
import type { FileStore } from './store';
import type { DataObject, DataValue } from './types';

export type OutputKind = 'outs' | 'metrics' | 'plots';

export interface StageOutput {
  /** Repo-relative. */
  path: string;
  kind: OutputKind;
  props: DataObject;
}

/** One params file a stage depends on: listed keys, or `null` for the whole file. */
export interface StageParams {
  file: string;
  keys: string[] | null;
}

export interface Stage {
  /** The name as `dvc.lock` keys it (`train`, `train@0`). */
  name: string;
  /** The name `dvc` prints: bare for the root dvc.yaml, else `sub/dvc.yaml:train`. */
  address: string;
  /** Repo-relative working directory. */
  wdir: string;
  params: StageParams[];
  outputs: StageOutput[];
}

export interface TopPlot {
  id: string;
  props: DataObject | null;
}

export interface Pipeline {
  /** The dvc.yaml (or a legacy single-stage `.dvc` file). */
  path: string;
  dir: string;
  /** Where the stages' hashes are recorded: the dvc.lock beside the dvc.yaml, or the `.dvc` file itself. */
  lockPath: string;
  stages: Stage[];
  /** Top-level `params:` files, repo-relative. */
  params: string[];
  /** Top-level `metrics:` paths, repo-relative. */
  metrics: string[];
  /** Top-level `plots:` as written, ids still relative to the dvc.yaml's folder. */
  plots: TopPlot[];
  /** Values the stages' `${...}` took from files. */
  tracked: TrackedVars;
}

interface Scope {
  path: string;
  dir: string;
  tracked: TrackedVars;
}

function repoPath(base: string, path: string, at: string): string {
  const joined = joinPath(base, path);
  if (joined === null || joined === '') throw new PipelineError(`path '${path}'${at ? ` at ${at}` : ''} is outside the repository`);
  return joined;
}

/** `dvc.dependency._merge_params`: a file tracked whole anywhere in the stage is tracked whole. */
function stageParams(list: DataValue[], wdir: string, at: string): StageParams[] {
  const byFile = new Map<string, string[] | null>();
  const whole = new Set<string>();
  const entries: [string, DataValue][] = [];
  list.forEach((entry, i) => {
    if (typeof entry === 'string') {
      entries.push(['params.yaml', [entry]]);
      return;
    }
    for (const [file, keys] of Object.entries(expectObject(entry, `${at}[${i}]`))) {
      if (keys === null || (Array.isArray(keys) && keys.length === 0)) whole.add(file);
      else if (!Array.isArray(keys) || keys.some((k) => typeof k !== 'string')) {
        throw new PipelineError(`expected a list of params for '${file}' at ${at}[${i}]`);
      }
      entries.push([file, keys]);
    }
  });
  for (const [file, keys] of entries) {
    if (whole.has(file)) byFile.set(file, null);
    else byFile.set(file, [...(byFile.get(file) ?? []), ...(keys as string[])]);
  }
  return [...byFile].map(([file, keys]) => ({ file: repoPath(wdir, file, at), keys }));
}

/** More stages than any real pipeline has; a `matrix` that multiplies past it is refused, not expanded. */
export const MAX_STAGES = 10_000;

function isComposite(value: DataValue): boolean {
  return Array.isArray(value) || isObject(value);
}

async function resolveStage(
  store: FileStore, pipeline: Scope, name: string, raw: DataObject, context: Context,
): Promise<Stage> {
  const at = `stages.${name}`;
  rejectExtraKeys(raw, STAGE_KEYS, at);
  if (raw.cmd === undefined) throw new PipelineError(`required key 'cmd' not provided at ${at}`);
  const wdirValue = raw.wdir === undefined
    ? '.'
    : toStr(interpolate(expectString(raw.wdir, `${at}.wdir`), context.data, tracker(context, pipeline.tracked)));
  const wdir = joinPath(pipeline.dir, wdirValue);
  if (wdir === null) throw new PipelineError(`wdir '${wdirValue}' at ${at} is outside the repository`);
  const scoped = raw.vars === undefined ? context : await withVars(store, context, raw.vars, wdir, `${at}.vars`);
  const { vars: _vars, wdir: _wdir, ...rest } = raw;
  const def = expectObject(resolveDeep(rest, scoped.data, tracker(scoped, pipeline.tracked)), at);
  const cmd = def.cmd;
  if (!(typeof cmd === 'string' || (Array.isArray(cmd) && cmd.every((c) => typeof c === 'string')))) {
    throw new PipelineError(`expected a string or a list of strings at ${at}.cmd`);
  }
  expectList(def.deps, `${at}.deps`);
  const outputs: StageOutput[] = [];
  for (const kind of ['outs', 'metrics', 'plots'] as const) {
    expectList(def[kind], `${at}.${kind}`).forEach((entry, i) => {
      const { path, props } = outputEntry(entry, `${at}.${kind}[${i}]`);
      outputs.push({ path: repoPath(wdir, path, `${at}.${kind}[${i}]`), kind, props });
    });
  }
  return {
    name,
    address: pipeline.path === 'dvc.yaml' ? name : `${pipeline.path}:${name}`,
    wdir,
    params: stageParams(expectList(def.params, `${at}.params`), wdir, `${at}.params`),
    outputs,
  };
}

/** `foreach` items keyed as DVC names them: mapping keys; list values; list indices if any is composite. */
function foreachItems(iterable: DataValue, at: string): [string, DataValue][] {
  if (isObject(iterable)) return Object.entries(iterable);
  if (!Array.isArray(iterable)) throw new PipelineError(`foreach at ${at} must be a list or a mapping`);
  if (iterable.some(isComposite)) return iterable.map((v, i) => [String(i), v]);
  return iterable.map((v) => [toStr(v), v]);
}

function withTemporary(context: Context, values: DataObject, at: string): Context {
  for (const key of Object.keys(values)) {
    if (key in context.data) throw new PipelineError(`attempted to redefine '${key}' at ${at}: it already exists in the context`);
  }
  return { ...context, data: { ...context.data, ...values } };
}

/** `matrix` combinations, named `a-b` (a composite value is named by its dimension and index: `labels0`). */
function matrixItems(matrix: DataObject, context: Context, tracked: TrackedVars, at: string): [string, DataObject][] {
  const track = tracker(context, tracked);
  let combos: [string[], DataObject][] = [[[], {}]];
  for (const [dim, raw] of Object.entries(matrix)) {
    const values = typeof raw === 'string' ? interpolate(raw, context.data, track) : resolveDeep(raw, context.data, track);
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

async function expandStage(
  store: FileStore, pipeline: Scope, name: string, raw: DataValue, context: Context,
): Promise<Stage[]> {
  const at = `stages.${name}`;
  const def = expectObject(raw, at);
  if ('foreach' in def) {
    rejectExtraKeys(def, ['foreach', 'do'], at);
    const body = expectObject(def.do, `${at}.do`);
    const source = def.foreach;
    const track = tracker(context, pipeline.tracked);
    const iterable = typeof source === 'string' ? interpolate(source, context.data, track) : resolveDeep(source ?? null, context.data, track);
    const items = foreachItems(iterable, at);
    if (items.length > MAX_STAGES) throw new PipelineError(`foreach at ${at} expands to more than ${MAX_STAGES} stages`);
    const out: Stage[] = [];
    for (const [key, item] of items) {
      const values: DataObject = isObject(iterable) ? { item, key } : { item };
      out.push(await resolveStage(store, pipeline, `${name}@${key}`, body, withTemporary(context, values, at)));
    }
    return out;
  }
  if ('matrix' in def) {
    const { matrix, ...body } = def;
    const out: Stage[] = [];
    for (const [key, item] of matrixItems(expectObject(matrix, `${at}.matrix`), context, pipeline.tracked, at)) {
      out.push(await resolveStage(store, pipeline, `${name}@${key}`, body, withTemporary(context, { item, key }, at)));
    }
    return out;
  }
  return [await resolveStage(store, pipeline, name, def, context)];
}

function stringList(value: DataValue | undefined, dir: string, at: string): string[] {
  return expectList(value, at).map((entry, i) => repoPath(dir, expectString(entry, `${at}[${i}]`), `${at}[${i}]`));
}

function topPlots(value: DataValue | undefined): TopPlot[] {
  return expectList(value, 'plots').map((entry, i) => {
    if (typeof entry === 'string') return { id: entry, props: null };
    const obj = expectObject(entry, `plots[${i}]`);
    // DVC reads the first key of each entry (`next(iter(elem.items()))`).
    const [id, props] = Object.entries(obj)[0] ?? [];
    if (id === undefined) throw new PipelineError(`empty plot definition at plots[${i}]`);
    return { id, props: props === null || props === undefined ? null : expectObject(props, `plots[${i}].${id}`) };
  });
}

/** One dvc.yaml resolved as DVC resolves it, or `null` (with a problem) when DVC would refuse it. */
export async function loadPipeline(store: FileStore, path: string): Promise<Pipeline | null> {
  const loaded = await store.data(path);
  if (!('value' in loaded)) return null;
  const dir = dirname(path);
  try {
    const doc = expectObject(loaded.value, '');
    rejectExtraKeys(doc, TOP_KEYS, '');
    const context = await withVars(store, await baseContext(store, dir), doc.vars, dir, 'vars');
    const top = expectObject(resolveDeep({ params: doc.params ?? null, metrics: doc.metrics ?? null, plots: doc.plots ?? null }, context.data), '');
    const stages: Stage[] = [];
    const scope: Scope = { path, dir, tracked: new Map() };
    for (const [name, raw] of Object.entries(expectObject(doc.stages ?? {}, 'stages'))) {
      stages.push(...(await expandStage(store, scope, name, raw, context)));
      if (stages.length > MAX_STAGES) throw new PipelineError(`more than ${MAX_STAGES} stages`);
    }
    return {
      path,
      dir,
      lockPath: joinPath(dir, 'dvc.lock')!,
      stages,
      params: stringList(top.params, dir, 'params'),
      metrics: stringList(top.metrics, dir, 'metrics'),
      plots: topPlots(top.plots),
      tracked: scope.tracked,
    };
  } catch (e) {
    if (e instanceof PipelineError || e instanceof ResolveError || e instanceof RangeError) {
      store.problem(path, e instanceof RangeError ? 'too deeply nested' : e.message);
      return null;
    }
    throw e;
  }
}
