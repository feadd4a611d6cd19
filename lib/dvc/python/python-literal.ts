import { exactInt } from './exact-int';

/**
 * Python literal tokens evaluated as CPython does (`ast.literal_eval`), for the token kinds a
 * params file can hold. Each function returns `undefined` for a token that is valid Python but
 * not a value a params file can carry (bytes, complex numbers, `\N{...}` names we cannot look
 * up), and throws for a token Python itself would reject.
 */

/** A number token (`1_000`, `0x1f`, `1.`, `.5e-3`, `2j`): int as number (bigint beyond 2^53), float as number. */
export function evalPythonNumber(token: string): number | bigint | undefined {
  const text = token.replace(/_/g, '');
  if (/[jJ]$/.test(text)) return undefined;
  if (/^0[xX][0-9a-fA-F]+$|^0[oO][0-7]+$|^0[bB][01]+$/.test(text)) return exactInt(BigInt(text));
  if (/^(?:0+|[1-9][0-9]*)$/.test(text)) return exactInt(BigInt(text));
  if (/^(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$/.test(text) && /[.eE]/.test(text)) {
    return Number(text);
  }
  throw new Error(`invalid number literal ${token}`);
}

/** Whether a number token is a float (`1.`, `1e3`) rather than an int (`10`, `0x1e`). */
export function isPythonFloat(token: string): boolean {
  return !/^0[xXoObB]/.test(token) && /[.eE]/.test(token);
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

/** One string token with its prefix and quotes (`r'a\b'`, `"""x"""`); `undefined` for bytes. */
export function evalPythonString(token: string): string | undefined {
  const prefix = /^[A-Za-z]*/.exec(token)![0].toLowerCase();
  if (prefix.includes('b') || prefix.includes('f')) return undefined;
  const body = token.slice(prefix.length);
  const quote = body.startsWith('"""') || body.startsWith("'''") ? 3 : 1;
  // Python's tokenizer reads source with universal newlines, so a CRLF inside a literal is "\n".
  const content = body.slice(quote, body.length - quote).replace(/\r\n?/g, '\n');
  return prefix.includes('r') ? content : unescape(content);
}

function unescape(content: string): string | undefined {
  let out = '';
  for (let i = 0; i < content.length; i++) {
    const ch = content[i]!;
    if (ch !== '\\' || i + 1 >= content.length) {
      out += ch;
      continue;
    }
    const next = content[++i]!;
    if (next === '\n') continue;
    if (next in SIMPLE_ESCAPES) {
      out += SIMPLE_ESCAPES[next];
    } else if (/[0-7]/.test(next)) {
      const digits = /^[0-7]{1,3}/.exec(content.slice(i))![0];
      out += String.fromCodePoint(parseInt(digits, 8));
      i += digits.length - 1;
    } else if (next === 'x' || next === 'u' || next === 'U') {
      const width = next === 'x' ? 2 : next === 'u' ? 4 : 8;
      const hex = content.slice(i + 1, i + 1 + width);
      if (!new RegExp(`^[0-9a-fA-F]{${width}}$`).test(hex)) throw new Error(`truncated \\${next} escape`);
      const code = parseInt(hex, 16);
      if (code > 0x10ffff) throw new Error(`illegal Unicode character \\${next}${hex}`);
      out += String.fromCodePoint(code);
      i += width;
    } else if (next === 'N') {
      return undefined;
    } else {
      // Python keeps an unknown escape as written (with a warning), backslash included.
      out += '\\' + next;
    }
  }
  return out;
}
