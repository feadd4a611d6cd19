import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { dirHash, md5Dos2unixHex, md5Hex, parseDirManifest } from './hash';

/**
 * Where an object lives under a remote's root (dvc-objects `_oid_parts`): DVC 3.x pushes to
 * `files/md5/ab/cdef…`, DVC 2.x to `ab/cdef…`; `.dir` manifests keep their suffix.
 */
export interface ObjectName {
  layout: '3.x' | '2.x';
  /** The hash the name claims: 32 hex digits, plus `.dir` for a manifest. */
  oid: string;
}

const OBJECT_PATH = /^(files\/md5\/)?([0-9a-f]{2})\/([0-9a-f]{30})(\.dir)?$/;

export function objectName(path: string): ObjectName | undefined {
  const m = OBJECT_PATH.exec(path);
  if (!m) return undefined;
  return { layout: m[1] ? '3.x' : '2.x', oid: `${m[2]}${m[3]}${m[4] ?? ''}` };
}

export function objectPath(layout: ObjectName['layout'], oid: string): string {
  return `${layout === '3.x' ? 'files/md5/' : ''}${oid.slice(0, 2)}/${oid.slice(2)}`;
}

/** Thrown for an object whose name is not its hash: the remote never holds one. */
export class ObjectRefused extends Error {
  constructor(
    readonly path: string,
    readonly actual: string | undefined,
    reason: string,
  ) {
    super(`${path}: ${reason}`);
    this.name = 'ObjectRefused';
  }
}

/**
 * The hash DVC would give these bytes under this name: 3.x files by md5 of the raw bytes, 2.x
 * files by md5-dos2unix, manifests by the `.dir` hash of their entries.
 */
export function hashFor(name: ObjectName, bytes: Uint8Array): string {
  if (name.oid.endsWith('.dir')) return dirHash(parseDirManifest(bytes));
  return name.layout === '3.x' ? md5Hex(bytes) : md5Dos2unixHex(bytes);
}

/** The content-addressed store behind one DVC remote (HTTP or an S3 bucket prefix). */
export class DvcRemoteStore {
  private readonly objects = new Map<string, Uint8Array>();

  /** Stores an object, refusing any whose name is not the hash of its content. */
  put(path: string, bytes: Uint8Array): void {
    const name = objectName(path);
    if (!name) throw new ObjectRefused(path, undefined, 'not a DVC object path (files/md5/ab/cdef… or ab/cdef…)');
    let actual: string;
    try {
      actual = hashFor(name, bytes);
    } catch (error) {
      throw new ObjectRefused(path, undefined, `unreadable .dir manifest: ${(error as Error).message}`);
    }
    if (actual !== name.oid) throw new ObjectRefused(path, actual, `named ${name.oid} but its ${name.layout} hash is ${actual}`);
    this.objects.set(path, bytes);
  }

  get(path: string): Uint8Array | undefined {
    return this.objects.get(path);
  }

  paths(): string[] {
    return [...this.objects.keys()].sort();
  }

  /** A remote seeded from a folder laid out like a real one; throws on the first bad object. */
  static fromFolder(root: string): DvcRemoteStore {
    const store = new DvcRemoteStore();
    for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const full = join(entry.parentPath, entry.name);
      store.put(relative(root, full).split(sep).join('/'), new Uint8Array(readFileSync(full)));
    }
    return store;
  }
}
