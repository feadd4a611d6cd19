import { fileFormat, type FileFormat } from '../files/format';
import { findLeaf, type EditableLeaf, type LeafReader } from './leaf';
import { jsonLeaves } from './json';
import { pythonLeaves } from './python';
import { applySplices, type Splice } from './text-splice';
import { tomlLeaves } from './toml';
import { checkWritable, floatValue, sameValue, writtenKind, type ParamValue } from './value';
import { yamlLeaves } from './yaml';
import { errorMessage } from '../files/error-message';

export interface ParamEdit {
  /** Dotted, as readProject reports it. */
  key: string;
  value: ParamValue;
  /** Allow the value to change type (an int to a string, a float to a list...). */
  retype?: boolean;
}

const READERS: Record<FileFormat, LeafReader> = {
  yaml: yamlLeaves,
  json: jsonLeaves,
  toml: tomlLeaves,
  python: pythonLeaves,
};

/**
 * The text of params file `file` with `edits` applied. Each edit replaces only the source range of
 * its value, so comments, quoting, number spelling, blank lines and line endings elsewhere stay
 * byte for byte. Throws an Error a user can read when an edit cannot be made safely.
 */
export function editParams(fileText: string, file: string, edits: ParamEdit[]): string {
  // A UTF-8 byte order mark is not part of any format's content (readProject ignores it too): keep it, edit after it.
  const bom = fileText.startsWith('\ufeff') ? '\ufeff' : '';
  const text = fileText.slice(bom.length);
  const read = READERS[fileFormat(file)];
  const seen = new Set<string>();
  for (const { key } of edits) {
    if (seen.has(key)) throw new Error(`${file}: "${key}" is edited twice in one change`);
    seen.add(key);
  }
  const leaves = parse(read, text, file);
  const splices: Splice[] = [];
  const expected = new Map<string, unknown>();
  for (const edit of edits) {
    try {
      const leaf = findLeaf(leaves, edit.key);
      checkWritable(edit.value);
      const kind = writtenKind(edit.value, leaf.kind, edit.retype === true);
      splices.push(leaf.write(edit.value, kind));
      expected.set(edit.key, kind === 'float' ? floatValue(edit.value as number | bigint) : edit.value);
    } catch (e) {
      throw new Error(`${file}: cannot set ${edit.key}: ${errorMessage(e)}`);
    }
  }
  const result = applySplices(text, splices);
  checkResult(leaves, parse(read, result, file), expected, file);
  return bom + result;
}

function parse(read: LeafReader, text: string, file: string): EditableLeaf[] {
  try {
    return read(text);
  } catch (e) {
    throw new Error(`${file}: ${errorMessage(e)}`);
  }
}

/**
 * Refuse rather than guess: the new text must read back with exactly the edited values changed
 * to what was asked (a mapping written in place of a value reads back as a group of params) and
 * every other param as it was.
 */
function checkResult(before: EditableLeaf[], after: EditableLeaf[], written: Map<string, unknown>, file: string): void {
  const want = new Map(before.map((l) => [l.key, l.value]));
  for (const [key, value] of written) {
    want.delete(key);
    flattenInto(want, key, value);
  }
  const now = new Map(after.map((l) => [l.key, l.value]));
  for (const [key, value] of now) {
    if (!want.has(key) || !sameValue(value, want.get(key))) {
      throw new Error(`${file}: the edit would not read back as intended at "${key}"; nothing was changed`);
    }
  }
  if (now.size !== want.size) throw new Error(`${file}: the edit would change which params exist; nothing was changed`);
}

function flattenInto(out: Map<string, unknown>, key: string, value: unknown): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    out.set(key, value);
    return;
  }
  for (const [k, v] of Object.entries(value)) flattenInto(out, `${key}.${k}`, v);
}
