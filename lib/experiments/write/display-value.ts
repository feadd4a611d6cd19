import type { DataValue, ParamValue } from '../../dvc';

/**
 * A params value as a person reads it: a plain string as it is, a number, boolean or null as
 * written in YAML (`null`), a list or mapping as JSON. A string that would read as something
 * else (`"100"`, `"true"`, empty, padded, multi-line) is shown quoted, so the two never look alike.
 */
export function displayValue(value: DataValue | ParamValue): string {
  if (typeof value === 'string') return /^(?:$|\s|.*\s$|[-+.\d]|true$|false$|null$)|[\n\r"]/i.test(value) ? JSON.stringify(value) : value;
  if (typeof value === 'bigint' || typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  // JSON has no bigint: each is written as a marked string, then unquoted, so its digits stay exact.
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? `\u0000${v}` : v)).replace(/"\\u0000(-?\d+)"/g, '$1');
}
