import { elementKind, type ParamValue, type ValueKind } from './value';

/** The punctuation of a one-line list or mapping in a format: `[a, b]`, `{k: v}`, `{ k = v }`. */
export interface FlowPunctuation {
  /** Between items and between entries: `', '` (`','` in minified JSON). */
  item: string;
  /** Between a key and its value: `': '`, `':'`, `' = '`. */
  pair: string;
  /** Inside the braces of a non-empty mapping: `''`, or `' '` for TOML's inline tables. */
  pad: string;
}

/** `[a, b]` and `{k: v}`: Python's repr, YAML flow style and spaced JSON alike. */
export const COLON_FLOW: FlowPunctuation = { item: ', ', pair: ': ', pad: '' };

/**
 * A list or mapping written on one line, as every params writer writes a value that replaces a
 * whole collection or is nested in one; each element in its natural kind. `write` spells an
 * element and `key` a mapping key, both as they stand nested (one-line strings, flow context).
 */
export function flowCollection(
  value: ParamValue,
  kind: 'list' | 'object',
  punctuation: FlowPunctuation,
  write: (element: ParamValue, kind: ValueKind) => string,
  key: (name: string) => string,
): string {
  if (kind === 'list') return `[${(value as ParamValue[]).map((v) => write(v, elementKind(v, undefined))).join(punctuation.item)}]`;
  const entries = Object.entries(value as Record<string, ParamValue>);
  if (entries.length === 0) return '{}';
  const body = entries.map(([k, v]) => `${key(k)}${punctuation.pair}${write(v, elementKind(v, undefined))}`).join(punctuation.item);
  return `{${punctuation.pad}${body}${punctuation.pad}}`;
}
