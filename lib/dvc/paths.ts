// Repo-relative POSIX paths: normalised, no leading `./`, no trailing `/`, '' for the root.

/** Joins and normalises; `null` when the result would leave the repository. */
export function joinPath(...parts: string[]): string | null {
  const out: string[] = [];
  for (const part of parts) {
    for (const segment of part.split('/')) {
      if (segment === '' || segment === '.') continue;
      if (segment === '..') {
        if (out.length === 0) return null;
        out.pop();
      } else {
        out.push(segment);
      }
    }
  }
  return out.join('/');
}

export function dirname(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** True when `path` lies strictly inside directory `dir`. */
export function isInside(path: string, dir: string): boolean {
  return dir === '' ? path !== '' : path.startsWith(dir + '/');
}

/** A URL (`s3://…`, `remote://…`) or an absolute path: DVC's external outputs and dependencies. */
export function isExternal(path: string): boolean {
  return /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(path) || path.startsWith('/');
}
