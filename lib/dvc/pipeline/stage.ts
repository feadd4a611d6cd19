import { weight } from './budget';
import { tracker, withVars, type Context } from './context';
import { PipelineError, STAGE_KEYS, expectList, expectObject, expectString, outputEntry, rejectExtraKeys, repoPath } from './dvc-yaml-schema';
import { interpolate, resolveDeep, toStr } from './interpolate';
import { isExternal, joinPath } from '../paths';
import type { Scope, Stage, StageOutput, StageParams } from './model';
import type { FileStore } from '../files/store';
import type { DataObject, DataValue } from '../types';

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

/** One stage definition (after any `foreach`/`matrix`) resolved in its context, as DVC resolves it. */
export async function resolveStage(store: FileStore, scope: Scope, name: string, raw: DataObject, context: Context): Promise<Stage> {
  const at = `stages.${name}`;
  scope.budget.spend(weight(raw));
  rejectExtraKeys(raw, STAGE_KEYS, at);
  if (raw.cmd === undefined) throw new PipelineError(`required key 'cmd' not provided at ${at}`);
  const wdirValue =
    raw.wdir === undefined
      ? '.'
      : toStr(interpolate(expectString(raw.wdir, `${at}.wdir`), context.data, { track: tracker(context, scope.tracked, scope.budget) }));
  const wdir = joinPath(scope.dir, wdirValue);
  if (wdir === null) throw new PipelineError(`wdir '${wdirValue}' at ${at} is outside the repository`);
  const scoped = raw.vars === undefined ? context : await withVars(store, context, raw.vars, wdir, `${at}.vars`);
  const { vars: _vars, wdir: _wdir, cmd: rawCmd, ...rest } = raw;
  const track = tracker(scoped, scope.tracked, scope.budget);
  const def = expectObject(resolveDeep(rest, scoped.data, { track }), at);
  const cmd = resolveDeep(rawCmd ?? null, scoped.data, { track, unpackDicts: true });
  // Whole-value `${...}` bring in data without copying it; what the stage now holds still counts.
  scope.budget.spend(weight(def) + weight(cmd));
  if (!(typeof cmd === 'string' || (Array.isArray(cmd) && cmd.every((c) => typeof c === 'string')))) {
    throw new PipelineError(`expected a string or a list of strings at ${at}.cmd`);
  }
  const deps = expectList(def.deps, `${at}.deps`).flatMap((dep, i) =>
    typeof dep === 'string' && !isExternal(dep) ? [repoPath(wdir, dep, `${at}.deps[${i}]`)] : [],
  );
  const outputs: StageOutput[] = [];
  for (const kind of ['outs', 'metrics', 'plots'] as const) {
    expectList(def[kind], `${at}.${kind}`).forEach((entry, i) => {
      const { path, props } = outputEntry(entry, `${at}.${kind}[${i}]`);
      // An external output (`s3://…`, an absolute path) is no file of the repository.
      if (isExternal(path)) return;
      outputs.push({ path: repoPath(wdir, path, `${at}.${kind}[${i}]`), kind, props });
    });
  }
  return {
    name,
    address: scope.path === 'dvc.yaml' ? name : `${scope.path}:${name}`,
    wdir,
    params: stageParams(expectList(def.params, `${at}.params`), wdir, `${at}.params`),
    deps,
    outputs,
  };
}
