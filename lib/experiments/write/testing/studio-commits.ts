import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DVC_FIXTURES } from '../../../../tests/fixture-paths';

/**
 * The real Studio commits of the DVC fixtures (`git show --format=fuller` dumps): their message
 * and their diff, so tests compare what we plan with what Studio committed. Test support only.
 */
export interface StudioCommit {
  subject: string;
  body: string;
  files: DiffFile[];
}

export interface DiffFile {
  path: string;
  /** Abbreviated blob oids from the `index a..b` line: an independent check of whole file contents. */
  beforeOid: string;
  afterOid: string;
  hunks: Hunk[];
}

interface Hunk {
  oldStart: number;
  newStart: number;
  /** Each line with its ' ', '-' or '+' prefix, without its newline (a CR stays). */
  lines: string[];
}

export function studioCommit(fixture: string): StudioCommit {
  const lines = readFileSync(join(DVC_FIXTURES, fixture), 'utf8').split('\n');
  let at = lines.findIndex((l) => l.startsWith('CommitDate:')) + 2;
  const message: string[] = [];
  for (; at < lines.length && lines[at]!.startsWith('    '); at++) message.push(lines[at]!.slice(4));
  const [subject = '', ...rest] = message;
  const files: DiffFile[] = [];
  for (; at < lines.length; at++) {
    const line = lines[at]!;
    let m: RegExpExecArray | null;
    if ((m = /^diff --git a\/(.+) b\//.exec(line))) files.push({ path: m[1]!, beforeOid: '', afterOid: '', hunks: [] });
    else if ((m = /^index ([0-9a-f]+)\.\.([0-9a-f]+)/.exec(line))) Object.assign(files.at(-1)!, { beforeOid: m[1], afterOid: m[2] });
    else if ((m = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(line)))
      files.at(-1)!.hunks.push({ oldStart: Number(m[1]), newStart: Number(m[2]), lines: [] });
    else if (/^[ +-]/.test(line) && !/^(?:---|\+\+\+) /.test(line) && files.at(-1)?.hunks.length) files.at(-1)!.hunks.at(-1)!.lines.push(line);
  }
  return { subject, body: rest.join('\n').trim(), files };
}

/**
 * The file on the other side of a diff: `forward` turns the pre-image into the post-image,
 * `reverse` the post-image into the pre-image. Every context and removed line must match.
 */
export function applyDiff(text: string, file: DiffFile, direction: 'forward' | 'reverse'): string {
  const [drop, add] = direction === 'forward' ? ['-', '+'] : ['+', '-'];
  const source = text.split('\n');
  const out: string[] = [];
  let next = 0;
  for (const hunk of file.hunks) {
    const start = (direction === 'forward' ? hunk.oldStart : hunk.newStart) - 1;
    out.push(...source.slice(next, start));
    next = start;
    for (const line of hunk.lines) {
      const kind = line[0];
      if (kind === add) {
        out.push(line.slice(1));
        continue;
      }
      if (source[next] !== line.slice(1))
        throw new Error(`${file.path}:${next + 1}: expected ${JSON.stringify(line.slice(1))}, found ${JSON.stringify(source[next])}`);
      if (kind !== drop) out.push(source[next]!);
      next++;
    }
  }
  return [...out, ...source.slice(next)].join('\n');
}
