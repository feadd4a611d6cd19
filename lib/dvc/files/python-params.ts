import { parser } from '@lezer/python';
import type { SyntaxNode } from '@lezer/common';
import { exactInt } from '../python/exact-int';
import { evalPythonNumber, evalPythonString, isPythonFloat } from '../python/python-literal';
import { children } from '../python/syntax-nodes';
import { errorMessage } from './error-message';

/** A value a Python params file can give: what `ast.literal_eval` yields, tuples as arrays. */
export type PyValue = null | boolean | number | bigint | string | PyValue[] | { [key: string]: PyValue };

/**
 * One param of a `.py` params file. `key` is dotted as DVC names it (`EPOCHS`, `TrainConfig.lr`,
 * `CONFIG.optimizer.name` for a dict); `from`/`to` are the source offsets of the value expression
 * (a list or tuple is one leaf; its range covers the brackets).
 */
export interface PythonParamLeaf {
  key: string;
  value: PyValue;
  from: number;
  to: number;
}

type Entry = { leaf: PythonParamLeaf } | { group: Group };
type Group = Map<string, Entry>;

/** Not a literal: DVC's loader skips the assignment (its `except ValueError: continue`). */
class NotLiteral extends Error {}

/**
 * The params DVC reads from a Python file (iterative/dvc `dvc/utils/serialize/_py.py`): top-level
 * assignments of literals, class bodies as groups named after the class, and inside any
 * `__init__` only `self.x = literal`. Anything else (if-blocks, calls, f-strings, `a = b = 1`)
 * is ignored, as DVC ignores it. A later assignment to the same name replaces the earlier one.
 * Throws when the file is not valid Python, as DVC refuses the whole file then.
 */
export function readPythonParams(text: string): PythonParamLeaf[] {
  const top = parser.parse(text).topNode;
  const error = firstError(top);
  if (error) throw new Error(`Python syntax error on line ${lineOf(text, error.from)}`);
  const root: Group = new Map();
  collectBody(children(top), false, root, text);
  const leaves: PythonParamLeaf[] = [];
  flatten(root, '', leaves);
  return leaves;
}

function collectBody(statements: SyntaxNode[], onlySelf: boolean, into: Group, text: string): void {
  for (const statement of statements) {
    const node = statement.name === 'DecoratedStatement' ? statement.lastChild! : statement;
    if (node.name === 'StatementGroup') {
      collectBody(children(node), onlySelf, into, text);
    } else if (node.name === 'AssignStatement') {
      collectAssignment(node, onlySelf, into, text);
    } else if (node.name === 'ClassDefinition') {
      const group: Group = new Map();
      collectBody(children(node.getChild('Body')!), false, group, text);
      into.set(source(node.getChild('VariableName')!, text), { group });
    } else if (node.name === 'FunctionDefinition' && isInit(node, text)) {
      collectBody(children(node.getChild('Body')!), true, into, text);
    }
  }
}

function isInit(fn: SyntaxNode, text: string): boolean {
  // `async def __init__` is an AsyncFunctionDef to Python's ast, which DVC does not look into.
  return !fn.getChild('async') && source(fn.getChild('VariableName')!, text) === '__init__';
}

function collectAssignment(node: SyntaxNode, onlySelf: boolean, into: Group, text: string): void {
  const parts = children(node).filter((c) => c.name !== 'TypeDef');
  const ops = parts.filter((c) => c.name === 'AssignOp');
  if (ops.length !== 1) return; // `a = b = 1` (several targets) or `X: int` (no value)
  const split = parts.indexOf(ops[0]!);
  const targets = parts.slice(0, split);
  const values = parts.slice(split + 1);
  if (targets.length !== 1) return; // `a, b = ...`
  const name = targetName(targets[0]!, onlySelf, text);
  if (name === undefined) return;
  try {
    into.set(name, entryFor(values, text));
  } catch (e) {
    if (e instanceof NotLiteral) return;
    throw new Error(`Python syntax error on line ${lineOf(text, node.from)}: ${errorMessage(e)}`);
  }
}

/** DVC's `_get_ast_name`: a plain name (not inside `__init__`), or `self.<attr>`. */
function targetName(target: SyntaxNode, onlySelf: boolean, text: string): string | undefined {
  if (target.name === 'VariableName') return onlySelf ? undefined : source(target, text);
  if (target.name !== 'MemberExpression') return undefined;
  const [object, dot, property] = children(target);
  if (object?.name !== 'VariableName' || dot?.name !== '.' || property?.name !== 'PropertyName') return undefined;
  return source(object, text) === 'self' ? source(property, text) : undefined;
}

/** The value of one assignment: a dict becomes a group of leaves, anything else one leaf. */
function entryFor(values: SyntaxNode[], text: string): Entry {
  if (values.length === 1) {
    const value = unwrap(values[0]!);
    if (value.name === 'DictionaryExpression') return { group: dictGroup(value, text) };
  }
  const expressions = values.filter((v) => v.name !== ',');
  // `X = 1, 2` is a tuple without brackets.
  const value = values.length === 1 ? evalNode(values[0]!, text) : expressions.map((v) => evalNode(v, text));
  const from = values[0]!.from;
  const to = values[values.length - 1]!.to;
  return { leaf: { key: '', value, from, to } };
}

function dictGroup(dict: SyntaxNode, text: string): Group {
  const group: Group = new Map();
  for (const [keyNode, valueNode] of dictPairs(dict)) {
    const key = dictKey(evalNode(keyNode, text));
    const inner = unwrap(valueNode);
    group.set(
      key,
      inner.name === 'DictionaryExpression'
        ? { group: dictGroup(inner, text) }
        : { leaf: { key: '', value: evalNode(valueNode, text), from: valueNode.from, to: valueNode.to } },
    );
  }
  return group;
}

function dictPairs(dict: SyntaxNode): [SyntaxNode, SyntaxNode][] {
  const items = children(dict).filter((c) => !['{', '}', ',', ':'].includes(c.name));
  if (children(dict).some((c) => c.name === '**' || c.name === 'for')) throw new NotLiteral();
  const pairs: [SyntaxNode, SyntaxNode][] = [];
  for (let i = 0; i + 1 < items.length; i += 2) pairs.push([items[i]!, items[i + 1]!]);
  return pairs;
}

/** How a dict key reads in a dotted name: Python's `str()` of it. */
function dictKey(key: PyValue): string {
  if (typeof key === 'string') return key;
  if (typeof key === 'number' || typeof key === 'bigint') {
    if (typeof key === 'number' && !Number.isInteger(key)) throw new NotLiteral();
    return String(key);
  }
  if (typeof key === 'boolean') return key ? 'True' : 'False';
  if (key === null) return 'None';
  throw new NotLiteral();
}

function evalNode(node: SyntaxNode, text: string): PyValue {
  const inner = unwrap(node);
  switch (inner.name) {
    case 'Number':
      return number(source(inner, text));
    case 'UnaryExpression': {
      const op = source(inner.firstChild!, text);
      const operand = unwrap(inner.lastChild!);
      if ((op !== '-' && op !== '+') || operand.name !== 'Number') throw new NotLiteral();
      const n = number(source(operand, text));
      if (op === '+') return n;
      if (typeof n === 'bigint') return exactInt(-n);
      // Python's int has no negative zero; its float does.
      return isPythonFloat(source(operand, text)) ? -n : 0 - n;
    }
    case 'String':
    case 'ContinuedString':
      return string(inner, text);
    case 'Boolean':
      return source(inner, text) === 'True';
    case 'None':
      return null;
    case 'ArrayExpression':
    case 'TupleExpression':
      if (children(inner).some((c) => c.name === '*' || c.name === 'for')) throw new NotLiteral();
      return children(inner)
        .filter((c) => !['[', ']', '(', ')', ','].includes(c.name))
        .map((c) => evalNode(c, text));
    case 'DictionaryExpression': {
      const out: { [key: string]: PyValue } = {};
      for (const [k, v] of dictPairs(inner)) out[dictKey(evalNode(k, text))] = evalNode(v, text);
      return out;
    }
    default:
      // Sets, bytes, calls, names, f-strings, comprehensions: not a params value.
      throw new NotLiteral();
  }
}

function number(token: string): number | bigint {
  const n = evalPythonNumber(token);
  if (n === undefined) throw new NotLiteral();
  return n;
}

function string(node: SyntaxNode, text: string): string {
  const parts = node.name === 'ContinuedString' ? children(node).filter((c) => c.name !== 'Comment') : [node];
  let out = '';
  for (const part of parts) {
    if (part.name !== 'String') throw new NotLiteral();
    const s = evalPythonString(source(part, text));
    if (s === undefined) throw new NotLiteral();
    out += s;
  }
  return out;
}

/** Parentheses are grouping only; Python's ast has no node for them. */
function unwrap(node: SyntaxNode): SyntaxNode {
  let n = node;
  while (n.name === 'ParenthesizedExpression') {
    const inner = children(n).filter((c) => c.name !== '(' && c.name !== ')');
    if (inner.length !== 1) break;
    n = inner[0]!;
  }
  return n;
}

function flatten(group: Group, prefix: string, out: PythonParamLeaf[]): void {
  for (const [name, entry] of group) {
    const key = prefix + name;
    if ('leaf' in entry) out.push({ ...entry.leaf, key });
    else flatten(entry.group, key + '.', out);
  }
}

function firstError(node: SyntaxNode): SyntaxNode | undefined {
  if (node.type.isError) return node;
  for (let c = node.firstChild; c; c = c.nextSibling) {
    const found = firstError(c);
    if (found) return found;
  }
  return undefined;
}

function source(node: SyntaxNode, text: string): string {
  return text.slice(node.from, node.to);
}

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}
