import { parseDocument } from 'yaml';
import { md5Of } from './md5';
import { pythonJsonDumps, type PythonJsonValue } from '../python/python-json';

type PythonDict = { [key: string]: PythonJsonValue };

/** Keys `dvc.stage.utils.compute_md5` leaves out at every depth (annotations, flags, meta). */
const EXCLUDED_KEYS = new Set(['desc', 'type', 'labels', 'meta', 'locked', 'frozen', 'metric', 'persist', 'isexec', 'size', 'nfiles']);

function isDict(value: PythonJsonValue | undefined): value is PythonDict {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Python truthiness, which `get_dump` uses to drop empty top-level fields. */
function isTruthy(value: PythonJsonValue | undefined): boolean {
  if (value === undefined || value === null || value === false || value === '' || value === 0 || value === 0n) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (isDict(value)) return Object.keys(value).length > 0;
  return true;
}

function toPythonValue(value: unknown, where: string): PythonJsonValue {
  if (value === null || typeof value === 'boolean' || typeof value === 'bigint' || typeof value === 'number' || typeof value === 'string') {
    return value;
  }
  if (Array.isArray(value)) return value.map((item, i) => toPythonValue(item, `${where}[${i}]`));
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const dict: PythonDict = {};
    for (const [key, item] of Object.entries(value)) dict[key] = toPythonValue(item, `${where}.${key}`);
    return dict;
  }
  throw new Error(`${where}: a value DVC cannot serialise to JSON`);
}

function withoutExcluded(value: PythonJsonValue): PythonJsonValue {
  if (Array.isArray(value)) return value.map(withoutExcluded);
  if (!isDict(value)) return value;
  const dict: PythonDict = {};
  for (const [key, item] of Object.entries(value)) if (!EXCLUDED_KEYS.has(key)) dict[key] = withoutExcluded(item);
  return dict;
}

/** `Output.dumpd` writes `cache`/`push` only when false and `plot`/`remote` only when set. */
function asDumpedOut(out: PythonJsonValue): PythonJsonValue {
  if (!isDict(out)) return out;
  const dumped: PythonDict = { ...out };
  if (dumped.cache === true) delete dumped.cache;
  if (dumped.push === true) delete dumped.push;
  for (const key of ['plot', 'remote']) if (key in dumped && !isTruthy(dumped[key])) delete dumped[key];
  return dumped;
}

/** `RepoDependency.dumpd` keeps `repo.rev`, `repo.rev_lock` and `repo.config` only when set. */
function asDumpedDep(dep: PythonJsonValue): PythonJsonValue {
  if (!isDict(dep) || !isDict(dep.repo)) return dep;
  const repo: PythonDict = { ...dep.repo };
  for (const key of ['rev', 'rev_lock', 'config']) if (key in repo && !isTruthy(repo[key])) delete repo[key];
  return { ...dep, repo };
}

function isDefaultWdir(wdir: PythonJsonValue | undefined): boolean {
  return typeof wdir === 'string' && /^(\.\/?)+$/.test(wdir);
}

/**
 * The stage md5 DVC stores at the top of an import `.dvc` file (`dvc.stage.utils.compute_md5`):
 * the stage as `Stage.dumpd` gives it (empty fields dropped), without `md5`, `meta`, `desc` and a
 * default `wdir`, then without {@link EXCLUDED_KEYS} at any depth, as `json.dumps(sort_keys=True)`,
 * md5'd. The file is read as YAML 1.2 with integers kept apart from floats, as DVC's loader does.
 */
export function importMd5(dvcFileText: string): string {
  const doc = parseDocument(dvcFileText, { intAsBigInt: true });
  if (doc.errors.length > 0) throw new Error(`not valid YAML: ${doc.errors[0]!.message}`);
  const stage = toPythonValue(doc.toJS(), 'the .dvc file');
  if (!isDict(stage)) throw new Error('a .dvc file must be a mapping');
  const dumped: PythonDict = {};
  for (const [key, value] of Object.entries(stage)) {
    if (key === 'md5' || key === 'meta' || key === 'desc' || !isTruthy(value)) continue;
    if (key === 'wdir' && isDefaultWdir(value)) continue;
    if (key === 'outs' && Array.isArray(value)) dumped[key] = value.map(asDumpedOut);
    else if (key === 'deps' && Array.isArray(value)) dumped[key] = value.map(asDumpedDep);
    else dumped[key] = value;
  }
  return md5Of(new TextEncoder().encode(pythonJsonDumps(withoutExcluded(dumped))), '3');
}
