import { segmentMatches } from './glob';
import { dirname, isInside } from '../paths';

/** Each path looked at is tested against every pattern: real `.dvcignore` files hold a few dozen. */
export const MAX_IGNORE_RULES = 200;

/** One line of a `.dvcignore` (gitignore syntax, which DVC reads with pathspec's gitwildmatch). */
export interface IgnoreRule {
  /** The folder of the `.dvcignore` the rule comes from. */
  base: string;
  negate: boolean;
  dirOnly: boolean;
  /** Path segments; an unanchored pattern (no `/` inside) starts with `**`. */
  segments: string[];
}

export function parseIgnore(text: string, base: string): IgnoreRule[] {
  const rules: IgnoreRule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.replace(/(?<!\\)[ \t]+$/, '');
    if (line === '' || line.startsWith('#')) continue;
    const negate = line.startsWith('!');
    if (negate) line = line.slice(1);
    else if (line.startsWith('\\!') || line.startsWith('\\#')) line = line.slice(1);
    const dirOnly = line.endsWith('/');
    if (dirOnly) line = line.slice(0, -1);
    const anchored = line.includes('/');
    line = line.replace(/^\//, '');
    if (line === '') continue;
    const segments = line.split('/');
    rules.push({ base, negate, dirOnly, segments: anchored ? segments : ['**', ...segments] });
  }
  return rules;
}

/** Pattern segments against path segments, `**` spanning any number of them (table, no backtracking). */
function matches(pattern: string[], parts: string[]): boolean {
  const width = parts.length + 1;
  let next: boolean[] = Array.from({ length: width }, (_, j) => j === parts.length);
  for (let i = pattern.length - 1; i >= 0; i--) {
    const row: boolean[] = new Array<boolean>(width).fill(false);
    for (let j = parts.length; j >= 0; j--) {
      row[j] = pattern[i] === '**' ? next[j]! || (j < parts.length && row[j + 1]!) : j < parts.length && next[j + 1]! && segmentMatches(parts[j]!, pattern[i]!);
    }
    next = row;
  }
  return next[0]!;
}

/**
 * Whether DVC ignores a path: the last rule matching it decides, rules of deeper `.dvcignore`
 * files coming later; once a folder is ignored, nothing inside it comes back (as in git).
 */
export function ignoredBy(rules: IgnoreRule[]): (path: string) => boolean {
  const decided = new Map<string, boolean>();
  const decide = (path: string, isDir: boolean): boolean => {
    let ignored = false;
    for (const rule of rules) {
      if ((rule.base !== '' && !isInside(path, rule.base)) || (rule.dirOnly && !isDir)) continue;
      const rel = rule.base === '' ? path : path.slice(rule.base.length + 1);
      if (matches(rule.segments, rel.split('/'))) ignored = !rule.negate;
    }
    return ignored;
  };
  const dirIgnored = (dir: string): boolean => {
    if (dir === '') return false;
    let known = decided.get(dir);
    if (known === undefined) {
      known = dirIgnored(dirname(dir)) || decide(dir, true);
      decided.set(dir, known);
    }
    return known;
  };
  return (path) => rules.length > 0 && (dirIgnored(dirname(path)) || decide(path, false));
}

/** `.dvcignore` files, shallowest first (their rules apply in that order). */
export function ignoreFiles(paths: string[]): string[] {
  const depth = (p: string) => p.split('/').length;
  return [...paths].sort((a, b) => depth(a) - depth(b) || (a < b ? -1 : 1));
}

/**
 * What DVC always hides when it walks a folder (`DvcIgnoreFilter`'s defaults: other version
 * control's folders and DVC's own), before any `.dvcignore` is read.
 */
const DEFAULT_IGNORE = '.hg/\n.git/\n.git\n.dvc/\n';

/**
 * What DVC leaves out of a directory it hashes (`dvc add`, `dvc commit`): its default patterns,
 * then every `.dvcignore` given (path → text), shallowest first. Paths are repo-relative.
 */
export function dvcIgnoreFilter(texts: Readonly<Record<string, string>>): (path: string) => boolean {
  const files = ignoreFiles(Object.keys(texts));
  const rules = [...parseIgnore(DEFAULT_IGNORE, ''), ...files.flatMap((path) => parseIgnore(texts[path] ?? '', dirname(path)))];
  return ignoredBy(rules.slice(0, MAX_IGNORE_RULES));
}
