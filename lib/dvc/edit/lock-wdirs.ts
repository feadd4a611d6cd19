import { isObject } from '../types';
import { dirname, joinPath } from '../paths';
import { parseYaml } from '../files/parse-yaml';

/**
 * The folder each `dvc.lock` stage's `path:` entries are relative to: the stage's `wdir` (DVC
 * writes `def_path`, the path as the stage names it), read from the dvc.yaml beside the lock.
 * `null` for a lock stage the dvc.yaml no longer defines (DVC ignores it). A `wdir` built with
 * `${...}` would need params and vars to resolve: refused rather than guessed.
 */
export function lockStageDirs(dvcYamlText: string, lockPath: string): (stage: string) => string | null {
  const parsed = parseYaml(dvcYamlText);
  if ('error' in parsed) throw new Error(`${lockPath}: the dvc.yaml beside it is not valid YAML: ${parsed.error}`);
  const stages = isObject(parsed.value) && isObject(parsed.value.stages) ? parsed.value.stages : {};
  const lockDir = dirname(lockPath);
  return (name) => {
    // Generated stages (`foreach`, `matrix`) are locked as `name@item`; a stage name has no `@`.
    const at = name.indexOf('@');
    const own = (key: string) => (Object.hasOwn(stages, key) ? stages[key] : undefined);
    const plain = own(name);
    const generator = plain === undefined && at > 0 ? own(name.slice(0, at)) : undefined;
    let body;
    if (isObject(plain)) body = plain;
    else if (isObject(generator) && 'foreach' in generator) body = generator.do;
    else if (isObject(generator) && 'matrix' in generator) body = generator;
    else return null;
    const wdir = isObject(body) ? (body.wdir ?? '.') : '.';
    if (typeof wdir !== 'string' || wdir.includes('${')) {
      throw new Error(`${lockPath}: stage ${name} sets its wdir with \`\${...}\`; its outputs' folder cannot be told without resolving it`);
    }
    const dir = joinPath(lockDir, wdir);
    if (dir === null) throw new Error(`${lockPath}: stage ${name}'s wdir ${wdir} lies outside the repository`);
    return dir;
  };
}
