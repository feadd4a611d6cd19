import { compareCodePoints } from './compare';
import { jsonDumpsFloat } from './python-float';

/**
 * A value as Python's `json` module sees it. `bigint` is a Python `int`, `number` a Python
 * `float` (JavaScript cannot tell `1` from `1.0`, so integers must come in as bigint — parse
 * YAML with `intAsBigInt`).
 */
export type PythonJsonValue = null | boolean | bigint | number | string | readonly PythonJsonValue[] | { readonly [key: string]: PythonJsonValue };

const SHORT_ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

/** `ensure_ascii=True`: anything outside `' '..'~'` as `\uXXXX` (lower-case hex, per UTF-16 unit). */
function encodeString(value: string): string {
  let out = '"';
  for (let i = 0; i < value.length; i += 1) {
    const char = value[i]!;
    const unit = value.charCodeAt(i);
    const short = SHORT_ESCAPES[char];
    if (short !== undefined) out += short;
    else if (unit < 0x20 || unit > 0x7e) out += `\\u${unit.toString(16).padStart(4, '0')}`;
    else out += char;
  }
  return `${out}"`;
}

/**
 * `json.dumps(value, sort_keys=True)` with Python's defaults (separators `", "` and `": "`,
 * `ensure_ascii`, NaN/Infinity allowed): the bytes DVC hashes for `.dir` manifests and stage md5s.
 */
export function pythonJsonDumps(value: PythonJsonValue): string {
  if (value === null) return 'null';
  if (value === true) return 'true';
  if (value === false) return 'false';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') return jsonDumpsFloat(value);
  if (typeof value === 'string') return encodeString(value);
  if (Array.isArray(value)) return `[${value.map(pythonJsonDumps).join(', ')}]`;
  const record = value as { readonly [key: string]: PythonJsonValue };
  const keys = Object.keys(record).sort(compareCodePoints);
  return `{${keys.map((key) => `${encodeString(key)}: ${pythonJsonDumps(record[key]!)}`).join(', ')}}`;
}
