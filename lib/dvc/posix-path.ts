/**
 * A repo-relative POSIX path in the form lib/dvc uses everywhere: no `.` segments, `..`
 * resolved where possible, no empty segments, no trailing `/`; the repository root is `''`.
 */
export function normalisePosix(path: string): string {
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else out.push(segment);
  }
  return out.join('/');
}

export function dirnamePosix(path: string): string {
  const normal = normalisePosix(path);
  const slash = normal.lastIndexOf('/');
  return slash === -1 ? '' : normal.slice(0, slash);
}

export function joinPosix(...parts: string[]): string {
  return normalisePosix(parts.filter((part) => part !== '').join('/'));
}
