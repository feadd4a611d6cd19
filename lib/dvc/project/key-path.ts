import { isGlob, segmentMatches } from './glob';
import { isObject, type DataObject, type DataValue } from '../types';

/**
 * Whether a dotted leaf lies under a params key as DVC selects it (`dpath.search(config, key,
 * separator=".")`): the key itself, a group above it, or a glob (`train.*`) over segments.
 */
export function underKey(leaf: string, key: string): boolean {
  const leafParts = leaf.split('.');
  const keyParts = key.split('.');
  return keyParts.length <= leafParts.length && keyParts.every((p, i) => segmentMatches(leafParts[i]!, p));
}

/** Whether a params key names anything in the document (an empty group counts). */
export function keyExists(doc: DataObject, key: string, leaves: string[]): boolean {
  if (isGlob(key)) return leaves.some((leaf) => underKey(leaf, key));
  let node: DataValue | undefined = doc;
  for (const part of key.split('.')) {
    node = isObject(node) && Object.prototype.hasOwnProperty.call(node, part) ? node[part] : undefined;
    if (node === undefined) return false;
  }
  return true;
}

/**
 * A test for "lies under one of these keys" that costs the leaf's depth, not the number of keys
 * (thousands of generated stages may each list a key); globs, rare, are tried one by one.
 */
export function underAnyKey(keys: string[]): (leaf: string) => boolean {
  const exact = new Set(keys.filter((k) => !isGlob(k)));
  const globs = keys.filter(isGlob);
  return (leaf) => {
    for (let dot = leaf.indexOf('.'); dot >= 0; dot = leaf.indexOf('.', dot + 1)) {
      if (exact.has(leaf.slice(0, dot))) return true;
    }
    return exact.has(leaf) || globs.some((g) => underKey(leaf, g));
  };
}
