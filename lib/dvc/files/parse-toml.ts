import { parse, TomlDate } from 'smol-toml';
import type { DataValue } from '../types';
import { errorMessage } from './error-message';
import type { Parsed } from './parse-yaml';

/**
 * TOML 1.0; dates become their TOML text (DVC's tomlkit keeps them as datetimes, not numbers).
 * Integers beyond 2^53 (valid TOML up to 2^63) read as the nearest number, as in the other
 * formats, instead of failing the whole file.
 */
export function parseToml(text: string): Parsed {
  try {
    return { value: toData(parse(text, { integersAsBigInt: 'asNeeded' })) };
  } catch (e) {
    const line = (e as { line?: unknown }).line;
    return { error: typeof line === 'number' ? `${errorMessage(e)} (line ${line})` : errorMessage(e) };
  }
}

function toData(value: unknown): DataValue {
  if (value instanceof TomlDate) return value.toISOString();
  if (Array.isArray(value)) return value.map(toData);
  if (typeof value === 'bigint') return Number(value);
  if (value !== null && typeof value === 'object') {
    const out: { [key: string]: DataValue } = {};
    for (const [k, v] of Object.entries(value)) out[k] = toData(v);
    return out;
  }
  return value as DataValue;
}
