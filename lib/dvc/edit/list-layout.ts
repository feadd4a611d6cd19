import { columnOf, lineBreakAt, lineStart } from './text-splice';

/**
 * How an existing bracketed list is laid out, so a list edited whole keeps its look: what
 * stands after the opening bracket, between items and before the closing bracket (single line
 * `[a, b]`, minified `[a,b]`, or one item per line with the file's indentation).
 */
export interface ListLayout {
  open: string;
  close: string;
  lead: string;
  sep: string;
  tail: string;
}

interface Range {
  from: number;
  to: number;
}

export function listLayout(text: string, list: Range, items: Range[]): ListLayout {
  const open = text[list.from]!;
  const close = text[list.to - 1]!;
  const inner = text.slice(list.from + 1, list.to - 1);
  const multiline = inner.includes('\n');
  const first = items[0];
  const last = items[items.length - 1];
  if (!first || !last) return { open, close, lead: '', sep: ', ', tail: '' };
  const lead = text.slice(list.from + 1, first.from);
  const tail = text.slice(last.to, list.to - 1);
  const second = items[1];
  const sep = second ? text.slice(first.to, second.from) : undefined;
  // Comments between items cannot be kept when the items change: rebuild the whitespace alone.
  const clean = /^\s*$/.test(lead) && /^\s*,?\s*$/.test(tail) && (sep === undefined || /^\s*,\s*$/.test(sep));
  if (clean && sep !== undefined) return { open, close, lead, sep, tail };
  if (!multiline) return { open, close, lead: clean ? lead : '', sep: ', ', tail: clean ? tail : '' };
  const eol = lineBreakAt(text, list.from);
  const indent = ' '.repeat(columnOf(text, first.from));
  const closeLine = text.slice(lineStart(text, list.to - 1), list.to - 1);
  const closeIndent = /^\s*$/.test(closeLine) ? closeLine : '';
  const trailingComma = /^\s*,/.test(tail) || (!clean && /,\s*(#[^\n]*)?\s*$/.test(tail));
  return {
    open,
    close,
    lead: clean ? lead : eol + indent,
    sep: ',' + eol + indent,
    tail: clean ? tail : (trailingComma ? ',' : '') + eol + closeIndent,
  };
}

export function writeList(layout: ListLayout, items: string[]): string {
  if (items.length === 0) return layout.open + layout.close;
  return layout.open + layout.lead + items.join(layout.sep) + layout.tail + layout.close;
}
