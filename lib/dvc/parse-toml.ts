import { parse, TomlDate } from 'smol-toml';
import type { DataValue } from './types';
import { errorMessage, type Parsed } from './parse-yaml';

/** TOML 1.0; dates become their TOML text (DVC's tomlkit keeps them as datetimes, not numbers). */
export function parseToml(text: string): Parsed {
  try {
    return { value: toData(parse(text)) };
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
