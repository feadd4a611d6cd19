import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { exactInt } from '../python/exact-int';
import { floatRepr } from '../python/python-float';
import { COLON_FLOW, flowCollection, type FlowPunctuation } from './flow-collection';
import type { EditableLeaf } from './leaf';
import { listLayout, writeList } from './list-layout';
import { commonNumberKind, elementKind, floatValue, intDigits, type ParamValue, type ValueKind } from './value';

/** The leaves of a JSON params file; a repeated key counts once, at its last place (as Python's json reads it). */
export function jsonLeaves(text: string): EditableLeaf[] {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  const error = errors[0];
  if (error || !root) {
    throw new Error(`not valid JSON${error ? `: ${printParseErrorCode(error.error)} at offset ${error.offset}` : ''}`);
  }
  const compact = !/\s/.test(text.trim().replace(/"(?:[^"\\]|\\.)*"/g, '""'));
  const leaves = new Map<string, EditableLeaf>();
  const visit = (node: Node, path: string[]): void => {
    if (node.type === 'object') {
      for (const property of node.children ?? []) {
        const [name, value] = property.children ?? [];
        if (name && value) visit(value, [...path, name.value as string]);
      }
      return;
    }
    const key = path.join('.');
    leaves.delete(key); // keep the order of the last occurrence
    leaves.set(key, leaf(text, node, key, compact));
  };
  if (root.type === 'object') visit(root, []);
  return [...leaves.values()];
}

function leaf(text: string, node: Node, key: string, compact: boolean): EditableLeaf {
  const from = node.offset;
  const to = node.offset + node.length;
  return {
    key,
    kind: jsonKind(text, node),
    value: valueOf(text, node),
    write: (value, kind) => {
      if (kind !== 'list' || node.type !== 'array') return { from, to, insert: jsonValue(value, kind, compact) };
      const items = node.children ?? [];
      const prefer = commonNumberKind(items.map((i) => jsonKind(text, i)));
      const layout = listLayout(
        text,
        { from, to },
        items.map((i) => ({ from: i.offset, to: i.offset + i.length })),
      );
      const spelled = (value as ParamValue[]).map((v) => jsonValue(v, elementKind(v, prefer), compact));
      return { from, to, insert: writeList(layout, spelled) };
    },
  };
}

function jsonKind(text: string, node: Node): ValueKind {
  switch (node.type) {
    case 'number':
      return /[.eE]/.test(text.slice(node.offset, node.offset + node.length)) ? 'float' : 'int';
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    case 'null':
      return 'null';
    case 'array':
      return 'list';
    default:
      return 'object';
  }
}

/** The value as Python's json reads it: ints exact (bigint beyond 2^53). */
function valueOf(text: string, node: Node): unknown {
  if (node.type === 'number') {
    const source = text.slice(node.offset, node.offset + node.length);
    return jsonKind(text, node) === 'int' ? exactInt(BigInt(source)) : Number(source);
  }
  if (node.type === 'array') return (node.children ?? []).map((c) => valueOf(text, c));
  if (node.type === 'object') {
    const out: Record<string, unknown> = {};
    for (const p of node.children ?? []) {
      const [name, value] = p.children ?? [];
      if (name && value) out[name.value as string] = valueOf(text, value);
    }
    return out;
  }
  return node.value;
}

const MINIFIED: FlowPunctuation = { item: ',', pair: ':', pad: '' };

function jsonValue(value: ParamValue, kind: ValueKind, compact: boolean): string {
  switch (kind) {
    case 'int':
      return intDigits(value as number | bigint);
    case 'float':
      // Python's json writes floats with repr(): 1e-07, 1e+16, 1.0 (valid JSON, read back as float).
      return floatRepr(floatValue(value as number | bigint));
    case 'list':
    case 'object':
      return flowCollection(
        value,
        kind,
        compact ? MINIFIED : COLON_FLOW,
        (v, k) => jsonValue(v, k, compact),
        (k) => JSON.stringify(k),
      );
    default:
      // Strings, booleans and null: JSON.stringify escapes exactly what JSON requires.
      return JSON.stringify(value);
  }
}
