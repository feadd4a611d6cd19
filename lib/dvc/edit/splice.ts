/** A replacement of the source text in [from, to). Splices of one edit never overlap. */
export interface Splice {
  from: number;
  to: number;
  insert: string;
}

/** Applies splices to `text`; every byte outside their ranges stays as it was. */
export function applySplices(text: string, splices: Splice[]): string {
  const ordered = [...splices].sort((a, b) => a.from - b.from);
  let out = '';
  let at = 0;
  for (const s of ordered) {
    if (s.from < at) throw new Error('overlapping edits');
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

/** The column of `offset` on its line, counted in UTF-16 units as the indentation of plain ASCII. */
export function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}
