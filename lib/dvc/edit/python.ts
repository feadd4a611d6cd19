import { parser } from '@lezer/python';
import type { SyntaxNode, Tree } from '@lezer/common';
import { isPythonFloat } from '../python/python-literal';
import { readPythonParams, type PythonParamLeaf } from '../files/python-params';
import { floatRepr } from '../python/python-float';
import { COLON_FLOW, flowCollection } from './flow-collection';
import type { EditableLeaf } from './leaf';
import { listLayout, writeList } from './list-layout';
import { commonNumberKind, elementKind, floatValue, intDigits, type ParamValue, type ValueKind } from './value';
import { children } from '../python/syntax-nodes';

interface Quote {
  char: '"' | "'";
  triple: boolean;
}

/** The leaves of a Python params file, as DVC's Python loader names them (see readPythonParams). */
export function pythonLeaves(text: string): EditableLeaf[] {
  const params = readPythonParams(text);
  const tree = parser.parse(text);
  const prevailing = prevailingQuote(tree, text);
  return params.map((param) => {
    const node = valueNode(tree, param);
    const quote = node && isString(node) ? quoteOf(text, node) : prevailing;
    return {
      key: param.key,
      kind: node ? nodeKind(node, text) : 'list',
      value: param.value,
      write: (value, kind) => ({
        from: param.from,
        to: param.to,
        insert: kind === 'list' ? pythonList(text, node, value as ParamValue[], prevailing) : pythonValue(value, kind, quote),
      }),
    };
  });
}

/** The expression node spanning a param's range, parentheses taken off; none for a bare tuple `1, 2`. */
function valueNode(tree: Tree, param: PythonParamLeaf): SyntaxNode | undefined {
  let node: SyntaxNode | null = tree.resolveInner(param.from, 1);
  while (node && !(node.from === param.from && node.to === param.to)) node = node.parent;
  while (node?.name === 'ParenthesizedExpression') {
    const inner = children(node).filter((c) => c.name !== '(' && c.name !== ')');
    if (inner.length !== 1) break;
    node = inner[0]!;
  }
  return node ?? undefined;
}

function nodeKind(node: SyntaxNode, text: string): ValueKind {
  switch (node.name) {
    case 'Number':
      return isPythonFloat(text.slice(node.from, node.to)) ? 'float' : 'int';
    case 'UnaryExpression':
      return nodeKind(node.lastChild!, text);
    case 'ParenthesizedExpression':
      return nodeKind(children(node)[1]!, text);
    case 'String':
    case 'ContinuedString':
      return 'string';
    case 'Boolean':
      return 'bool';
    case 'None':
      return 'null';
    case 'DictionaryExpression':
      return 'object';
    default:
      return 'list';
  }
}

function isString(node: SyntaxNode): boolean {
  return node.name === 'String' || node.name === 'ContinuedString';
}

function pythonList(text: string, node: SyntaxNode | undefined, values: ParamValue[], quote: Quote): string {
  const elements = node ? children(node).filter((c) => !['[', ']', '(', ')', ',', 'Comment'].includes(c.name)) : [];
  const prefer = commonNumberKind(elements.map((e) => nodeKind(e, text)));
  const items = values.map((v) => pythonValue(v, elementKind(v, prefer), quote));
  if (!node || (node.name !== 'ArrayExpression' && node.name !== 'TupleExpression')) {
    // A bare tuple (`X = 1, 2`) stays bare; one item needs its comma, none needs brackets.
    return items.length === 0 ? '()' : items.length === 1 ? `${items[0]},` : items.join(', ');
  }
  const layout = listLayout(text, { from: node.from, to: node.to }, elements);
  if (node.name === 'TupleExpression' && items.length === 1 && !layout.tail.includes(',')) {
    return writeList({ ...layout, tail: ',' + layout.tail }, items);
  }
  return writeList(layout, items);
}

function pythonValue(value: ParamValue, kind: ValueKind, quote: Quote): string {
  switch (kind) {
    case 'int':
      return intDigits(value as number | bigint);
    case 'float':
      return floatRepr(floatValue(value as number | bigint));
    case 'bool':
      return value ? 'True' : 'False';
    case 'null':
      return 'None';
    case 'string':
      return pythonString(value as string, quote);
    case 'list':
    case 'object': {
      const single = { ...quote, triple: false };
      return flowCollection(
        value,
        kind,
        COLON_FLOW,
        (v, k) => pythonValue(v, k, single),
        (k) => pythonString(k, single),
      );
    }
    default:
      throw new Error(`Python params cannot hold ${kind} values`);
  }
}

/** A str literal in the given quotes, escaping only what must be escaped (Python 3 source is UTF-8). */
function pythonString(s: string, quote: Quote): string {
  const q = quote.triple ? quote.char.repeat(3) : quote.char;
  let out = '';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (ch === '\\' || ch === quote.char) out += '\\' + ch;
    else if (ch === '\n') out += quote.triple ? '\n' : '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return q + out + q;
}

function quoteOf(text: string, node: SyntaxNode): Quote {
  const first = node.name === 'ContinuedString' ? node.firstChild! : node;
  const token = text.slice(first.from, first.to).replace(/^[A-Za-z]*/, '');
  return { char: token[0] === "'" ? "'" : '"', triple: token.startsWith("'''") || token.startsWith('"""') };
}

/** The quote character most string literals of the file use; double quotes on a tie. */
function prevailingQuote(tree: Tree, text: string): Quote {
  let single = 0;
  let double = 0;
  tree.iterate({
    enter(n) {
      if (n.name !== 'String') return;
      const token = text.slice(n.from, n.to).replace(/^[A-Za-z]*/, '');
      if (token[0] === "'") single++;
      else double++;
    },
  });
  return { char: single > double ? "'" : '"', triple: false };
}
