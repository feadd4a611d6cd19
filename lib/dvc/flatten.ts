import { isObject, type DataObject, type DataValue } from './types';

export interface Leaf {
  key: string;
  value: DataValue;
}

/**
 * The dotted leaves of a nested mapping, in document order, as DVC's `flatten_dict` (reducer "dot")
 * gives them: a list is one leaf, an empty mapping gives nothing.
 */
export function flattenLeaves(value: DataObject, prefix = ''): Leaf[] {
  const out: Leaf[] = [];
  collect(value, prefix, out);
  return out;
}

// One array for all levels: spreading a large child list into `push` can exceed the argument limit.
function collect(value: DataObject, prefix: string, out: Leaf[]): void {
  for (const [k, v] of Object.entries(value)) {
    const key = prefix === '' ? k : `${prefix}.${k}`;
    if (isObject(v)) collect(v, key, out);
    else out.push({ key, value: v });
  }
}

/** The inverse of dotted keys: `{"a.b": 1}` → `{a: {b: 1}}` (how DVC's Python loader nests `Class.ATTR`). */
export function nestLeaves(leaves: Leaf[]): DataObject {
  const root: DataObject = {};
  for (const { key, value } of leaves) {
    const parts = key.split('.');
    let node = root;
    for (const part of parts.slice(0, -1)) {
      const next = node[part];
      if (isObject(next)) node = next;
      else node = node[part] = {};
    }
    node[parts[parts.length - 1]!] = value;
  }
  return root;
}
