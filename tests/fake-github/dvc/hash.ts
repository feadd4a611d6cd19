import { createHash } from 'node:crypto';

/*
 * DVC's object hashes, as dvc-data computes them (iterative/dvc-data
 * `src/dvc_data/hashfile/hash.py`, `istextfile.py`, `tree.py`; dvc.org `user-guide/upgrade.md`).
 * The fake keeps its own implementation, built on node:crypto, so it is an independent check of
 * whatever the extension computes.
 */

export function md5Hex(bytes: Uint8Array | string): string {
  return createHash('md5').update(bytes).digest('hex');
}

/** dvc-data's `istextfile` on one block: no NUL, and at most 30 % of bytes outside printable ASCII and \n\r\t\f\b. */
function looksText(block: Uint8Array): boolean {
  if (block.length === 0) return true;
  let binary = 0;
  for (const b of block) {
    if (b === 0) return false;
    const printable = (b >= 0x20 && b <= 0x7e) || b === 0x0a || b === 0x0d || b === 0x09 || b === 0x0c || b === 0x08;
    if (!printable) binary++;
  }
  return binary / block.length <= 0.3;
}

const CHUNK = 1024 * 1024;

/**
 * DVC 2.x's "md5-dos2unix": each 1 MiB chunk whose first 512 bytes look like text has every CRLF
 * replaced by LF before hashing (as dvc-data's Dos2UnixHashStreamFile reads it).
 */
export function md5Dos2unixHex(bytes: Uint8Array): string {
  const hash = createHash('md5');
  for (let start = 0; start < bytes.length || start === 0; start += CHUNK) {
    const chunk = bytes.subarray(start, start + CHUNK);
    const text = looksText(chunk.subarray(0, 512));
    hash.update(text ? Buffer.from(Buffer.from(chunk).toString('latin1').replaceAll('\r\n', '\n'), 'latin1') : chunk);
    if (chunk.length === 0) break;
  }
  return hash.digest('hex');
}

/** Python's `json.dumps(value, sort_keys=True)` (ensure_ascii, separators ", " and ": "). */
export function pythonJsonDumps(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : JSON.stringify(value);
  if (typeof value === 'string') {
    return `"${value.replace(/[^\x20-\x7e]|["\\]/g, (c) => {
      const named: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };
      return named[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
    })}"`;
  }
  if (Array.isArray(value)) return `[${value.map(pythonJsonDumps).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${pythonJsonDumps(k)}: ${pythonJsonDumps(v)}`).join(', ')}}`;
  }
  throw new Error(`not JSON: ${typeof value}`);
}

export interface DirEntry {
  md5: string;
  relpath: string;
}

/**
 * A `.dir` manifest's entries: a JSON list of objects with `md5` and `relpath` (other keys, such
 * as meta written by newer DVC, are allowed and do not count toward the hash).
 */
export function parseDirManifest(bytes: Uint8Array): DirEntry[] {
  const list: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  if (!Array.isArray(list)) throw new Error('a .dir manifest is a JSON list');
  return list.map((entry: unknown, i) => {
    const { md5, relpath } = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    if (typeof md5 !== 'string' || typeof relpath !== 'string') throw new Error(`.dir entry ${i} needs string md5 and relpath`);
    return { md5, relpath };
  });
}

/** The `.dir` hash: md5 of the {md5, relpath} list sorted by relpath, dumped as Python does, plus `.dir`. */
export function dirHash(entries: DirEntry[]): string {
  const sorted = entries.map(({ md5, relpath }) => ({ md5, relpath })).sort((a, b) => (a.relpath < b.relpath ? -1 : a.relpath > b.relpath ? 1 : 0));
  return `${md5Hex(pythonJsonDumps(sorted))}.dir`;
}
