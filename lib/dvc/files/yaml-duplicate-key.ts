import { isScalar, visit, type Document } from 'yaml';

/**
 * The first mapping key repeated within its mapping (what ruamel refuses with DuplicateKeyError),
 * found in one pass. The yaml package's own `uniqueKeys` option compares every key with every
 * other, which takes minutes on a 1 MiB file: parse with `uniqueKeys: false` and call this.
 */
export function duplicateKey(doc: Document): { key: string; offset: number } | null {
  let found: { key: string; offset: number } | null = null;
  visit(doc, {
    Map(_, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        const key = pair.key;
        const value: unknown = isScalar(key) ? key.value : String(key);
        if (value === '<<') continue; // merge keys may repeat
        const id = `${typeof value}:${String(value)}`;
        if (seen.has(id)) {
          found = { key: String(value), offset: isScalar(key) ? (key.range?.[0] ?? 0) : 0 };
          return visit.BREAK;
        }
        seen.add(id);
      }
      return undefined;
    },
  });
  return found;
}
