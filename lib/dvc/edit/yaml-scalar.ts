/**
 * Spelling a YAML scalar so that it reads back as the same value in YAML 1.2 (DVC's ruamel, the
 * `yaml` package) and in YAML 1.1 as PyYAML reads it (what training scripts use).
 */

export type QuoteStyle = 'QUOTE_SINGLE' | 'QUOTE_DOUBLE';
export type ScalarStyle = 'PLAIN' | QuoteStyle | 'BLOCK_LITERAL' | 'BLOCK_FOLDED';

export interface StringPlace {
  /** The style of the string that stands there now, if a string does. */
  style?: ScalarStyle;
  /** Inside `[...]` or `{...}`: no block scalars, no `,[]{}` in plain scalars. */
  inFlow: boolean;
  /** The quote style most of the file uses, for strings that must be quoted. */
  quote: QuoteStyle;
  /** For block scalars: the indentation of their content lines and the line break to use. */
  blockIndent?: string;
  eol: string;
}

/** Words YAML 1.2 core or YAML 1.1 (PyYAML, ruamel in 1.1 mode) would read as bool or null. */
const RESERVED = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~|=|<<)$/;

/** Characters that cannot stand unescaped in a YAML stream, or that YAML 1.1 takes as line breaks. */
const NEEDS_ESCAPE = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/;

/**
 * Whether a string can be written without quotes. Conservative: anything that starts like a
 * number, date or time (`1e3`, `0x10`, `2026-01-01`, `1:20`, `.inf`) is quoted, since YAML 1.1
 * and 1.2 disagree on those.
 */
function plainSafe(s: string, inFlow: boolean): boolean {
  if (s === '' || s !== s.trim() || /[\t\r\n]/.test(s) || NEEDS_ESCAPE.test(s)) return false;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(s)) return false;
  if (/: | #|:$/.test(s)) return false;
  if (inFlow && /[,[\]{}]/.test(s)) return false;
  if (/^[-+]?[.0-9]/.test(s)) return false;
  return !RESERVED.test(s);
}

function singleQuoted(s: string): string | undefined {
  if (/[\t\r\n]/.test(s) || NEEDS_ESCAPE.test(s)) return undefined;
  return `'${s.replace(/'/g, "''")}'`;
}

function doubleQuoted(s: string): string {
  let out = '"';
  for (const ch of s) {
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (NEEDS_ESCAPE.test(ch)) {
      const code = ch.codePointAt(0)!;
      out += code < 0x100 ? `\\x${hex(code, 2)}` : `\\u${hex(code, 4)}`;
    } else out += ch;
  }
  return out + '"';
}

function hex(n: number, width: number): string {
  return n.toString(16).toUpperCase().padStart(width, '0');
}

/** A string in the style of the place: the same quotes it had, plain only when safe. */
export function yamlString(s: string, place: StringPlace): string {
  const { style } = place;
  if ((style === 'BLOCK_LITERAL' || style === 'BLOCK_FOLDED') && !place.inFlow && place.blockIndent !== undefined) {
    const block = blockScalar(s, style === 'BLOCK_FOLDED' ? '>' : '|', place.blockIndent, place.eol);
    if (block !== undefined) return block;
  }
  if (style === 'QUOTE_DOUBLE') return doubleQuoted(s);
  if (style !== 'QUOTE_SINGLE' && plainSafe(s, place.inFlow)) return s;
  const quote = style === 'QUOTE_SINGLE' ? 'QUOTE_SINGLE' : place.quote;
  return (quote === 'QUOTE_SINGLE' && singleQuoted(s)) || doubleQuoted(s);
}

/**
 * A block scalar (`|`, `|-`, `|+`, or `>` for a single line) ending with a line break, or
 * `undefined` when the string needs a form a block scalar cannot give without an indentation
 * indicator (a first line starting with a space) or holds characters it cannot carry.
 */
function blockScalar(s: string, header: '|' | '>', indent: string, eol: string): string | undefined {
  if (s === '' || /[\r]/.test(s) || NEEDS_ESCAPE.test(s)) return undefined;
  const trailing = /\n*$/.exec(s)![0].length;
  const body = trailing > 0 ? s.slice(0, -1) : s;
  const lines = body.split('\n');
  const firstText = lines.find((l) => l !== '');
  if (firstText === undefined || /^[ \t]/.test(firstText)) return undefined;
  // Folding would join the lines of a multi-line string: a literal block keeps them.
  const style = header === '>' && lines.length > 1 ? '|' : header;
  const chomp = trailing === 0 ? '-' : trailing === 1 ? '' : '+';
  return `${style}${chomp}${eol}${lines.map((l) => (l === '' ? '' : indent + l)).join(eol)}${eol}`;
}
