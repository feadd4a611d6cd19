import { MAX_YAML_ALIASES } from '../files/parse-yaml';
import { duplicateKey } from '../files/yaml-duplicate-key';
import { isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type Node, type Scalar, type YAMLSeq } from 'yaml';
import type { EditableLeaf } from './leaf';
import { listLayout, writeList } from './list-layout';
import { columnOf, lineBreakAt, type Splice } from './text-splice';
import { common, commonNumberKind, elementKind, type ParamValue, type ValueKind } from './value';
import type { ScalarStyle } from './yaml-scalar';
import { prevailingQuote, replaceScalar, scalarKind, yamlValue, type YamlPlace } from './yaml-splice';

/** Beyond this many values reached through aliases the file is treated as an alias bomb. */
const MAX_ALIASED_LEAVES = 10_000;

interface Walk {
  text: string;
  doc: Document.Parsed;
  quote: YamlPlace['quote'];
  leaves: EditableLeaf[];
  aliased: number;
}

/** The leaves of a YAML params file, read as YAML 1.2 (as DVC reads it), merge keys included. */
export function yamlLeaves(text: string): EditableLeaf[] {
  // uniqueKeys off: the package's own check is quadratic; duplicateKey does it in one pass.
  const doc = parseDocument(text, { intAsBigInt: true, version: '1.2', uniqueKeys: false });
  const error = doc.errors[0];
  if (error) throw new Error(`not valid YAML: ${error.message}`);
  const duplicate = duplicateKey(doc);
  if (duplicate) throw new Error(`not valid YAML: the key "${duplicate.key}" appears twice in one mapping`);
  const walk: Walk = { text, doc, quote: prevailingQuote(doc), leaves: [], aliased: 0 };
  if (doc.contents) visitNode(walk, doc.contents, [], undefined, false);
  return walk.leaves;
}

function visitNode(walk: Walk, node: Node, path: string[], refusal: string | undefined, inFlow: boolean): void {
  if (isAlias(node)) {
    const target = node.resolve(walk.doc);
    const why = refusal ?? `is reached through the alias *${node.source}; edit the anchored value instead`;
    if (target) visitNode(walk, target, path, why, inFlow);
    return;
  }
  if (isMap(node)) {
    const why = refusal ?? (node.anchor ? `lies under the anchor &${node.anchor}, so its aliases would change too` : undefined);
    const flow = inFlow || node.flow === true;
    const direct = new Set<string>();
    const merges: Node[] = [];
    for (const pair of node.items) {
      if (isMergeKey(pair.key)) {
        if (pair.value) merges.push(pair.value as Node);
        continue;
      }
      const key = keyName(pair.key);
      if (key === undefined || !pair.value) continue;
      direct.add(key);
      visitNode(walk, pair.value as Node, [...path, key], why, flow);
    }
    for (const source of merges.flatMap((m) => (isSeq(m) ? (m.items as Node[]) : [m]))) {
      const merged = isAlias(source) ? source.resolve(walk.doc) : source;
      if (!isMap(merged)) continue;
      for (const pair of merged.items) {
        const key = keyName(pair.key);
        if (key === undefined || direct.has(key) || !pair.value) continue;
        direct.add(key);
        visitNode(walk, pair.value as Node, [...path, key], why ?? 'comes from a merge key (<<); edit the merged mapping instead', flow);
      }
    }
    return;
  }
  if (refusal && ++walk.aliased > MAX_ALIASED_LEAVES) throw new Error('too many values reached through aliases');
  const key = path.join('.');
  const why = refusal ?? containsAnchor(node);
  if (isSeq(node)) walk.leaves.push(seqLeaf(walk, node, key, why, inFlow));
  else if (isScalar(node)) walk.leaves.push(scalarLeaf(walk, node, key, why, inFlow));
}

/** `<<` written plain is a merge key in DVC's YAML loader; quoted it is an ordinary key. */
function isMergeKey(key: unknown): boolean {
  return isScalar(key) && key.type === 'PLAIN' && key.value === '<<';
}

function keyName(key: unknown): string | undefined {
  if (!isScalar(key)) return undefined;
  return key.value === null ? 'null' : String(key.value);
}

function scalarLeaf(walk: Walk, node: Scalar, key: string, refusal: string | undefined, inFlow: boolean): EditableLeaf {
  return {
    key,
    kind: scalarKind(node),
    value: node.value,
    refusal,
    write: (value, kind) => replaceScalar(walk.text, node, value, kind, { inFlow, quote: walk.quote }),
  };
}

function seqLeaf(walk: Walk, node: YAMLSeq, key: string, refusal: string | undefined, inFlow: boolean): EditableLeaf {
  return {
    key,
    kind: 'list',
    value: node.toJS(walk.doc, { maxAliasCount: MAX_YAML_ALIASES }),
    refusal,
    write: (value, kind) => writeSeq(walk, node, value, kind, inFlow),
  };
}

/** Replacing a node that carries an anchor would leave its aliases dangling. */
function containsAnchor(node: Node): string | undefined {
  if (node.anchor) return `carries the anchor &${node.anchor}, so its aliases would change too`;
  if (isSeq(node)) {
    for (const item of node.items) {
      const inner = isScalar(item) || isSeq(item) || isMap(item) ? containsAnchor(item as Node) : undefined;
      if (inner) return `holds an item that ${inner}`;
    }
  }
  return undefined;
}

function writeSeq(walk: Walk, node: YAMLSeq, value: ParamValue, kind: ValueKind, inFlow: boolean): Splice {
  const { text } = walk;
  const items = node.items as Node[];
  const from = node.range![0];
  // A block sequence's range runs on to the next key's line; stop after its last item.
  let to = node.flow ? node.range![1] : Math.max(...items.map((i) => i.range![1]));
  while (!node.flow && /[\s]/.test(text[to - 1]!)) to--;
  const eol = lineBreakAt(text, from);
  if (kind !== 'list') {
    return { from, to, insert: yamlValue(value, kind, { inFlow, quote: walk.quote, eol }) };
  }
  const numberKind = commonNumberKind(items.map((i) => (isScalar(i) ? scalarKind(i) : 'list')));
  const style = common(items.filter((i): i is Scalar => isScalar(i) && scalarKind(i) === 'string').map((i) => i.type as ScalarStyle));
  const spell = (v: ParamValue, flow: boolean) =>
    yamlValue(v, elementKind(v, numberKind), {
      inFlow: flow,
      quote: walk.quote,
      eol,
      style: style === 'QUOTE_SINGLE' || style === 'QUOTE_DOUBLE' ? style : undefined,
    });
  const values = value as ParamValue[];
  if (node.flow) {
    const layout = listLayout(
      text,
      { from, to },
      items.map((i) => ({ from: i.range![0], to: i.range![1] })),
    );
    return {
      from,
      to,
      insert: writeList(
        layout,
        values.map((v) => spell(v, true)),
      ),
    };
  }
  if (values.length === 0) return { from, to, insert: '[]' };
  const indent = ' '.repeat(columnOf(text, from));
  return { from, to, insert: values.map((v) => `- ${spell(v, false)}`).join(eol + indent) };
}
