import { parseDocument } from 'yaml';
import { duplicateKey } from './yaml-duplicate-key';
import type { DataValue } from '../types';
import { errorMessage } from './error-message';

/**
 * Aliases a document may expand before we call it an alias bomb (the yaml package's default): the
 * one limit, for the reader and the editor alike.
 */
export const MAX_YAML_ALIASES = 100;

export type Parsed = { value: DataValue } | { error: string };

/**
 * YAML as DVC's ruamel safe loader reads it: YAML 1.2 core schema (`yes` is a string, `1.0e-3` a
 * number), merge keys, duplicate keys rejected, one document only; an empty document is `{}`.
 */
export function parseYaml(text: string): Parsed {
  try {
    // The package's own `uniqueKeys` check compares every key with every other (minutes for a
    // 1 MiB file); `duplicateKey` does the same job in one pass.
    const doc = parseDocument(text, { version: '1.2', schema: 'core', merge: true, uniqueKeys: false, prettyErrors: false });
    const first = doc.errors[0];
    if (first) {
      if (/call stack/i.test(first.message)) return { error: 'too deeply nested' };
      return { error: `${first.message} (line ${lineAt(text, first.pos[0])})` };
    }
    const duplicate = duplicateKey(doc);
    if (duplicate) return { error: `duplicate key '${duplicate.key}' (line ${lineAt(text, duplicate.offset)})` };
    const value = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES }) as DataValue | undefined;
    // dvc.utils.serialize.parse_yaml: `yaml.load(text) or {}`.
    return { value: isFalsy(value) ? {} : value! };
  } catch (e) {
    return { error: errorMessage(e) };
  }
}

function isFalsy(value: DataValue | undefined): boolean {
  return value === undefined || value === null || value === false || value === 0 || value === '';
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
