import { isDeepStrictEqual } from 'node:util';
import { parse, stringify } from 'yaml';
import { md5Hex } from '../dvc/hash';
import { evaluateStage, StageError, trainStage } from './sample-stages';

/**
 * `dvc pull && dvc repro` over one commit's tree, for the sample project's pipeline: which
 * stages are stale (cmd, a dependency's md5 or a tracked param differs from dvc.lock, as DVC
 * decides), running those, and the dvc.lock DVC would write afterwards — every hash computed
 * from the bytes by DVC 3.x's rule (md5 of the raw file, `hash: md5`).
 */

/** Reads a file of the commit being built (null when the tree has none). */
export type ReadFile = (path: string) => Promise<Uint8Array | null>;
/** `dvc pull` of one object by md5 from the project's remote (undefined when the remote lacks it). */
export type PullObject = (md5: string) => Uint8Array | undefined;

interface LockFile {
  path: string;
  hash: 'md5';
  md5: string;
  size: number;
}

interface LockStage {
  cmd: string;
  deps?: LockFile[];
  params?: Record<string, Record<string, unknown>>;
  outs?: LockFile[];
}

export interface Reproduction {
  /** Stages that ran (stale ones); empty when everything was up to date. */
  ran: string[];
  /** Git-tracked files `dvc repro` rewrote (dvc.lock, `cache: false` metrics), with their new bytes. */
  changes: { path: string; contents: Uint8Array }[];
  /** Metrics files the pipeline declares: their values before (committed) and after. */
  metrics: { path: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null }[];
  /** Tracked params whose value differs from the old dvc.lock. */
  params: { path: string; key: string; before: unknown; after: unknown }[];
}

/** A stage's command run as Python would: `python <script> <argv…>`, writing files by path. */
type Script = (argv: string[], read: (path: string) => Uint8Array, params: Record<string, unknown>) => Map<string, Uint8Array>;

const SCRIPTS: Record<string, Script> = {
  // train.py: params from params.yaml's `train` group, data at argv[0], model to argv[1].
  'src/train.py': (argv, read, params) => new Map([[argv[1]!, trainStage(read(argv[0]!), params.train)]]),
  // evaluate.py: model at argv[0], data at argv[1], always writes metrics.json.
  'src/evaluate.py': (argv, read) => new Map([['metrics.json', evaluateStage(read(argv[0]!), read(argv[1]!)).file]]),
};

type Listed = string | Record<string, unknown>;

/** Paths of a dvc.yaml `outs`/`metrics`/`deps` list (`- path` or `- path: {options}`), with their options. */
function listed(entries: unknown): { path: string; cache: boolean }[] {
  return ((entries ?? []) as Listed[]).map((e) => {
    if (typeof e === 'string') return { path: e, cache: true };
    const [path, options] = Object.entries(e)[0]!;
    return { path, cache: (options as { cache?: boolean } | null)?.cache !== false };
  });
}

/** Tracked params per file: `- key` means params.yaml, `- file: [keys]` that file. */
function paramKeys(entries: unknown): { file: string; key: string }[] {
  return ((entries ?? []) as Listed[]).flatMap((e) =>
    typeof e === 'string'
      ? [{ file: 'params.yaml', key: e }]
      : Object.entries(e).flatMap(([file, keys]) => ((keys ?? []) as string[]).map((key) => ({ file, key }))),
  );
}

function lookup(tree: unknown, dotted: string): { found: boolean; value: unknown } {
  let at: unknown = tree;
  for (const part of dotted.split('.')) {
    if (typeof at !== 'object' || at === null || !(part in at)) return { found: false, value: undefined };
    at = (at as Record<string, unknown>)[part];
  }
  return { found: true, value: at };
}

const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

function entry(path: string, bytes: Uint8Array): LockFile {
  return { path, hash: 'md5', md5: md5Hex(bytes), size: bytes.length };
}

const text = (bytes: Uint8Array | null) => (bytes ? Buffer.from(bytes).toString('utf8') : null);

/** dvc.lock as DVC writes it: block style, sequences flush with their key, single-quoted strings. */
export function dumpLock(lock: { schema: string; stages: Record<string, LockStage> }): string {
  return stringify(lock, { indentSeq: false, singleQuote: true, lineWidth: 0 });
}

export async function reproduce(readFile: ReadFile, pull: PullObject): Promise<Reproduction> {
  const dvcYaml = parse(text(await readFile('dvc.yaml')) ?? 'null') as { stages?: Record<string, Record<string, unknown>> } | null;
  if (!dvcYaml?.stages) throw new StageError("ERROR: 'dvc.yaml' does not exist or has no stages");
  const oldLock = (parse(text(await readFile('dvc.lock')) ?? 'null') as { stages?: Record<string, LockStage> } | null)?.stages ?? {};
  const paramFiles = new Map<string, unknown>();
  const paramsOf = async (file: string) => {
    if (!paramFiles.has(file)) paramFiles.set(file, parse(text(await readFile(file)) ?? 'null'));
    return paramFiles.get(file);
  };

  // The workspace after `dvc pull`: git files, DVC-tracked data (by its .dvc file) and stage outputs.
  const produced = new Map<string, Uint8Array>();
  const lockedOuts = new Map<string, LockFile>();
  const workspace = async (path: string): Promise<{ bytes: Uint8Array | null; md5: string; size: number }> => {
    const made = produced.get(path);
    if (made) return { bytes: made, ...entry(path, made) };
    const locked = lockedOuts.get(path);
    if (locked) return { bytes: null, md5: locked.md5, size: locked.size };
    const dvcFile = text(await readFile(`${path}.dvc`));
    if (dvcFile !== null) {
      const out = ((parse(dvcFile) as { outs?: { md5?: string }[] }).outs ?? [])[0];
      const bytes = out?.md5 ? pull(out.md5) : undefined;
      if (!bytes || md5Hex(bytes) !== out?.md5)
        throw new StageError(`ERROR: failed to pull data from the cloud - Checkout failed for following targets:\n${path}`);
      return { bytes, ...entry(path, bytes) };
    }
    const bytes = await readFile(path);
    if (!bytes) throw new StageError(`ERROR: failed to reproduce: missing dependency '${path}'`);
    return { bytes, ...entry(path, bytes) };
  };

  const ran: string[] = [];
  const stages: Record<string, LockStage> = {};
  const changedParams: Reproduction['params'] = [];
  for (const [name, stage] of Object.entries(dvcYaml.stages)) {
    const cmd = String(stage.cmd);
    const deps: LockFile[] = [];
    const depBytes = new Map<string, Uint8Array | null>();
    for (const { path } of listed(stage.deps)) {
      const file = await workspace(path);
      depBytes.set(path, file.bytes);
      deps.push({ path, hash: 'md5', md5: file.md5, size: file.size });
    }
    deps.sort(byPath);
    const params: Record<string, Record<string, unknown>> = {};
    for (const { file, key } of paramKeys(stage.params)) {
      const found = lookup(await paramsOf(file), key);
      if (!found.found) throw new StageError(`ERROR: failed to reproduce '${name}': Parameters '${key}' are missing from '${file}'.`);
      (params[file] ??= {})[key] = found.value;
    }
    for (const file of Object.keys(params)) params[file] = Object.fromEntries(Object.entries(params[file]!).sort(([a], [b]) => (a < b ? -1 : 1)));
    const old = oldLock[name];
    for (const [file, values] of Object.entries(params)) {
      for (const [key, value] of Object.entries(values)) {
        const before = old?.params?.[file]?.[key];
        if (!isDeepStrictEqual(before, value)) changedParams.push({ path: file, key, before: before ?? null, after: value });
      }
    }
    const outs = [...listed(stage.outs), ...listed(stage.metrics), ...listed(stage.plots)];
    const upToDate =
      old !== undefined &&
      old.cmd === cmd &&
      isDeepStrictEqual(
        (old.deps ?? []).map((d) => [d.path, d.md5]),
        deps.map((d) => [d.path, d.md5]),
      ) &&
      isDeepStrictEqual(old.params ?? {}, params) &&
      outs.every((o) => old.outs?.some((l) => l.path === o.path));
    if (upToDate) {
      for (const out of old.outs ?? []) lockedOuts.set(out.path, out);
      stages[name] = { cmd, ...(deps.length ? { deps } : {}), ...(Object.keys(params).length ? { params } : {}), outs: old.outs };
      continue;
    }
    const [interpreter, script, ...argv] = cmd.split(/\s+/);
    const run = interpreter === 'python' && script ? SCRIPTS[script] : undefined;
    if (!run) throw new StageError(`ERROR: failed to reproduce '${name}': the fake CI cannot run '${cmd}'`);
    const read = (path: string) => {
      const bytes = depBytes.get(path) ?? produced.get(path);
      // An upstream output DVC would have to pull from its cache: the fake keeps no cache.
      if (!bytes) throw new StageError(`ERROR: failed to reproduce '${name}': '${path}' is not in the cache`);
      return bytes;
    };
    const written = run(argv, read, ((await paramsOf('params.yaml')) ?? {}) as Record<string, unknown>);
    for (const out of outs) {
      const bytes = written.get(out.path);
      if (!bytes) throw new StageError(`ERROR: failed to reproduce '${name}': output '${out.path}' does not exist`);
      produced.set(out.path, bytes);
    }
    ran.push(name);
    stages[name] = {
      cmd,
      ...(deps.length ? { deps } : {}),
      ...(Object.keys(params).length ? { params } : {}),
      outs: outs.map((o) => entry(o.path, produced.get(o.path)!)).sort(byPath),
    };
  }

  const changes: Reproduction['changes'] = [];
  if (ran.length > 0) {
    changes.push({ path: 'dvc.lock', contents: Buffer.from(dumpLock({ schema: '2.0', stages })) });
    // Outputs with `cache: false` live in git (metrics.json); cached ones go to the DVC remote.
    const gitTracked = Object.values(dvcYaml.stages).flatMap((s) => [...listed(s.outs), ...listed(s.metrics), ...listed(s.plots)].filter((o) => !o.cache));
    for (const out of gitTracked) if (produced.has(out.path)) changes.push({ path: out.path, contents: produced.get(out.path)! });
  }
  const metrics: Reproduction['metrics'] = [];
  for (const { path } of Object.values(dvcYaml.stages).flatMap((s) => listed(s.metrics))) {
    const after = produced.get(path) ?? (await readFile(path));
    metrics.push({ path, before: JSON.parse(text(await readFile(path)) ?? 'null'), after: after ? JSON.parse(text(after)!) : null });
  }
  return { ran, changes, metrics, params: ran.length > 0 ? changedParams : [] };
}
