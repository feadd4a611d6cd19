/**
 * Byte-minimal text edits, shared by every writer in lib/dvc (params edits, `.dvc`/`dvc.lock`
 * rewrites): each splice replaces one range of the source; every byte outside the ranges stays.
 */

/** A replacement of the source text in [from, to); an insertion when `from === to`. */
export interface Splice {
  readonly from: number;
  readonly to: number;
  readonly insert: string;
}

/**
 * Applies splices given in offsets of the original text, all at once, so no splice shifts
 * another. Overlapping (or inverted) splices are a programming error and throw.
 */
export function applySplices(text: string, splices: readonly Splice[]): string {
  const ordered = [...splices].sort((a, b) => a.from - b.from || a.to - b.to);
  let out = '';
  let at = 0;
  for (const s of ordered) {
    if (s.from < at || s.to < s.from) throw new Error('overlapping edits');
    out += text.slice(at, s.from) + s.insert;
    at = s.to;
  }
  return out + text.slice(at);
}

/** The line break the line holding `offset` ends with (CRLF files stay CRLF), else the file's first. */
export function lineBreakAt(text: string, offset: number): string {
  const lf = text.indexOf('\n', offset);
  const at = lf >= 0 ? lf : text.indexOf('\n');
  return at > 0 && text[at - 1] === '\r' ? '\r\n' : '\n';
}

/** Where the line holding `offset` starts. */
export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Where the line after the one holding `offset` starts: just past its `\n`, or the end of the text. */
export function nextLineStart(text: string, offset: number): number {
  const lf = text.indexOf('\n', offset);
  return lf === -1 ? text.length : lf + 1;
}

/** The column of `offset` on its line, counted in UTF-16 units as the indentation of plain ASCII. */
export function columnOf(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}
