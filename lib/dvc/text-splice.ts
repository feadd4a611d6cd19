/** Replace `[start, end)` of the source with `text` (an insertion when `start === end`). */
export interface Splice {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * Applies splices given in source offsets, all at once, so no splice shifts another; every
 * byte outside them stays. Overlapping splices are a programming error and throw.
 */
export function applySplices(source: string, splices: readonly Splice[]): string {
  const ordered = [...splices].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const splice of ordered) {
    if (splice.start < at || splice.end < splice.start) throw new Error('overlapping text splices');
    out += source.slice(at, splice.start) + splice.text;
    at = splice.end;
  }
  return out + source.slice(at);
}

/** Where the line holding `offset` ends: just past its `\n`, or the end of the text. */
export function nextLineStart(source: string, offset: number): number {
  const newline = source.indexOf('\n', offset);
  return newline === -1 ? source.length : newline + 1;
}

export function lineStart(source: string, offset: number): number {
  return source.lastIndexOf('\n', offset - 1) + 1;
}

/** The file's own line ending, so inserted lines match it. */
export function lineEnding(source: string): '\r\n' | '\n' {
  return source.includes('\r\n') ? '\r\n' : '\n';
}
