import { isMap, isScalar, isSeq, parseDocument, type Document, type Scalar, type YAMLMap } from 'yaml';
import { importMd5 } from './import-md5';
import { dirnamePosix, joinPosix, normalisePosix } from './posix-path';
import { applySplices, lineEnding, lineStart, nextLineStart, type Splice } from './text-splice';

/** The new content of an output: md5 of the entry's own generation, size in bytes, nfiles for a `.dir`. */
export interface OutHash {
  readonly md5: string;
  readonly size: number;
  readonly nfiles?: number;
}

interface ScalarPair {
  readonly key: Scalar;
  readonly value: Scalar;
}

const MD5_VALUE = /^[0-9a-f]{32}(\.dir)?$/;
/** Entries addressed by something other than md5 (import-url, cloud versioning, DVC 3 file lists). */
const OTHER_ADDRESS_KEYS = ['etag', 'checksum', 'version_id', 'files', 'cloud'];

function pairOf(map: YAMLMap, key: string, where: string): ScalarPair | undefined {
  for (const pair of map.items) {
    if (!isScalar(pair.key) || pair.key.value !== key) continue;
    if (!isScalar(pair.value) || !pair.key.range || !pair.value.range) throw new Error(`${where}: \`${key}\` is not a plain value`);
    return { key: pair.key, value: pair.value };
  }
  return undefined;
}

function mapAt(parent: unknown, key: string): YAMLMap | undefined {
  if (!isMap(parent)) return undefined;
  const node = parent.get(key, true);
  return isMap(node) ? node : undefined;
}

function seqMaps(parent: unknown, key: string): YAMLMap[] {
  if (!isMap(parent)) return [];
  const node = parent.get(key, true);
  return isSeq(node) ? node.items.filter(isMap) : [];
}

/** Output entries with the directory their `path` is relative to. */
function outEntries(doc: Document, file: string): { map: YAMLMap; base: string }[] {
  const root = doc.contents;
  const fileDir = dirnamePosix(file);
  if (file === 'dvc.lock' || file.endsWith('/dvc.lock')) {
    const stages = mapAt(root, 'stages');
    return (stages?.items ?? []).flatMap((stage) => seqMaps(stage.value, 'outs').map((map) => ({ map, base: fileDir })));
  }
  if (file.endsWith('.dvc')) {
    const wdir = isMap(root) ? root.get('wdir') : undefined;
    const base = joinPosix(fileDir, typeof wdir === 'string' ? wdir : '');
    return seqMaps(root, 'outs').map((map) => ({ map, base }));
  }
  throw new Error(`${file}: not a .dvc file or a dvc.lock`);
}

function findOut(doc: Document, file: string, path: string): YAMLMap {
  const target = normalisePosix(path);
  const matches = outEntries(doc, file).filter(({ map, base }) => {
    const own = map.get('path');
    return typeof own === 'string' && joinPosix(base, own) === target;
  });
  if (matches.length === 0) throw new Error(`${file}: no output entry for ${target}`);
  if (matches.length > 1) throw new Error(`${file}: ${matches.length} output entries for ${target}`);
  return matches[0]!.map;
}

/** ruamel (DVC's writer) quotes a string that would read back as a number: all digits, `12e34`, `0b101`. */
function hashScalar(md5: string): string {
  return /^(?:[0-9]+(?:e[0-9]+)?|0b[01]+)$/.test(md5) ? `'${md5}'` : md5;
}

function checkHash(hash: OutHash, where: string): void {
  if (!MD5_VALUE.test(hash.md5)) throw new Error(`${where}: "${hash.md5}" is not an md5 (32 hex digits, optionally .dir)`);
  if (!Number.isSafeInteger(hash.size) || hash.size < 0) throw new Error(`${where}: size must be a whole number of bytes`);
  const isDir = hash.md5.endsWith('.dir');
  if (isDir && hash.nfiles === undefined) throw new Error(`${where}: a directory (.dir) needs nfiles`);
  if (!isDir && hash.nfiles !== undefined) throw new Error(`${where}: nfiles belongs to directories (.dir md5) only`);
  if (hash.nfiles !== undefined && (!Number.isSafeInteger(hash.nfiles) || hash.nfiles < 0)) {
    throw new Error(`${where}: nfiles must be a whole number`);
  }
}

/** The splices that give `entry` the new md5/size/nfiles, inserting missing lines after their DVC neighbours. */
function entrySplices(text: string, entry: YAMLMap, hash: OutHash, where: string): Splice[] {
  const hashName = pairOf(entry, 'hash', where);
  if (hashName && hashName.value.value !== 'md5') throw new Error(`${where}: entries hashed with "${String(hashName.value.value)}" are not supported`);
  const other = OTHER_ADDRESS_KEYS.find((key) => entry.has(key));
  if (other) throw new Error(`${where}: the entry is addressed by \`${other}\`, not by md5; it cannot be rewritten`);
  const md5 = pairOf(entry, 'md5', where);
  if (!md5) throw new Error(`${where}: the entry has no md5`);
  const size = pairOf(entry, 'size', where);
  const nfiles = pairOf(entry, 'nfiles', where);

  const valueSplice = (pair: ScalarPair, value: string): Splice => ({ start: pair.value.range![0], end: pair.value.range![1], text: value });
  const splices: Splice[] = [valueSplice(md5, hashScalar(hash.md5))];
  const missing: string[] = [];
  if (size) splices.push(valueSplice(size, String(hash.size)));
  else missing.push(`size: ${hash.size}`);
  if (hash.nfiles !== undefined) {
    if (nfiles) splices.push(valueSplice(nfiles, String(hash.nfiles)));
    else missing.push(`nfiles: ${hash.nfiles}`);
  } else if (nfiles) {
    const start = lineStart(text, nfiles.key.range![0]);
    if (text.slice(start, nfiles.key.range![0]).trim() !== '') throw new Error(`${where}: cannot drop nfiles from this layout`);
    splices.push({ start, end: nextLineStart(text, nfiles.value.range![1]), text: '' });
  }
  if (missing.length > 0) {
    if (entry.flow) throw new Error(`${where}: cannot add ${missing.join(', ')} to a flow mapping`);
    const after = size ?? md5;
    const indent = ' '.repeat(after.key.range![0] - lineStart(text, after.key.range![0]));
    const eol = lineEnding(text);
    const at = nextLineStart(text, after.value.range![1]);
    const lines = missing.map((line) => `${indent}${line}`);
    const endsWithNewline = at > 0 && text[at - 1] === '\n';
    splices.push({ start: at, end: at, text: endsWithNewline ? lines.map((line) => line + eol).join('') : lines.map((line) => eol + line).join('') });
  }
  return splices;
}

function parse(text: string, file: string): Document {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) throw new Error(`${file}: not valid YAML: ${doc.errors[0]!.message}`);
  return doc;
}

/**
 * The `.dvc` or `dvc.lock` text with the output entry for `path` (repo-relative; in a `dvc.lock`,
 * a stage output — deps keep recording what the stage last ran with) pointing at new content.
 * Only the entry's `md5`, `size` and `nfiles` values change (a missing `size`/`nfiles` line is
 * added, a stale `nfiles` dropped); `hash:` stays, so a 2.x entry stays 2.x and `md5` must be
 * of the entry's generation. An import `.dvc` file's own top-level `md5` is recomputed.
 * Throws with a readable message when the entry is missing, ambiguous or not md5-addressed.
 */
export function rewriteOut(text: string, file: string, path: string, hash: OutHash): string {
  const where = `${file}: ${normalisePosix(path)}`;
  checkHash(hash, where);
  const entry = findOut(parse(text, file), file, path);
  const rewritten = applySplices(text, entrySplices(text, entry, hash, where));
  if (!file.endsWith('.dvc')) return rewritten;
  const root = parse(rewritten, file).contents;
  const stageMd5 = isMap(root) ? pairOf(root, 'md5', file) : undefined;
  if (!stageMd5) return rewritten;
  const { range } = stageMd5.value;
  return applySplices(rewritten, [{ start: range![0], end: range![1], text: hashScalar(importMd5(rewritten)) }]);
}
