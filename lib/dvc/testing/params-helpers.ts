// Test-side readers for params files: independent of lib/dvc/edit, they parse with the libraries
// directly and give dotted leaves with values and (where needed) source ranges.
import { readFileSync } from 'node:fs';
import { parseTree, type Node as JsonNode } from 'jsonc-parser';
import { parse as parseToml } from 'smol-toml';
import { parseTOML, type AST } from 'toml-eslint-parser';
import { isMap, isSeq, parse as parseYamlText, parseDocument, type Node as YamlNode } from 'yaml';
import { FIXTURES, filesUnder } from './fixture-files';

/** Absolute paths of the fixture files whose fixture-relative path passes `test`, sorted. */
export function fixtureFiles(test: (path: string) => boolean): string[] {
  return filesUnder(FIXTURES)
    .filter(test)
    .map((path) => `${FIXTURES}/${path}`)
    .sort();
}

export function read(path: string): string {
  return readFileSync(path, 'utf8');
}

/** Nested mappings flattened to dotted keys; lists and scalars are leaves. */
export function flatten(value: unknown, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out.set(prefix, value);
  }
  return out;
}

/** YAML 1.2 (DVC's reading) or YAML 1.1 (stand-in for PyYAML, what training scripts use). */
export function yamlParams(text: string, version: '1.1' | '1.2' = '1.2'): Map<string, unknown> {
  return flatten(parseYamlText(text, { version, intAsBigInt: true }));
}

export function tomlParams(text: string): Map<string, unknown> {
  return flatten(parseToml(text, { integersAsBigInt: true }));
}

/** JSON as Python's json reads it: `1` an int (bigint here), `1.0` a float. */
export function jsonParams(text: string): Map<string, unknown> {
  const value = (node: JsonNode): unknown => {
    if (node.type === 'number') {
      const source = text.slice(node.offset, node.offset + node.length);
      return /[.eE]/.test(source) ? Number(source) : BigInt(source);
    }
    if (node.type === 'array') return node.children!.map(value);
    if (node.type === 'object') return Object.fromEntries(node.children!.map((p) => [p.children![0]!.value, value(p.children![1]!)]));
    return node.value;
  };
  return flatten(value(parseTree(text)!));
}

export interface Range {
  from: number;
  to: number;
}

/** Source range of the value at a dotted key, as the yaml package reports it. */
export function yamlRange(text: string, key: string): Range {
  const doc = parseDocument(text);
  const node = doc.getIn(key.split('.'), true) as YamlNode;
  let to = node.range![1];
  // A block sequence runs on to the next key; its value ends after its last item.
  if (isSeq(node) && !node.flow) while (/\s/.test(text[to - 1]!)) to--;
  if (isMap(node)) throw new Error(`${key} is a mapping`);
  return { from: node.range![0], to };
}

export function tomlRange(text: string, key: string): Range {
  const top = parseTOML(text).body[0];
  const found: Range[] = [];
  const visit = (prefix: string[], kv: AST.TOMLKeyValue): void => {
    const path = [...prefix, ...kv.key.keys.map((k) => (k.type === 'TOMLBare' ? k.name : k.value))];
    if (kv.value.type === 'TOMLInlineTable') kv.value.body.forEach((inner) => visit(path, inner));
    else if (path.join('.') === key) found.push({ from: kv.value.range[0], to: kv.value.range[1] });
  };
  for (const item of top.body) {
    if (item.type === 'TOMLKeyValue') visit([], item);
    else item.body.forEach((kv) => visit(item.resolvedKey.map(String), kv));
  }
  if (found.length !== 1) throw new Error(`${key}: ${found.length} ranges`);
  return found[0]!;
}

export function jsonRange(text: string, key: string): Range {
  let node: JsonNode | undefined = parseTree(text);
  for (const part of key.split('.')) {
    const property: JsonNode | undefined = node?.children?.find((p) => p.children?.[0]?.value === part);
    node = property?.children?.[1];
  }
  if (!node) throw new Error(`${key} not found`);
  return { from: node.offset, to: node.offset + node.length };
}

/** `after` differs from `before` only inside `range` of `before` (everything else byte-identical). */
export function onlyRangeChanged(before: string, after: string, range: Range): boolean {
  const tail = before.length - range.to;
  return (
    after.length >= range.from + tail &&
    after.slice(0, range.from) === before.slice(0, range.from) &&
    after.slice(after.length - tail) === before.slice(range.to)
  );
}

export interface Hunk {
  before: string;
  after: string;
}

/**
 * The hunks of the diff of one file in a `git show` output, as before/after texts (CRs kept).
 * A hunk that starts inside a mapping gets the mapping's key line back from the hunk header
 * (git's function context), so that it parses as YAML on its own.
 */
export function diffHunks(show: string, file: string): Hunk[] {
  const section = show.split(/^diff --git /m).find((s) => s.startsWith(`a/${file} b/${file}`));
  if (!section) return [];
  return [...section.matchAll(/^@@ [^@]* @@ ?([^\n]*)\n((?:[ +\\-][^\n]*\n?)*)/gm)].map(([, context, body]) => {
    const lines = body!.split('\n').filter((l) => /^[ +-]/.test(l));
    const head = /^[ +-]\s+\S/.test(lines[0] ?? '') ? `${context}\n` : '';
    const side = (skip: string) =>
      head +
      lines
        .filter((l) => l[0] !== skip)
        .map((l) => l.slice(1) + '\n')
        .join('');
    return { before: side('+'), after: side('-') };
  });
}
