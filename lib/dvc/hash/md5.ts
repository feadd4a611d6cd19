import { md5 } from '@noble/hashes/legacy.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { createMD5 } from 'hash-wasm';
import { dos2unix } from './dos2unix';
import { isTextBlock, TEXT_TEST_BYTES } from './text-block';
import type { HashGeneration } from '../types';

/** An md5 object id as DVC writes it: 32 lower-case hex digits, `.dir` added for a directory manifest. */
export function isMd5Id(value: string): boolean {
  return /^[0-9a-f]{32}(\.dir)?$/.test(value);
}

export interface Md5Hasher {
  update(bytes: Uint8Array): Md5Hasher;
  /** Lower-case hex digest. Finishes the hasher: call it once. */
  digest(): string;
}

/**
 * dvc-data reads files in blocks of this size (`fobj_md5(chunk_size=2**20)`); for legacy
 * entries each block is tested and converted on its own (`Dos2UnixHashStreamFile.read`).
 */
const DVC_READ_BLOCK_BYTES = 2 ** 20;

/** An md5 engine: plain MD5 over whatever bytes it is given, the digest as lower-case hex. */
interface Md5Engine {
  update(bytes: Uint8Array): void;
  digestHex(): string;
}

function nobleEngine(): Md5Engine {
  const inner = md5.create();
  return { update: (bytes) => void inner.update(bytes), digestHex: () => bytesToHex(inner.digest()) };
}

/** hash-wasm's WebAssembly MD5: several times faster than the JavaScript one on large files (extension pages need `'wasm-unsafe-eval'`). */
async function wasmEngine(): Promise<Md5Engine> {
  const inner = await createMD5();
  inner.init();
  return { update: (bytes) => void inner.update(bytes), digestHex: () => inner.digest('hex') };
}

/** Re-blocks the caller's chunks into DVC's read blocks, so chunking never changes the result. */
function createDos2UnixMd5(inner: Md5Engine): Md5Hasher {
  const block = new Uint8Array(DVC_READ_BLOCK_BYTES);
  let filled = 0;
  const flush = (): void => {
    const data = block.subarray(0, filled);
    inner.update(isTextBlock(data.subarray(0, TEXT_TEST_BYTES)) ? dos2unix(data) : data);
    filled = 0;
  };
  const hasher: Md5Hasher = {
    update(bytes) {
      let offset = 0;
      while (offset < bytes.length) {
        const take = Math.min(bytes.length - offset, DVC_READ_BLOCK_BYTES - filled);
        block.set(bytes.subarray(offset, offset + take), filled);
        filled += take;
        offset += take;
        if (filled === DVC_READ_BLOCK_BYTES) flush();
      }
      return hasher;
    },
    digest() {
      if (filled > 0) flush();
      return inner.digestHex();
    },
  };
  return hasher;
}

function createRawMd5(inner: Md5Engine): Md5Hasher {
  const hasher: Md5Hasher = {
    update(bytes) {
      inner.update(bytes);
      return hasher;
    },
    digest: () => inner.digestHex(),
  };
  return hasher;
}

/**
 * An incremental md5 as DVC computes a file's hash for an entry of `generation`: raw bytes for
 * 3.x; for 2.x, every 1 MiB read block whose first 512 bytes pass DVC's text test is hashed
 * with CRLF turned into LF (a CRLF that straddles two of DVC's blocks stays as it is, as in DVC),
 * whatever the sizes of the chunks given to `update`. This is how DVC 3 verifies legacy entries
 * (dvc-data `Dos2UnixHashStreamFile`); DVC 2.x itself tested only the file's first 512 bytes and
 * applied that verdict to every block — the two agree unless a later block's verdict differs.
 */
export function createMd5(generation: HashGeneration): Md5Hasher {
  return withGeneration(generation, nobleEngine());
}

/** As `createMd5`, on the WebAssembly engine: for hashing whole data files (the Run form's uploads, `npm run bench`). */
export async function createFastMd5(generation: HashGeneration): Promise<Md5Hasher> {
  return withGeneration(generation, await wasmEngine());
}

function withGeneration(generation: HashGeneration, engine: Md5Engine): Md5Hasher {
  return generation === '3' ? createRawMd5(engine) : createDos2UnixMd5(engine);
}

export function md5Of(bytes: Uint8Array, generation: HashGeneration): string {
  return createMd5(generation).update(bytes).digest();
}
