import type { DataValue, ParamValue } from '../../dvc';

/** The editor a param gets, from the value it holds at the commit. */
export type EditorKind = 'integer' | 'number' | 'boolean' | 'string' | 'list' | 'null' | 'mapping';

export function editorKind(value: DataValue): EditorKind {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return Array.isArray(value) ? 'list' : 'mapping';
}

/** What the user typed, read for its kind: a value to write, or why it cannot be one. */
export type ParsedInput = { ok: true; value: ParamValue; retype?: true } | { ok: false; error: string };

const INTEGER = /^[-+]?\d+$/;
/** A decimal number as Python's float() and YAML 1.2 both read it: digits, a point, an exponent. No hex, no underscores. */
const DECIMAL = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

function integer(text: string): ParsedInput {
  const t = text.trim();
  if (!INTEGER.test(t)) return { ok: false, error: DECIMAL.test(t) ? 'Not a whole number.' : 'Not a number.' };
  const big = BigInt(t);
  // Beyond 2^53 a number would lose digits: bigint keeps them exact.
  return { ok: true, value: Number.isSafeInteger(Number(big)) ? Number(big) : big };
}

function number(text: string): ParsedInput {
  const t = text.trim();
  if (!DECIMAL.test(t)) return { ok: false, error: 'Not a number.' };
  const value = Number(t);
  if (!Number.isFinite(value)) return { ok: false, error: 'Too large for a number.' };
  return { ok: true, value };
}

function json(text: string, want: 'list' | 'mapping'): ParsedInput {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, error: `Not valid JSON: write the ${want} as JSON, e.g. ${want === 'list' ? '[1, 2, "a"]' : '{"a": 1}'}.` };
  }
  const isList = Array.isArray(value);
  if (want === 'list' ? !isList : isList || typeof value !== 'object' || value === null) return { ok: false, error: `Not a ${want}.` };
  return { ok: true, value: value as ParamValue };
}

/**
 * Reads the text of an editor of `kind`. A string editor's text is the string itself, whatever it
 * looks like (`yes`, `1e3`, `null`, `0x10` stay strings: the params editor quotes them as the file's
 * format needs). A null param takes `null` or nothing as null, a number as a number, anything else
 * as a string (changing its type).
 */
export function parseInput(kind: EditorKind, text: string): ParsedInput {
  switch (kind) {
    case 'string':
      return { ok: true, value: text };
    case 'boolean':
      return text === 'true' || text === 'false' ? { ok: true, value: text === 'true' } : { ok: false, error: 'Not true or false.' };
    case 'integer':
      return integer(text);
    case 'number':
      // An integer-looking value in a float param stays a float (the editor writes `3.0`).
      return number(text);
    case 'list':
    case 'mapping':
      return json(text, kind);
    case 'null': {
      const t = text.trim();
      if (t === '' || t === 'null') return { ok: true, value: null };
      const n = DECIMAL.test(t) ? number(t) : undefined;
      return n?.ok ? { ...n, retype: true } : { ok: true, value: text, retype: true };
    }
  }
}

/** The text an editor of `kind` starts with for `value`. */
export function inputText(kind: EditorKind, value: DataValue): string {
  if (kind === 'string' && typeof value === 'string') return value;
  if (kind === 'null') return '';
  if (kind === 'list' || kind === 'mapping') return JSON.stringify(value);
  return String(value);
}
