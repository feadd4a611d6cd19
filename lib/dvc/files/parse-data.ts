import { fileFormat } from './format';
import { nestLeaves } from '../flatten';
import { parseJson } from './parse-json';
import { parseToml } from './parse-toml';
import { errorMessage } from './error-message';
import { parseYaml, type Parsed } from './parse-yaml';
import { readPythonParams, type PyValue } from './python-params';
import type { DataValue } from '../types';

function fromPython(value: PyValue): DataValue {
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map(fromPython);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fromPython(v)]));
  }
  return value;
}

function parsePython(text: string): Parsed {
  try {
    // DVC's Python loader nests class attributes under the class name, as we do with the dots.
    return { value: nestLeaves(readPythonParams(text).map(({ key, value }) => ({ key, value: fromPython(value) }))) };
  } catch (e) {
    return { error: errorMessage(e) };
  }
}

/** A params or metrics file parsed with the loader DVC picks by its extension. */
export function parseDataFile(path: string, text: string): Parsed {
  switch (fileFormat(path)) {
    case 'json':
      return parseJson(text);
    case 'toml':
      return parseToml(text);
    case 'python':
      return parsePython(text);
    case 'yaml':
      return parseYaml(text);
  }
}
