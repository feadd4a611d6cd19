/** Code-unit order, as Python's `sorted` orders ASCII paths and keys (no locale). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Structural equality of parsed values: lists item by item, mappings key by key (order aside),
 * everything else by `leaf` — which is where Python's `==` and the editor's exact check differ.
 */
export function deepEqual(a: unknown, b: unknown, leaf: (a: unknown, b: unknown) => boolean): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i], leaf));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k], leaf));
  }
  return leaf(a, b);
}
