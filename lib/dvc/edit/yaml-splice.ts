import { visit, type Document, type Scalar } from 'yaml';
import { representFloat } from '../python/python-float';
import { lineBreakAt, type Splice } from './text-splice';
import { COLON_FLOW, flowCollection } from './flow-collection';
import { floatValue, intDigits, type ParamValue, type ValueKind } from './value';
import { yamlString, type QuoteStyle, type ScalarStyle } from './yaml-scalar';

/**
 * Replacing one YAML node's source text in place — the primitive behind params edits and behind
 * rewriting `.dvc`/`dvc.lock` entries. Only the node's own range changes; its comment, the key,
 * indentation and every other byte stay.
 */

/** Where a node stands: inside a flow collection or not, and the quotes the file prefers. */
export interface YamlPlace {
  inFlow: boolean;
  quote: QuoteStyle;
}

/** The quote style most quoted scalars of the document use; single quotes on a tie (PyYAML's choice). */
export function prevailingQuote(doc: Document): QuoteStyle {
  let single = 0;
  let double = 0;
  visit(doc, {
    Scalar(_key, node) {
      if (node.type === 'QUOTE_SINGLE') single++;
      else if (node.type === 'QUOTE_DOUBLE') double++;
    },
  });
  return double > single ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE';
}

/** The kind a parsed scalar holds (documents parsed with `intAsBigInt: true`, so ints are bigint). */
export function scalarKind(node: Scalar): ValueKind {
  const v = node.value;
  if (typeof v === 'bigint') return 'int';
  if (typeof v === 'number') return 'float';
  if (typeof v === 'boolean') return 'bool';
  if (v === null) return 'null';
  return 'string';
}

/** The splice writing `value` as `kind` in the place of a scalar node. */
export function replaceScalar(text: string, node: Scalar, value: ParamValue, kind: ValueKind, place: YamlPlace): Splice {
  const [from, to] = node.range!;
  const source = text.slice(from, to);
  const block = node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED';
  const eol = lineBreakAt(text, from);
  const style = scalarKind(node) === 'string' ? (node.type as ScalarStyle) : undefined;
  let insert = yamlValue(value, kind, { ...place, style, eol, blockIndent: block ? contentIndent(source) : undefined }, source);
  if (block) {
    // A block scalar's range takes in its final line break: keep exactly one there, or none.
    const endsWithBreak = /\n$/.test(source);
    if (endsWithBreak && !insert.endsWith('\n')) insert += eol;
    if (!endsWithBreak && insert.endsWith('\n')) insert = insert.slice(0, -eol.length);
  }
  if (from === to && text[from - 1] === ':') insert = ' ' + insert; // `key:` with no value yet
  return { from, to, insert };
}

/** Any value spelled for YAML; lists and mappings in flow style, as they fit on the key's line. */
export function yamlValue(
  value: ParamValue,
  kind: ValueKind,
  place: YamlPlace & { style?: ScalarStyle; eol: string; blockIndent?: string },
  oldSource = '',
): string {
  switch (kind) {
    case 'int':
      return intDigits(value as number | bigint);
    case 'float':
      return representFloat(floatValue(value as number | bigint));
    case 'bool':
      return boolWord(value as boolean, oldSource);
    case 'null':
      return 'null';
    case 'string':
      return yamlString(value as string, place);
    case 'list':
    case 'object': {
      const inner = { ...place, inFlow: true, style: undefined };
      return flowCollection(
        value,
        kind,
        COLON_FLOW,
        (v, k) => yamlValue(v, k, inner),
        (k) => yamlString(k, inner),
      );
    }
    default:
      throw new Error(`YAML params cannot hold ${kind} values`);
  }
}

/** `true`/`false` in the capitalisation the old boolean had (`True`, `TRUE` are YAML 1.2 and 1.1 too). */
function boolWord(value: boolean, old: string): string {
  const word = value ? 'true' : 'false';
  if (/^[A-Z][a-z]+$/.test(old)) return word[0]!.toUpperCase() + word.slice(1);
  if (/^[A-Z]+$/.test(old)) return word.toUpperCase();
  return word;
}

/** The indentation of a block scalar's first content line. */
function contentIndent(source: string): string | undefined {
  const line = source
    .split(/\r?\n/)
    .slice(1)
    .find((l) => l.trim() !== '');
  return line === undefined ? undefined : /^ */.exec(line)![0];
}
