import { isMap, isScalar, isSeq, parseDocument, type Document, type Scalar, type YAMLMap } from 'yaml';
import { importMd5 } from '../hash/import-md5';
import { isMd5Id } from '../hash/md5';
import { replaceScalar, type YamlPlace } from './yaml-splice';
import { lockStageDirs } from './lock-wdirs';
import { dirname, joinPath } from '../paths';
import { applySplices, columnOf, lineBreakAt, lineStart, nextLineStart, type Splice } from './text-splice';

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

/** Entries addressed by something other than md5 (import-url, cloud versioning, DVC 3 file lists). */
const OTHER_ADDRESS_KEYS = ['etag', 'checksum', 'version_id', 'files', 'cloud'];

/** A repo-relative path joined from `parts`; a path that leaves the repository names no output. */
function outputPath(file: string, ...parts: string[]): string {
  const path = joinPath(...parts);
  if (path === null) throw new Error(`${file}: ${parts.join('/')} lies outside the repository`);
  return path;
}

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

/** Where the output entries' paths start: a `.dvc` file is self-contained, a `dvc.lock` needs its dvc.yaml. */
export interface RewriteContext {
  /** The text of the `dvc.yaml` beside a `dvc.lock`: its stages' `wdir` decide what the lock's paths are relative to. */
  readonly dvcYaml?: string;
}

/** Output entries with the directory their `path` is relative to. */
function outEntries(doc: Document, file: string, context: RewriteContext): { map: YAMLMap; base: string }[] {
  const root = doc.contents;
  const fileDir = dirname(outputPath(file, file));
  if (file === 'dvc.lock' || file.endsWith('/dvc.lock')) {
    if (context.dvcYaml === undefined) throw new Error(`${file}: needs the dvc.yaml beside it, whose stages' wdir its paths are relative to`);
    const dirOf = lockStageDirs(context.dvcYaml, file);
    const stages = mapAt(root, 'stages');
    return (stages?.items ?? []).flatMap((stage) => {
      const base = isScalar(stage.key) ? dirOf(String(stage.key.value)) : null;
      return base === null ? [] : seqMaps(stage.value, 'outs').map((map) => ({ map, base }));
    });
  }
  if (file.endsWith('.dvc')) {
    const wdir = isMap(root) ? root.get('wdir') : undefined;
    const base = outputPath(file, fileDir, typeof wdir === 'string' ? wdir : '');
    return seqMaps(root, 'outs').map((map) => ({ map, base }));
  }
  throw new Error(`${file}: not a .dvc file or a dvc.lock`);
}

function findOut(doc: Document, file: string, path: string, context: RewriteContext): YAMLMap {
  const target = outputPath(file, path);
  const matches = outEntries(doc, file, context).filter(({ map, base }) => {
    const own = map.get('path');
    return typeof own === 'string' && joinPath(base, own) === target;
  });
  if (matches.length === 0) throw new Error(`${file}: no output entry for ${target}`);
  if (matches.length > 1) throw new Error(`${file}: ${matches.length} output entries for ${target}`);
  return matches[0]!.map;
}

/**
 * The splice writing an md5 where `node` stands. ruamel (DVC's writer) leaves an md5 plain unless
 * it would read back as a number (all digits, `12e34`, `0b101`), then single-quotes it. The params
 * writer's string spelling is deliberately stricter (it quotes anything that starts with a digit),
 * which would quote most md5s, so only the number-like ones go through it, as quoted strings.
 */
function md5Splice(text: string, node: Scalar, md5: string, place: YamlPlace): Splice {
  const numberLike = /^(?:[0-9]+(?:e[0-9]+)?|0b[01]+)$/.test(md5);
  if (numberLike) return replaceScalar(text, node, md5, 'string', place);
  return { from: node.range![0], to: node.range![1], insert: md5 };
}

/** ruamel's quote for strings it must quote. */
const RUAMEL_QUOTE = 'QUOTE_SINGLE';

function checkHash(hash: OutHash, where: string): void {
  if (!isMd5Id(hash.md5)) throw new Error(`${where}: "${hash.md5}" is not an md5 (32 hex digits, optionally .dir)`);
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

  const place: YamlPlace = { inFlow: entry.flow === true, quote: RUAMEL_QUOTE };
  const count = (pair: ScalarPair, value: number): Splice => replaceScalar(text, pair.value, value, 'int', place);
  const splices: Splice[] = [md5Splice(text, md5.value, hash.md5, place)];
  const missing: string[] = [];
  if (size) splices.push(count(size, hash.size));
  else missing.push(`size: ${hash.size}`);
  if (hash.nfiles !== undefined) {
    if (nfiles) splices.push(count(nfiles, hash.nfiles));
    else missing.push(`nfiles: ${hash.nfiles}`);
  } else if (nfiles) {
    const from = lineStart(text, nfiles.key.range![0]);
    if (text.slice(from, nfiles.key.range![0]).trim() !== '') throw new Error(`${where}: cannot drop nfiles from this layout`);
    splices.push({ from, to: nextLineStart(text, nfiles.value.range![1]), insert: '' });
  }
  if (missing.length > 0) {
    if (entry.flow) throw new Error(`${where}: cannot add ${missing.join(', ')} to a flow mapping`);
    const after = size ?? md5;
    const indent = ' '.repeat(columnOf(text, after.key.range![0]));
    const eol = lineBreakAt(text, after.value.range![1]);
    const at = nextLineStart(text, after.value.range![1]);
    const lines = missing.map((line) => `${indent}${line}`);
    const endsWithNewline = at > 0 && text[at - 1] === '\n';
    splices.push({ from: at, to: at, insert: endsWithNewline ? lines.map((line) => line + eol).join('') : lines.map((line) => eol + line).join('') });
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
 * A `dvc.lock` records paths relative to each stage's `wdir`, which only its dvc.yaml knows:
 * `context.dvcYaml` is required for a lock (lock stages the dvc.yaml no longer defines are skipped).
 * Throws with a readable message when the entry is missing, ambiguous or not md5-addressed.
 */
export function rewriteOut(text: string, file: string, path: string, hash: OutHash, context: RewriteContext = {}): string {
  const where = `${file}: ${outputPath(file, path)}`;
  checkHash(hash, where);
  const entry = findOut(parse(text, file), file, path, context);
  const rewritten = applySplices(text, entrySplices(text, entry, hash, where));
  if (!file.endsWith('.dvc')) return rewritten;
  const root = parse(rewritten, file).contents;
  const stageMd5 = isMap(root) ? pairOf(root, 'md5', file) : undefined;
  if (!stageMd5) return rewritten;
  const place: YamlPlace = { inFlow: false, quote: RUAMEL_QUOTE };
  return applySplices(rewritten, [md5Splice(rewritten, stageMd5.value, importMd5(rewritten), place)]);
}
