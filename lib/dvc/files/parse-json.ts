import { errorMessage } from './error-message';
import type { Parsed } from './parse-yaml';
import type { DataValue } from '../types';

// Python's json module reads (and DVCLive writes) NaN, Infinity and -Infinity; JSON.parse refuses them.
const SPECIAL: Record<string, number> = { NaN: Number.NaN, Infinity: Number.POSITIVE_INFINITY, '-Infinity': Number.NEGATIVE_INFINITY };
const MARK = '\u0000';

/** The text with those bare words (outside strings) turned into marked strings JSON.parse accepts. */
function markSpecials(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      if (c === '\\') {
        out += c + (text[i + 1] ?? '');
        i++;
        continue;
      }
      if (c === '"') inString = false;
      out += c;
      continue;
    }
    if (c === '"') inString = true;
    const word = Object.keys(SPECIAL).find((w) => text.startsWith(w, i));
    if (word) {
      out += JSON.stringify(MARK + word);
      i += word.length - 1;
    } else {
      out += c;
    }
  }
  return out;
}

function unmark(value: DataValue): DataValue {
  if (typeof value === 'string' && value.startsWith(MARK)) return SPECIAL[value.slice(1)] ?? value;
  if (Array.isArray(value)) return value.map(unmark);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unmark(v)]));
  }
  return value;
}

/** JSON as Python's `json.loads` reads it (NaN and the infinities included). */
export function parseJson(text: string): Parsed {
  try {
    return { value: JSON.parse(text) as DataValue };
  } catch (first) {
    if (!/NaN|Infinity/.test(text)) return { error: errorMessage(first) };
    try {
      return { value: unmark(JSON.parse(markSpecials(text)) as DataValue) };
    } catch {
      return { error: errorMessage(first) };
    }
  }
}
