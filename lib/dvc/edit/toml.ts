import { parseTOML } from 'toml-eslint-parser';
import type { AST } from 'toml-eslint-parser';
import { exactInt } from '../python/exact-int';
import { floatRepr } from '../python/python-float';
import { flowCollection, type FlowPunctuation } from './flow-collection';
import type { EditableLeaf } from './leaf';
import { listLayout, writeList } from './list-layout';
import { lineBreakAt } from './text-splice';
import { commonNumberKind, elementKind, floatValue, intDigits, type ParamValue, type ValueKind } from './value';

type TOMLContentNode = AST.TOMLContentNode;
type StringStyle = Pick<AST.TOMLStringValue, 'style' | 'multiline'> & { leadingBreak: boolean };

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** The leaves of a TOML params file: tables and inline tables are groups, arrays are leaves. */
export function tomlLeaves(text: string): EditableLeaf[] {
  const top = parseTOML(text).body[0];
  const prevailing = prevailingStringStyle(top);
  const leaves = new Map<string, EditableLeaf>();
  const visit = (node: TOMLContentNode, path: string[]): void => {
    if (node.type === 'TOMLInlineTable') {
      for (const kv of node.body) visit(kv.value, [...path, ...keyNames(kv.key)]);
      return;
    }
    const key = path.join('.');
    leaves.set(key, leaf(text, node, key, prevailing));
  };
  for (const item of top.body) {
    if (item.type === 'TOMLKeyValue') {
      visit(item.value, keyNames(item.key));
    } else if (item.kind === 'standard') {
      for (const kv of item.body) visit(kv.value, [...(item.resolvedKey as string[]), ...keyNames(kv.key)]);
    } else {
      // [[name]]: DVC sees one list of tables, spread over many headers — not one range to splice.
      const names = item.resolvedKey.slice(
        0,
        item.resolvedKey.findIndex((k) => typeof k === 'number'),
      );
      const key = names.join('.');
      leaves.set(key, {
        key,
        kind: 'list',
        value: undefined,
        refusal: `is an array of tables ([[${key}]]), which cannot be rewritten as one value`,
        write: () => {
          throw new Error('arrays of tables cannot be rewritten');
        },
      });
    }
  }
  return [...leaves.values()];
}

function keyNames(key: AST.TOMLKey): string[] {
  return key.keys.map((k) => (k.type === 'TOMLBare' ? k.name : k.value));
}

function leaf(text: string, node: Exclude<TOMLContentNode, { type: 'TOMLInlineTable' }>, key: string, prevailing: StringStyle): EditableLeaf {
  const [from, to] = node.range;
  const style: StringStyle =
    node.type === 'TOMLValue' && node.kind === 'string'
      ? { style: node.style, multiline: node.multiline, leadingBreak: /^("""|''')\r?\n/.test(text.slice(from, to)) }
      : prevailing;
  return {
    key,
    kind: tomlKind(node),
    value: valueOf(node),
    write: (value, kind) => {
      if (kind !== 'list' || node.type !== 'TOMLArray') {
        return { from, to, insert: tomlValue(value, kind, style, lineBreakAt(text, from)) };
      }
      const prefer = commonNumberKind(node.elements.map(tomlKind));
      const layout = listLayout(
        text,
        { from, to },
        node.elements.map((e) => ({ from: e.range[0], to: e.range[1] })),
      );
      const items = (value as ParamValue[]).map((v) => tomlValue(v, elementKind(v, prefer), prevailing, '\n'));
      return { from, to, insert: writeList(layout, items) };
    },
  };
}

function tomlKind(node: TOMLContentNode): ValueKind {
  if (node.type === 'TOMLArray') return 'list';
  if (node.type === 'TOMLInlineTable') return 'object';
  switch (node.kind) {
    case 'integer':
      return 'int';
    case 'float':
      return 'float';
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    default:
      return 'date';
  }
}

function valueOf(node: TOMLContentNode): unknown {
  if (node.type === 'TOMLArray') return node.elements.map(valueOf);
  if (node.type === 'TOMLInlineTable') {
    return Object.fromEntries(node.body.map((kv) => [keyNames(kv.key).join('.'), valueOf(kv.value)]));
  }
  if (node.kind === 'integer') return exactInt(node.bigint);
  if (node.kind === 'string' || node.kind === 'float' || node.kind === 'boolean') return node.value;
  return node.datetime;
}

const FLOW: FlowPunctuation = { item: ', ', pair: ' = ', pad: ' ' };

function tomlValue(value: ParamValue, kind: ValueKind, style: StringStyle, eol: string): string {
  switch (kind) {
    case 'int': {
      const digits = intDigits(value as number | bigint);
      if (BigInt(digits) < INT64_MIN || BigInt(digits) > INT64_MAX) throw new Error(`${digits} does not fit a TOML integer (64-bit)`);
      return digits;
    }
    case 'float':
      // Python's repr always carries a "." or an exponent, as TOML floats must (1e-07, 1.0, -0.0).
      return floatRepr(floatValue(value as number | bigint));
    case 'bool':
      return value ? 'true' : 'false';
    case 'string':
      return tomlString(value as string, style, eol);
    case 'list':
    case 'object':
      // Inline tables are meant to stay on one line (TOML 1.0): their strings are single-line too.
      return flowCollection(value, kind, FLOW, (v, k) => tomlValue(v, k, oneLine(style), eol), tomlKey);
    default:
      throw new Error(kind === 'null' ? 'TOML has no null value' : `TOML params cannot hold ${kind} values here`);
  }
}

function oneLine(style: StringStyle): StringStyle {
  return { ...style, multiline: false, leadingBreak: false };
}

function tomlKey(key: string): string {
  return /^[A-Za-z0-9_-]+$/.test(key) ? key : `"${escapeBasic(key, false)}"`;
}

const CONTROL = /[\x00-\x08\x0a-\x1f\x7f]/;

function tomlString(s: string, style: StringStyle, eol: string): string {
  if (style.multiline) {
    const lead = style.leadingBreak || s.startsWith('\n') ? eol : '';
    if (style.style === 'literal' && !s.includes("'") && !/[\x00-\x08\x0b-\x1f\x7f]/.test(s)) return `'''${lead}${s}'''`;
    return `"""${lead}${escapeBasic(s, true)}"""`;
  }
  if (style.style === 'literal' && !s.includes("'") && !CONTROL.test(s)) return `'${s}'`;
  return `"${escapeBasic(s, false)}"`;
}

function escapeBasic(s: string, multiline: boolean): string {
  const named: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\b': '\\b', '\t': '\\t', '\n': '\\n', '\f': '\\f', '\r': '\\r' };
  let out = '';
  for (const ch of s) {
    if (multiline && ch === '\n') out += ch;
    else if (ch in named) out += named[ch];
    else if (CONTROL.test(ch)) out += `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    else out += ch;
  }
  return out;
}

/** Basic (`"..."`) unless most of the file's strings are literal (`'...'`). */
function prevailingStringStyle(top: AST.TOMLTopLevelTable): StringStyle {
  let basic = 0;
  let literal = 0;
  const count = (node: TOMLContentNode): void => {
    if (node.type === 'TOMLArray') node.elements.forEach(count);
    else if (node.type === 'TOMLInlineTable') node.body.forEach((kv) => count(kv.value));
    else if (node.kind === 'string' && node.style === 'basic') basic++;
    else if (node.kind === 'string') literal++;
  };
  for (const item of top.body) {
    if (item.type === 'TOMLKeyValue') count(item.value);
    else item.body.forEach((kv) => count(kv.value));
  }
  return { style: literal > basic ? 'literal' : 'basic', multiline: false, leadingBreak: false };
}
