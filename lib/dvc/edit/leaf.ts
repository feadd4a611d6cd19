import type { Splice } from './text-splice';
import type { ParamValue, ValueKind } from './value';

/** One value of a params file as an editor sees it: where it is and how to rewrite it. */
export interface EditableLeaf {
  /** Dotted as DVC names params (`train.n_est`); a list is one leaf. */
  key: string;
  kind: ValueKind;
  /** The value as the format's parser reads it, to check an edit wrote what it meant to. */
  value: unknown;
  /** Set when rewriting this leaf would change other params too (anchors, aliases, merge keys). */
  refusal?: string;
  /** The splice that makes this leaf hold `value`, written as `kind`. */
  write(value: ParamValue, kind: ValueKind): Splice;
}

/** The leaves of a params file in one format; throws when the file cannot be parsed. */
export type LeafReader = (text: string) => EditableLeaf[];

/** The leaf a dotted key names, or a readable reason why there is none to edit. */
export function findLeaf(leaves: EditableLeaf[], key: string): EditableLeaf {
  const matches = leaves.filter((l) => l.key === key);
  if (matches.length > 1) throw new Error('it names more than one value (keys that contain dots)');
  const leaf = matches[0];
  if (leaf) {
    if (leaf.refusal) throw new Error(`it ${leaf.refusal}`);
    return leaf;
  }
  if (leaves.some((l) => l.key.startsWith(key + '.'))) {
    throw new Error('it is a group of params, not one value; edit its values one by one');
  }
  throw new Error('there is no such param in this file');
}
